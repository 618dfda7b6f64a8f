// The one host import of the Ficus page ABI (wasm-pages/ABI.md section 3) and its kinds.

/**
 * Hands the host `len` bytes at `ptr`. The host copies them before returning, so the SDK reuses
 * its buffers right after. `kind` is EMIT_SCENE_BATCH or EMIT_MESSAGE; anything else crashes the page.
 */
@external("ficus", "emit")
export declare function emit(kind: i32, ptr: usize, len: i32): void;

/** A scene batch in the layout of bridge/scene-codec/format.ts (ABI.md section 5). */
export const EMIT_SCENE_BATCH: i32 = 1;
/** A message encoded as one value (ABI.md sections 4 and 7). */
export const EMIT_MESSAGE: i32 = 2;

/** What `ficus_abi_version` returns: ABI_VERSION of bridge/wasm-abi.ts (2: pages that write). */
export const ABI_VERSION: i32 = 2;
