// generated from legacy-react/pages/shared/theme.ts by wasm-pages/build/generate-constants.ts; do not edit.
// `npm run build:wasm` rewrites it when a source changes, and a unit test fails while it is stale.

// The React pages are the ground truth: parity tests compare both scenes prop for prop.

/** The reference app's look, shared by its React pages (and copied faithfully by WASM ports). */
export namespace theme {
  export const background = "#0d1117";
  export const surface = "#161b22";
  export const surfaceRaised = "#21262d";
  export const text = "#ffffff";
  export const textMuted = "#8b949e";
  export const accent = "#e8b04a";
  export const focusBorder = "#ffffff";
  export const danger = "#f85149";
  export const tile = "#2b3a55";
}

export namespace STAGE {
  export const width: f64 = 1920;
  export const height: f64 = 1080;
}

/** Left/right page margin; content starts here. */
export const MARGIN: f64 = 80;

/** How the reference app moves. Pages only set targets with these timings (animate, animateDuration, animateEasing); the host runs the motion, so both worlds' scenes hold end states. */
export namespace MOTION {
  export const scrollMs: f64 = 250;
  export const focusMs: f64 = 150;
  export const focusScale: f64 = 1.08;
  export const fadeMs: f64 = 300;
  export const easing = "ease-out";
}
