import { NODE_KINDS, PROP_NAME_BY_CODE } from '../props.ts';
import { type SceneOp, SceneOpSchema } from '../scene-ops.ts';
import { describeIssue } from '../schema.ts';
import { CONTRACT_VERSION } from '../version.ts';
import { type CheckedSceneOps, markCheckedOps } from './checked-ops.ts';
import { BATCH_MAGIC, HEADER_BYTES, MIN_OP_BYTES, OPCODES, VALUE_TAGS } from './format.ts';

export type SceneDecodeErrorCode =
  | 'truncated'
  | 'bad-magic'
  | 'version-mismatch'
  | 'bad-flags'
  | 'bad-count'
  | 'bad-utf8'
  | 'unknown-opcode'
  | 'unknown-kind'
  | 'unknown-prop'
  | 'unknown-value-tag'
  | 'bad-string-index'
  | 'invalid-op'
  | 'trailing-bytes';

/** Why a batch could not be decoded, and the byte offset where the problem was found. */
export interface SceneDecodeError {
  readonly code: SceneDecodeErrorCode;
  readonly offset: number;
  readonly message: string;
}

export type SceneDecodeResult =
  | { readonly ok: true; readonly ops: CheckedSceneOps }
  | { readonly ok: false; readonly error: SceneDecodeError };

const OPCODE_NAMES = new Map<number, SceneOp['op']>(
  Object.entries(OPCODES).map(([name, code]) => [code, name as SceneOp['op']]),
);
// ignoreBOM: a leading U+FEFF inside a string is content, not a byte-order mark to strip.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const hex = (value: number): string => `0x${value.toString(16).padStart(2, '0')}`;

/** Raised inside the decoder only; always converted to a SceneDecodeError before returning. */
class DecodeFailure {
  constructor(
    readonly code: SceneDecodeErrorCode,
    readonly offset: number,
    readonly message: string,
  ) {}
}

class ByteReader {
  offset = 0;
  private readonly view: DataView;

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get remaining(): number {
    return this.bytes.length - this.offset;
  }

  private need(count: number, what: string): void {
    if (this.remaining < count) {
      throw new DecodeFailure(
        'truncated',
        this.offset,
        `batch ends after ${this.bytes.length} bytes, in the middle of ${what} (needs ${count} more, has ${this.remaining})`,
      );
    }
  }

  u8(what: string): number {
    this.need(1, what);
    return this.view.getUint8(this.offset++);
  }

  u16(what: string): number {
    this.need(2, what);
    const value = this.view.getUint16(this.offset, true);
    this.offset += 2;
    return value;
  }

  u32(what: string): number {
    this.need(4, what);
    const value = this.view.getUint32(this.offset, true);
    this.offset += 4;
    return value;
  }

  i32(what: string): number {
    this.need(4, what);
    const value = this.view.getInt32(this.offset, true);
    this.offset += 4;
    return value;
  }

  f64(what: string): number {
    this.need(8, what);
    const value = this.view.getFloat64(this.offset, true);
    this.offset += 8;
    return value;
  }

  utf8(length: number, what: string): string {
    this.need(length, what);
    const start = this.offset;
    this.offset += length;
    try {
      return utf8.decode(this.bytes.subarray(start, start + length));
    } catch {
      throw new DecodeFailure('bad-utf8', start, `${what} is not valid UTF-8`);
    }
  }
}

function readHeader(reader: ByteReader): { stringCount: number; opCount: number } {
  if (reader.remaining < HEADER_BYTES) {
    throw new DecodeFailure(
      'truncated',
      0,
      `batch is ${reader.remaining} bytes, shorter than its ${HEADER_BYTES}-byte header`,
    );
  }
  const magic = reader.u32('the magic number');
  if (magic !== BATCH_MAGIC) {
    throw new DecodeFailure(
      'bad-magic',
      0,
      `not a Ficus scene batch (magic ${hex(magic)}, expected ${hex(BATCH_MAGIC)})`,
    );
  }
  const version = reader.u16('the contract version');
  if (version !== CONTRACT_VERSION) {
    throw new DecodeFailure(
      'version-mismatch',
      4,
      `batch was encoded for contract version ${version}, this side speaks version ${CONTRACT_VERSION}`,
    );
  }
  const flags = reader.u16('the flags');
  if (flags !== 0) throw new DecodeFailure('bad-flags', 6, `flags must be 0, got ${hex(flags)}`);
  const stringCount = reader.u32('the string count');
  const opCount = reader.u32('the op count');
  // Counts are checked against the bytes actually present, so a hostile header cannot make us
  // allocate or loop far beyond the size of the message.
  if (stringCount * 4 > reader.remaining) {
    throw new DecodeFailure(
      'bad-count',
      8,
      `string count ${stringCount} cannot fit in the ${reader.remaining} bytes that follow`,
    );
  }
  if (opCount * MIN_OP_BYTES > reader.remaining) {
    throw new DecodeFailure(
      'bad-count',
      12,
      `op count ${opCount} cannot fit in the ${reader.remaining} bytes that follow`,
    );
  }
  return { stringCount, opCount };
}

