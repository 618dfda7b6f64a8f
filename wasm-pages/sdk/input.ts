// Input buffers (ABI.md section 6). The host calls `ficus_alloc(len)`, writes one value there, then
// passes it to `ficus_mount` / `ficus_event`; from then on the buffer is the page's. The SDK decodes
// it at once into a Value tree (which copies every string) and takes the buffer back: it keeps one
// small buffer for the next input and frees the rest. Pages never see or free these buffers.
import { readValue } from "./value-reader";
import { Value } from "./value";

/** Buffers up to this size are kept for reuse; larger ones are freed after use. */
const REUSE_AT_MOST: usize = 16 * 1024;
const MIN_SIZE: usize = 256;

let spare: usize = 0;
let spareSize: usize = 0;
/** Buffers handed to the host and not consumed yet: pointer → capacity. */
const outstanding = new Map<usize, usize>();

/** `ficus_alloc`: a buffer of at least `size` writable bytes. */
export function allocInput(size: i32): usize {
  const wanted = <usize>max(size, 0);
  let ptr: usize;
  let capacity: usize;
  if (spare != 0 && spareSize >= wanted) {
    ptr = spare;
    capacity = spareSize;
    spare = 0;
    spareSize = 0;
  } else {
    capacity = max(wanted, MIN_SIZE);
    ptr = heap.alloc(capacity);
  }
  outstanding.set(ptr, capacity);
  return ptr;
}

/** Decodes the input at `ptr` and takes its buffer back (kept as the spare, or freed). */
export function takeInput(ptr: usize, len: i32): Value {
  const value = readValue(ptr, len);
  if (outstanding.has(ptr)) {
    const capacity = outstanding.get(ptr);
    outstanding.delete(ptr);
    if (capacity <= REUSE_AT_MOST && (spare == 0 || spareSize < capacity)) {
      if (spare != 0) heap.free(spare);
      spare = ptr;
      spareSize = capacity;
    } else {
      heap.free(ptr);
    }
  }
  return value;
}

/** How many input buffers the host holds and has not handed back (0 between calls). */
export function inputsOutstanding(): i32 {
  return outstanding.size;
}
