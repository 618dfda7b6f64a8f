// The six exports of the Ficus page ABI v1 (wasm-pages/ABI.md section 2). A page file re-exports
// exactly these with `export * from "../sdk/exports";` and registers its page with `registerPage`.
import { ABI_VERSION } from "./abi-imports";
import { allocInput } from "./input";
import { runEvent, runFrame, runMount, runUnmount } from "./lifecycle";

export function ficus_abi_version(): i32 {
  return ABI_VERSION;
}

/** The host asks for `size` bytes to write its input into; the SDK takes them back after use. */
export function ficus_alloc(size: i32): usize {
  return allocInput(size);
}

export function ficus_mount(ptr: usize, len: i32): void {
  runMount(ptr, len);
}

export function ficus_event(ptr: usize, len: i32): void {
  runEvent(ptr, len);
}

/** Returns when the next frame is needed: 0 = next display frame, ms until a timer, -1 = none (ABI.md section 2). */
export function ficus_frame(nowMs: f64): f64 {
  return runFrame(nowMs);
}

export function ficus_unmount(): void {
  runUnmount();
}
