// Decodes one value (ABI.md section 4) from the page's memory into a Value tree. The host
// validated what it wrote, but the reader still checks every length: a malformed input aborts
// the page with the byte offset, never reads past the buffer.
import { MAX_VALUE_DEPTH, valueDepthRule, VALUE_TAG_ARRAY, VALUE_TAG_FALSE, VALUE_TAG_NULL } from "./generated/value-format";
import { VALUE_TAG_NUMBER, VALUE_TAG_OBJECT, VALUE_TAG_STRING, VALUE_TAG_TRUE } from "./generated/value-format";
import { Value } from "./value";

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
    if (depth > MAX_VALUE_DEPTH) this.fail(valueDepthRule());
    this.need(1, "a value tag");
    const tag = load<u8>(this.at);
    this.at++;
    switch (tag) {
      case VALUE_TAG_NULL: return Value.NULL;
      case VALUE_TAG_FALSE: return Value.ofBool(false);
      case VALUE_TAG_TRUE: return Value.ofBool(true);
      case VALUE_TAG_NUMBER: {
        this.need(8, "a number");
        const n = load<f64>(this.at);
        this.at += 8;
        return Value.ofNumber(n);
      }
      case VALUE_TAG_STRING: return Value.ofString(this.string("a string"));
      case VALUE_TAG_ARRAY: {
        const count = this.u32("an array length");
        if (<usize>count > this.end - this.at) this.fail("array of " + count.toString() + " items cannot fit");
        const array = Value.newArray();
        for (let i: u32 = 0; i < count; i++) array.push(this.value(depth + 1));
        return array;
      }
      case VALUE_TAG_OBJECT: {
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
