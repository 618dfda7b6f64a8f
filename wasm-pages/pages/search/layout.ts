// Where the search page puts things, in stage pixels: copied from
// legacy-react/pages/search/search-layout.ts and keyboard-layout.ts (and TILE of
// legacy-react/pages/shared/tile.tsx). These MUST match the React values: parity tests compare the
// two scenes prop for prop.

/** KEY = { width: 72, height: 72, gap: 8 }; KEY_STRIDE = KEY.width + KEY.gap */
export namespace KEY {
  export const width: i32 = 72;
  export const height: i32 = 72;
  export const gap: i32 = 8;
}
export const KEY_STRIDE: i32 = KEY.width + KEY.gap;

/** KEYBOARD_COLUMNS, and KEYBOARD_ROWS: six rows of a–z 0–9, then Space, Delete, Clear. */
export const KEYBOARD_COLUMNS: i32 = 6;
export const KEYBOARD_ROWS: i32 = 7;
/** MAX_QUERY_LENGTH: longer queries would not fit the query line above the keyboard. */
export const MAX_QUERY_LENGTH: i32 = 24;

/** KEYBOARD_AREA = { x: 80, y: 240 } */
export namespace KEYBOARD_AREA {
  export const x: i32 = 80;
  export const y: i32 = 240;
}

/** QUERY_FIELD = { x: 80, y: 140, width: 6 * KEY_STRIDE - KEY.gap, height: 72 } */
export namespace QUERY_FIELD {
  export const x: i32 = 80;
  export const y: i32 = 140;
  export const width: i32 = 6 * KEY_STRIDE - KEY.gap;
  export const height: i32 = 72;
}

/** TILE = { width: 300, height: 170, gap: 24, labelHeight: 40 } (shared/tile.tsx) */
export namespace TILE {
  export const width: i32 = 300;
  export const height: i32 = 170;
  export const gap: i32 = 24;
  export const labelHeight: i32 = 40;
}

/** RESULT_COLUMNS, and RESULT_STRIDE = { x: TILE.width + TILE.gap, y: TILE.height + TILE.labelHeight + TILE.gap } */
export const RESULT_COLUMNS: i32 = 4;
export namespace RESULT_STRIDE {
  export const x: i32 = TILE.width + TILE.gap;
  export const y: i32 = TILE.height + TILE.labelHeight + TILE.gap;
}
/** VISIBLE_RESULT_ROWS: rows fully visible at once; the grid scrolls to keep the focused one among them. */
export const VISIBLE_RESULT_ROWS: i32 = 3;

/** RESULTS_AREA = { x: 600, y: 240, width: RESULT_COLUMNS * RESULT_STRIDE.x - TILE.gap, height: VISIBLE_RESULT_ROWS * RESULT_STRIDE.y - TILE.gap } */
export namespace RESULTS_AREA {
  export const x: i32 = 600;
  export const y: i32 = 240;
  export const width: i32 = RESULT_COLUMNS * RESULT_STRIDE.x - TILE.gap;
  export const height: i32 = VISIBLE_RESULT_ROWS * RESULT_STRIDE.y - TILE.gap;
}

/** RESULTS_HEADER = { x: RESULTS_AREA.x, y: 160, width: RESULTS_AREA.width, height: 40 }: "12 results for …" */
export namespace RESULTS_HEADER {
  export const x: i32 = RESULTS_AREA.x;
  export const y: i32 = 160;
  export const width: i32 = RESULTS_AREA.width;
  export const height: i32 = 40;
}

/** RESULTS_PANEL = { x: RESULTS_AREA.x, y: RESULTS_AREA.y, width: RESULTS_AREA.width, height: 420 }: hint, loading, empty, error. */
export namespace RESULTS_PANEL {
  export const x: i32 = RESULTS_AREA.x;
  export const y: i32 = RESULTS_AREA.y;
  export const width: i32 = RESULTS_AREA.width;
  export const height: i32 = 420;
}
