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

/**
 * How the reference app moves. Pages only set targets with these timings (animate,
 * animateDuration, animateEasing); the host runs the motion, so both worlds' scenes hold end states.
 */
export const MOTION = {
  /** ms a scrolling rail, rail stack, results grid or list takes to glide to its new offset. */
  scrollMs: 250,
  /** ms a tile takes to grow when focused and shrink back when it loses focus. */
  focusMs: 150,
  /** How much a focused tile grows (scale about its center). */
  focusScale: 1.08,
  /** ms the hero's artwork takes to cross-fade to the newly focused title's. */
  fadeMs: 300,
  /** The timing function of all of the above. */
  easing: 'ease-out',
} as const;
