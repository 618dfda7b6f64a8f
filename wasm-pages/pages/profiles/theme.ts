// The reference app's look, copied from legacy-react/pages/shared/theme.ts.
// These values MUST match the React theme exactly: parity tests compare every color and size.
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

/** The stage (STAGE in the React theme). */
export namespace STAGE {
  export const width: f64 = 1920;
  export const height: f64 = 1080;
}

/** Left/right page margin (MARGIN in the React theme). */
export const MARGIN: f64 = 80;