function readValue(reader: ByteReader, strings: readonly string[]): unknown {
  const at = reader.offset;
  const tag = reader.u8('a value tag');
  switch (tag) {
    case VALUE_TAGS.null:
      return null;
    case VALUE_TAGS.false:
      return false;
    case VALUE_TAGS.true:
      return true;
    case VALUE_TAGS.i32:
      return reader.i32('an i32 value');
    case VALUE_TAGS.f64:
      return reader.f64('an f64 value');
    case VALUE_TAGS.string: {
      const indexAt = reader.offset;
      const index = reader.u32('a string index');
      const value = strings[index];
      if (value === undefined) {
        throw new DecodeFailure(
          'bad-string-index',
          indexAt,
          `string index ${index} is out of range (the table has ${strings.length} strings)`,
        );
      }
      return value;
    }
    default:
      throw new DecodeFailure('unknown-value-tag', at, `unknown value tag ${hex(tag)}`);
  }
}

function readOp(reader: ByteReader, strings: readonly string[]): unknown {
  const at = reader.offset;
  const opcode = reader.u8('an opcode');
  const name = OPCODE_NAMES.get(opcode);
  switch (name) {
    case 'create': {
      const id = reader.u32('create: node id');
      const kindAt = reader.offset;
      const kindCode = reader.u8('create: node kind');
      const kind = NODE_KINDS[kindCode];
      if (kind === undefined) {
        throw new DecodeFailure(
          'unknown-kind',
          kindAt,
          `unknown node kind ${kindCode} (0 view, 1 text, 2 image)`,
        );
      }
      return { op: name, id, kind };
    }
    case 'setProp': {
      const id = reader.u32('setProp: node id');
      const propAt = reader.offset;
      const code = reader.u8('setProp: prop code');
      const prop = PROP_NAME_BY_CODE.get(code);
      if (prop === undefined) throw new DecodeFailure('unknown-prop', propAt, `unknown prop code ${code}`);
      return { op: name, id, name: prop, value: readValue(reader, strings) };
    }
    case 'append':
      return { op: name, parent: reader.u32('append: parent id'), child: reader.u32('append: child id') };
    case 'insertBefore':
      return {
        op: name,
        parent: reader.u32('insertBefore: parent id'),
        child: reader.u32('insertBefore: child id'),
        before: reader.u32('insertBefore: sibling id'),
      };
    case 'remove':
      return { op: name, id: reader.u32('remove: node id') };
    case undefined:
      throw new DecodeFailure('unknown-opcode', at, `unknown opcode ${hex(opcode)}`);
  }
}

/**
 * Decodes a batch produced by {@link encodeSceneBatch} (or by a WASM page writing the same
 * layout). The bytes are untrusted: this never throws; it returns the ops, each validated
 * against the op schema, or an error naming the byte offset and what was wrong.
 *
 * @example
 * const result = decodeSceneBatch(message.bytes);
 * if (!result.ok) log(`bad batch from wasm world: byte ${result.error.offset}: ${result.error.message}`);
 */
export function decodeSceneBatch(bytes: Uint8Array): SceneDecodeResult {
  const reader = new ByteReader(bytes);
  try {
    const { stringCount, opCount } = readHeader(reader);
    const strings: string[] = [];
    for (let i = 0; i < stringCount; i++) {
      const length = reader.u32(`the length of string ${i}`);
      strings.push(reader.utf8(length, `string ${i}`));
    }
    const ops: SceneOp[] = [];
    for (let i = 0; i < opCount; i++) {
      const at = reader.offset;
      const checked = SceneOpSchema.check(readOp(reader, strings), `op ${i}`);
      if (!checked.ok) throw new DecodeFailure('invalid-op', at, describeIssue(checked.issue));
      ops.push(checked.value);
    }
    if (reader.remaining !== 0) {
      throw new DecodeFailure(
        'trailing-bytes',
        reader.offset,
        `${reader.remaining} unexpected bytes after the last op`,
      );
    }
    return { ok: true, ops: markCheckedOps(ops) };
  } catch (failure) {
    if (failure instanceof DecodeFailure) {
      const { code, offset, message } = failure;
      return { ok: false, error: { code, offset, message: `byte ${offset}: ${message}` } };
    }
    throw failure;
  }
}
