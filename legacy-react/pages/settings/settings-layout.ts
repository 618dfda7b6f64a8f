import { MARGIN } from '../shared/theme.ts';

/** Where the settings page puts things, in stage pixels. */
export const TITLE = { x: MARGIN, y: 80, width: 1000, height: 70 } as const;
export const ROW = { width: 1000, height: 80, gap: 12 } as const;
export const ROW_STRIDE = ROW.height + ROW.gap;
/** Rows visible at once; a longer list scrolls to keep the focused row among them. */
export const VISIBLE_ROWS = 7;
export const LIST = {
  x: MARGIN,
  y: 200,
  width: ROW.width,
  height: VISIBLE_ROWS * ROW_STRIDE - ROW.gap,
} as const;
export const ERROR_LINE = { x: MARGIN, y: 880, width: ROW.width, height: 40 } as const;
export const BACK_BUTTON = { x: MARGIN, y: 950 } as const;
/** Loading and error panels fill the list's place. */
export const PANEL = { x: MARGIN, y: LIST.y, width: ROW.width, height: 400 } as const;
