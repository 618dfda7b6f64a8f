/**
 * Hand-assembles scene batches byte by byte, independently of `encodeSceneBatch`, following the
 * layout documented in bridge/scene-codec/format.ts. Tests use it to build exact golden bytes
 * and deliberately broken batches.
 */
export const MAGIC = 0x42_53_43_46;
export const HEADER = 16;

export class Bytes {
  private readonly parts: number[] = [];

  get length(): number {
    return this.parts.length;
  }

  u8(value: number): this {
    this.parts.push(value & 0xff);
    return this;
  }

  u16(value: number): this {
    const view = new DataView(new ArrayBuffer(2));
    view.setUint16(0, value, true);
    return this.raw(new Uint8Array(view.buffer));
  }

  u32(value: number): this {
    const view = new DataView(new ArrayBuffer(4));
    view.setUint32(0, value, true);
    return this.raw(new Uint8Array(view.buffer));
  }

  i32(value: number): this {
    const view = new DataView(new ArrayBuffer(4));
    view.setInt32(0, value, true);
    return this.raw(new Uint8Array(view.buffer));
  }

  f64(value: number): this {
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, value, true);
    return this.raw(new Uint8Array(view.buffer));
  }

  raw(chunk: ArrayLike<number>): this {
    for (let i = 0; i < chunk.length; i++) this.parts.push((chunk[i] ?? 0) & 0xff);
    return this;
  }

  build(): Uint8Array {
    return Uint8Array.from(this.parts);
  }
}

export interface BatchParts {
  readonly magic?: number;
  readonly version?: number;
  readonly flags?: number;
  /** Raw UTF-8 bytes of each string-table entry (or strings, encoded as UTF-8). */
  readonly strings?: ReadonlyArray<string | Uint8Array>;
  /** Defaults to the number of entries in `strings`. */
  readonly stringCount?: number;
  /** Defaults to 0: set it to the number of ops written into `ops`. */
  readonly opCount?: number;
  /** Writes the op section. */
  readonly ops?: (b: Bytes) => void;
}

/** A batch with the given header fields, string table and op bytes. */
export function assemble(parts: BatchParts): Uint8Array {
  const strings = (parts.strings ?? []).map((s) => (typeof s === 'string' ? new TextEncoder().encode(s) : s));
  const b = new Bytes()
    .u32(parts.magic ?? MAGIC)
    .u16(parts.version ?? 1)
    .u16(parts.flags ?? 0)
    .u32(parts.stringCount ?? strings.length)
    .u32(parts.opCount ?? 0);
  for (const s of strings) b.u32(s.length).raw(s);
  parts.ops?.(b);
  return b.build();
}

/** Byte offsets of each string-length field in a well-formed batch's string table. */
export function stringLengthOffsets(bytes: Uint8Array): number[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint32(8, true);
  const offsets: number[] = [];
  let at = HEADER;
  for (let i = 0; i < count; i++) {
    offsets.push(at);
    at += 4 + view.getUint32(at, true);
  }
  return offsets;
}
