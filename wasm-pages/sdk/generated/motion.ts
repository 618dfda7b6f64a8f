// generated from bridge/motion.ts by wasm-pages/build/generate-constants.ts; do not edit.
// `npm run build:wasm` rewrites it when a source changes, and a unit test fails while it is stale.

/** Bits of the `animate` prop: which prop changes the host animates (see `Node.animate`). */
export namespace Animate {
  export const NONE: i32 = 0;
  export const X: i32 = 1;
  export const Y: i32 = 2;
  export const OPACITY: i32 = 4;
  export const SCALE: i32 = 8;
  export const ALL: i32 = 15;
}

/** What the host uses for an animating node's unset animateDuration, animateEasing and animateDelay. */
@inline export const DEFAULT_ANIMATE_DURATION_MS: i32 = 200;
export const DEFAULT_ANIMATE_EASING = "ease-out";
@inline export const DEFAULT_ANIMATE_DELAY_MS: i32 = 0;
