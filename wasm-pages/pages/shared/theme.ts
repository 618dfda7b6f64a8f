// The reference app's look, copied from legacy-react/pages/shared/theme.ts and shared by every
// WASM page (as the React pages share theirs).
// These values MUST match the React ones: the React page is the ground truth and parity tests
// compare the two scenes prop for prop.

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

/** STAGE = { width: 1920, height: 1080 } */
export namespace STAGE {
  export const width: f64 = 1920;
  export const height: f64 = 1080;
}

/** Left/right page margin; content starts here. */
export const MARGIN: f64 = 80;
