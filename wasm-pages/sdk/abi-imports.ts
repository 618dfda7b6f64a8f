// The one host import of the Ficus page ABI (wasm-pages/ABI.md section 3) and its kinds. The kinds
// and the version the SDK speaks are generated from bridge/wasm-abi.ts (generated/abi.ts).
export { ABI_VERSION, EMIT_MESSAGE, EMIT_SCENE_BATCH } from "./generated/abi";

/**
 * Hands the host `len` bytes at `ptr`. The host copies them before returning, so the SDK reuses
 * its buffers right after. `kind` is EMIT_SCENE_BATCH (a scene batch in the layout of
 * bridge/scene-codec/format.ts, ABI.md section 5) or EMIT_MESSAGE (a message encoded as one value,
 * ABI.md sections 4 and 7); anything else crashes the page.
 */
@external("ficus", "emit")
export declare function emit(kind: i32, ptr: usize, len: i32): void;
