// Port of legacy-react/pages/settings/settings-layout.ts: where the settings page puts things, in
// stage pixels. The values MUST match the React ones (parity compares the scenes prop for prop).
import { MARGIN } from "../shared/theme";

/** TITLE = { x: MARGIN, y: 80, width: 1000, height: 70 } */
export namespace TITLE {
  export const x: f64 = MARGIN;
  export const y: f64 = 80;
  export const width: f64 = 1000;
  export const height: f64 = 70;
}

/** ROW = { width: 1000, height: 80, gap: 12 } */
export namespace ROW {
  export const width: f64 = 1000;
  export const height: f64 = 80;
  export const gap: f64 = 12;
}
export const ROW_STRIDE: f64 = ROW.height + ROW.gap;

/** Rows visible at once; a longer list scrolls to keep the focused row among them. */
export const VISIBLE_ROWS: i32 = 7;

/** LIST = { x: MARGIN, y: 200, width: ROW.width, height: VISIBLE_ROWS * ROW_STRIDE - ROW.gap } */
export namespace LIST {
  export const x: f64 = MARGIN;
  export const y: f64 = 200;
  export const width: f64 = ROW.width;
  export const height: f64 = <f64>VISIBLE_ROWS * ROW_STRIDE - ROW.gap;
}

/** ERROR_LINE = { x: MARGIN, y: 880, width: ROW.width, height: 40 } */
export namespace ERROR_LINE {
  export const x: f64 = MARGIN;
  export const y: f64 = 880;
  export const width: f64 = ROW.width;
  export const height: f64 = 40;
}

/** BACK_BUTTON = { x: MARGIN, y: 950 } */
export namespace BACK_BUTTON {
  export const x: f64 = MARGIN;
  export const y: f64 = 950;
}

/** Loading and error panels fill the list's place: PANEL = { x: MARGIN, y: LIST.y, width: ROW.width, height: 400 } */
export namespace PANEL {
  export const x: f64 = MARGIN;
  export const y: f64 = LIST.y;
  export const width: f64 = ROW.width;
  export const height: f64 = 400;
}
