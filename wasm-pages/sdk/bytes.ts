// A growable little-endian byte buffer in raw (non-GC) memory, reused from one message to the next.

/** Buffers that grew past this are shrunk back after use, so one huge batch does not pin memory. */
const KEEP_AT_MOST: i32 = 64 * 1024;

export class ByteBuffer {
  ptr: usize;
  capacity: i32;
  length: i32 = 0;
  private initial: i32;

  constructor(initial: i32 = 256) {
    this.initial = initial;
    this.capacity = initial;
    this.ptr = heap.alloc(<usize>initial);
  }

  /** Forgets the contents (keeps the memory, unless it grew unusually large). */
  reset(): void {
    this.length = 0;
    if (this.capacity > KEEP_AT_MOST) {
      heap.free(this.ptr);
      this.capacity = this.initial;
      this.ptr = heap.alloc(<usize>this.initial);
    }
  }

  /**
   * Makes room for `extra` bytes at the end and returns where they go. Not `@inline`: a copy in each
   * writer cost 400 bytes per page module (40 KB budget), for a call that is cheap next to the rest.
   */
  private grow(extra: i32): usize {
    const needed = this.length + extra;
    if (needed > this.capacity) {
      let size = this.capacity * 2;
      while (size < needed) size *= 2;
      this.ptr = heap.realloc(this.ptr, <usize>size);
      this.capacity = size;
    }
    const at = this.ptr + <usize>this.length;
    this.length = needed;
    return at;
  }

  u8(value: u8): void {
    store<u8>(this.grow(1), value);
  }

  u16(value: u16): void {
    store<u16>(this.grow(2), value);
  }

  u32(value: u32): void {
    store<u32>(this.grow(4), value);
  }

  i32(value: i32): void {
    store<i32>(this.grow(4), value);
  }

  f64(value: f64): void {
    store<f64>(this.grow(8), value);
  }

  /** A u32 byte length, then the UTF-8 bytes: how both encodings write strings. */
  utf8(text: string): void {
    const size = String.UTF8.byteLength(text);
    this.u32(<u32>size);
    const at = this.grow(size);
    String.UTF8.encodeUnsafe(changetype<usize>(text), text.length, at, false, String.UTF8.ErrorMode.REPLACE);
  }

  /** Copies `len` bytes from `src`. */
  raw(src: usize, len: i32): void {
    memory.copy(this.grow(len), src, <usize>len);
  }
}
