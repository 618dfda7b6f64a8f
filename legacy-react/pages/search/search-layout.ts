import { TILE } from '../shared/tile.tsx';

/** Where the search page puts things, in stage pixels. */
export const KEY = { width: 72, height: 72, gap: 8 } as const;
export const KEY_STRIDE = KEY.width + KEY.gap;

export const KEYBOARD_AREA = { x: 80, y: 240 } as const;
export const QUERY_FIELD = { x: 80, y: 140, width: 6 * KEY_STRIDE - KEY.gap, height: 72 } as const;

export const RESULT_COLUMNS = 4;
export const RESULT_STRIDE = {
  x: TILE.width + TILE.gap,
  y: TILE.height + TILE.labelHeight + TILE.gap,
} as const;
/** Rows of results fully visible at once; the grid scrolls to keep the focused one among them. */
export const VISIBLE_RESULT_ROWS = 3;
export const RESULTS_AREA = {
  x: 600,
  y: 240,
  width: RESULT_COLUMNS * RESULT_STRIDE.x - TILE.gap,
  height: VISIBLE_RESULT_ROWS * RESULT_STRIDE.y - TILE.gap,
} as const;
/** The line above the results ("12 results for …"). */
export const RESULTS_HEADER = { x: RESULTS_AREA.x, y: 160, width: RESULTS_AREA.width, height: 40 } as const;
/** Hint, loading, empty and error states fill this box in the results area. */
export const RESULTS_PANEL = {
  x: RESULTS_AREA.x,
  y: RESULTS_AREA.y,
  width: RESULTS_AREA.width,
  height: 420,
} as const;
