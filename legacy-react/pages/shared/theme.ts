/** The reference app's look, shared by its React pages (and copied faithfully by WASM ports). */
export const theme = {
  background: '#0d1117',
  surface: '#161b22',
  surfaceRaised: '#21262d',
  text: '#ffffff',
  textMuted: '#8b949e',
  accent: '#e8b04a',
  focusBorder: '#ffffff',
  danger: '#f85149',
  tile: '#2b3a55',
} as const;

export const STAGE = { width: 1920, height: 1080 } as const;
/** Left/right page margin; content starts here. */
export const MARGIN = 80;
