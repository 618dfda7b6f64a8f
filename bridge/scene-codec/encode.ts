import { PROPS } from '../props.ts';
import type { SceneOp } from '../scene-ops.ts';
import { CONTRACT_VERSION } from '../version.ts';
import { BATCH_MAGIC, HEADER_BYTES, KIND_CODES, OPCODES, VALUE_TAGS } from './format.ts';

const utf8 = new TextEncoder();

/** Grows by doubling so encoding a batch costs amortised O(bytes). */
class ByteWriter {
  private bytes: Uint8Array;
  private view: DataView;
  offset = 0;

  constructor(initialSize: number) {
    this.bytes = new Uint8Array(initialSize);
    this.view = new DataView(this.bytes.buffer);
  }

  private reserve(extra: number): void {
    const needed = this.offset + extra;
    if (needed <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < needed) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.bytes.subarray(0, this.offset));
    this.bytes = grown;
    this.view = new DataView(grown.buffer);
  }

  u8(value: number): void {
    this.reserve(1);
    this.view.setUint8(this.offset, value);
    this.offset += 1;
  }

  u16(value: number): void {
    this.reserve(2);
    this.view.setUint16(this.offset, value, true);
    this.offset += 2;
  }

  u32(value: number): void {
    this.reserve(4);
    this.view.setUint32(this.offset, value, true);
    this.offset += 4;
  }

  i32(value: number): void {
    this.reserve(4);
    this.view.setInt32(this.offset, value, true);
    this.offset += 4;
  }

  f64(value: number): void {
    this.reserve(8);
    this.view.setFloat64(this.offset, value, true);
    this.offset += 8;
  }

  raw(chunk: Uint8Array): void {
    this.reserve(chunk.length);
    this.bytes.set(chunk, this.offset);
    this.offset += chunk.length;
  }

  /** The bytes written so far (a view, not a copy). */
  written(): Uint8Array {
    return this.bytes.subarray(0, this.offset);
  }

  /** The written bytes, backed by an ArrayBuffer of exactly their length so it can be transferred. */
  finish(): Uint8Array {
    return this.offset === this.bytes.length ? this.bytes : this.bytes.slice(0, this.offset);
  }
}

// -0 is not an i32: it goes out as f64 so that it comes back as -0.
const isInt32 = (value: number): boolean =>
  Number.isInteger(value) && value >= -0x8000_0000 && value <= 0x7fff_ffff && !Object.is(value, -0);

/**
 * Encodes a batch of scene ops into the compact binary layout of `format.ts`. The result owns
 * its buffer: post it with `postMessage(msg, [bytes.buffer])` to transfer instead of copying.
 *
 * @example
 * const bytes = encodeSceneBatch([{ op: 'create', id: 1, kind: 'text' }, { op: 'append', parent: 0, child: 1 }]);
 * worker.postMessage({ type: 'scene.batch', bytes }, [bytes.buffer]);
 */
export function encodeSceneBatch(ops: readonly SceneOp[]): Uint8Array {
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const intern = (value: string): number => {
    let index = stringIndex.get(value);
    if (index === undefined) {
      index = strings.length;
      strings.push(value);
      stringIndex.set(value, index);
    }
    return index;
  };

  // Ops are written first into their own buffer so the string table can be collected in one pass.
  const body = new ByteWriter(64 + ops.length * 12);
  for (const op of ops) {
    body.u8(OPCODES[op.op]);
    switch (op.op) {
      case 'create':
        body.u32(op.id);
        body.u8(KIND_CODES[op.kind]);
        break;
      case 'setProp': {
        body.u32(op.id);
        body.u8(PROPS[op.name].code);
        const value = op.value;
        if (value === null) body.u8(VALUE_TAGS.null);
        else if (value === true) body.u8(VALUE_TAGS.true);
        else if (value === false) body.u8(VALUE_TAGS.false);
        else if (typeof value === 'string') {
          body.u8(VALUE_TAGS.string);
          body.u32(intern(value));
        } else if (isInt32(value)) {
          body.u8(VALUE_TAGS.i32);
          body.i32(value);
        } else {
          body.u8(VALUE_TAGS.f64);
          body.f64(value);
        }
        break;
      }
      case 'append':
        body.u32(op.parent);
        body.u32(op.child);
        break;
      case 'insertBefore':
        body.u32(op.parent);
        body.u32(op.child);
        body.u32(op.before);
        break;
      case 'remove':
        body.u32(op.id);
        break;
    }
  }

  const encodedStrings = strings.map((value) => utf8.encode(value));
  const stringBytes = encodedStrings.reduce((sum, chunk) => sum + 4 + chunk.length, 0);
  const out = new ByteWriter(HEADER_BYTES + stringBytes + body.offset);
  out.u32(BATCH_MAGIC);
  out.u16(CONTRACT_VERSION);
  out.u16(0);
  out.u32(strings.length);
  out.u32(ops.length);
  for (const chunk of encodedStrings) {
    out.u32(chunk.length);
    out.raw(chunk);
  }
  out.raw(body.written());
  return out.finish();
}
