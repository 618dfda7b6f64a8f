// Decodes one value (ABI.md section 4) from the page's memory into a Value tree. The host
// validated what it wrote, but the reader still checks every length: a malformed input aborts
// the page with the byte offset, never reads past the buffer.
import { Value } from "./value";

const MAX_DEPTH: i32 = 32;

class Reader {
  constructor(public start: usize, public end: usize, public at: usize) {}

  fail(message: string): void {
    throw new Error("input value, byte " + (<i32>(this.at - this.start)).toString() + ": " + message);
  }

  need(count: usize, what: string): void {
    if (this.end - this.at < count) this.fail("ends in the middle of " + what);
  }

  u32(what: string): u32 {
    this.need(4, what);
    const v = load<u32>(this.at);
    this.at += 4;
    return v;
  }

  string(what: string): string {
    const length = <usize>this.u32("the length of " + what);
    this.need(length, what);
    const s = String.UTF8.decodeUnsafe(this.at, length);
    this.at += length;
    return s;
  }

  value(depth: i32): Value {
    if (depth > MAX_DEPTH) this.fail("values nest deeper than 32 levels");
    this.need(1, "a value tag");
    const tag = load<u8>(this.at);
    this.at++;
    switch (tag) {
      case 0x00: return Value.NULL;
      case 0x01: return Value.ofBool(false);
      case 0x02: return Value.ofBool(true);
      case 0x03: {
        this.need(8, "a number");
        const n = load<f64>(this.at);
        this.at += 8;
        return Value.ofNumber(n);
      }
      case 0x04: return Value.ofString(this.string("a string"));
      case 0x05: {
        const count = this.u32("an array length");
        if (<usize>count > this.end - this.at) this.fail("array of " + count.toString() + " items cannot fit");
        const array = Value.newArray();
        for (let i: u32 = 0; i < count; i++) array.push(this.value(depth + 1));
        return array;
      }
      case 0x06: {
        const count = this.u32("an object size");
        if (<usize>count * 5 > this.end - this.at) this.fail("object of " + count.toString() + " fields cannot fit");
        const object = Value.newObject();
        for (let i: u32 = 0; i < count; i++) {
          const key = this.string("an object key");
          object.set(key, this.value(depth + 1));
        }
        return object;
      }
    }
    this.at--;
    this.fail("unknown value tag " + tag.toString());
    return Value.NULL;
  }
}

/** The value in the `len` bytes at `ptr`; aborts (crashing the page) if they are not exactly one value. */
export function readValue(ptr: usize, len: i32): Value {
  if (len < 0) throw new Error("input value: negative length " + len.toString());
  const reader = new Reader(ptr, ptr + <usize>len, ptr);
  const value = reader.value(0);
  if (reader.at != reader.end) reader.fail("unexpected bytes after the value");
  return value;
}
