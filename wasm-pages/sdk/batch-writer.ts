// Writes one scene batch in the exact layout of bridge/scene-codec/format.ts (ABI.md section 5):
//   header (u32 magic "FCSB", u16 contract version, u16 flags 0, u32 string count, u32 op count),
//   string table (u32 byte length + UTF-8, each distinct string once), then the ops.
// The magic, version, opcodes and value tags are generated from bridge/ (generated/scene-format.ts).
import { emit, EMIT_SCENE_BATCH } from "./abi-imports";
import { ByteBuffer } from "./bytes";
import {
  BATCH_MAGIC, CONTRACT_VERSION, OP_APPEND, OP_CREATE, OP_INSERT_BEFORE, OP_REMOVE, OP_SET_PROP, TAG_F64, TAG_FALSE,
  TAG_I32, TAG_NULL, TAG_STRING, TAG_TRUE,
} from "./generated/scene-format";

/** Whole numbers in i32 range travel as i32 (5 bytes); everything else as f64 (9 bytes). -0 is f64. */
export function fitsI32(value: f64): bool {
  if (!(value >= -2147483648.0 && value <= 2147483647.0)) return false;
  if (Math.floor(value) != value) return false;
  return !(value == 0 && 1 / value < 0);
}

export class BatchWriter {
  private body: ByteBuffer = new ByteBuffer(1024);
  private out: ByteBuffer = new ByteBuffer(1024);
  private strings: string[] = [];
  private stringIndex: Map<string, u32> = new Map<string, u32>();
  /** Ops written since the last emit. */
  count: u32 = 0;
  /** Batches emitted so far (for tests and metrics). */
  emitted: i32 = 0;

  create(id: u32, kind: u8): void {
    this.body.u8(OP_CREATE);
    this.body.u32(id);
    this.body.u8(kind);
    this.count++;
  }

  setNull(id: u32, prop: u8): void {
    this.propHead(id, prop);
    this.body.u8(TAG_NULL);
  }

  setBool(id: u32, prop: u8, value: bool): void {
    this.propHead(id, prop);
    this.body.u8(value ? TAG_TRUE : TAG_FALSE);
  }

  setNumber(id: u32, prop: u8, value: f64): void {
    this.propHead(id, prop);
    if (fitsI32(value)) {
      this.body.u8(TAG_I32);
      this.body.i32(<i32>value);
    } else {
      this.body.u8(TAG_F64);
      this.body.f64(value);
    }
  }

  setString(id: u32, prop: u8, value: string): void {
    this.propHead(id, prop);
    this.body.u8(TAG_STRING);
    this.body.u32(this.intern(value));
  }

  append(parent: u32, child: u32): void {
    this.body.u8(OP_APPEND);
    this.body.u32(parent);
    this.body.u32(child);
    this.count++;
  }

  insertBefore(parent: u32, child: u32, before: u32): void {
    this.body.u8(OP_INSERT_BEFORE);
    this.body.u32(parent);
    this.body.u32(child);
    this.body.u32(before);
    this.count++;
  }

  remove(id: u32): void {
    this.body.u8(OP_REMOVE);
    this.body.u32(id);
    this.count++;
  }

  /** Sends the ops written so far as one batch (`emit(1, ...)`); does nothing when there are none. */
  flush(): bool {
    if (this.count == 0) return false;
    const out = this.out;
    out.reset();
    out.u32(BATCH_MAGIC);
    out.u16(CONTRACT_VERSION);
    out.u16(0);
    out.u32(<u32>this.strings.length);
    out.u32(this.count);
    for (let i = 0; i < this.strings.length; i++) out.utf8(unchecked(this.strings[i]));
    out.raw(this.body.ptr, this.body.length);
    emit(EMIT_SCENE_BATCH, out.ptr, out.length);
    this.emitted++;
    this.discard();
    out.reset();
    return true;
  }

  /** Drops the ops written so far without sending them. */
  discard(): void {
    this.body.reset();
    this.strings.length = 0;
    this.stringIndex.clear();
    this.count = 0;
  }

  private propHead(id: u32, prop: u8): void {
    this.body.u8(OP_SET_PROP);
    this.body.u32(id);
    this.body.u8(prop);
    this.count++;
  }

  /** The string's index in this batch's table; each distinct string is stored once. */
  private intern(value: string): u32 {
    if (this.stringIndex.has(value)) return this.stringIndex.get(value);
    const index = <u32>this.strings.length;
    this.strings.push(value);
    this.stringIndex.set(value, index);
    return index;
  }
}
