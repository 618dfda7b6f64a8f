// Where the player puts things, in stage pixels: copied from
// legacy-react/pages/playback/playback-layout.ts and playback-page.tsx. These MUST match the React
// values: parity tests compare the two scenes prop for prop.
import { MARGIN, STAGE } from "../shared/theme";

/** VIDEO_BACKGROUND: the stage is black while the simulated title plays. */
export const VIDEO_BACKGROUND = "#000000";

/** PANEL in playback-page.tsx: the loading, error and "no title" panels. */
export namespace PANEL {
  export const x: f64 = 560;
  export const y: f64 = 380;
  export const width: f64 = 800;
  export const height: f64 = 320;
}

/** SCRUBBER: the focusable progress bar. */
export namespace SCRUBBER {
  export const x: f64 = MARGIN;
  export const y: f64 = 830;
  export const width: f64 = STAGE.width - 2 * MARGIN;
  export const height: f64 = 40;
}

/** TRACK: the bar's track, thicker while the bar has focus. */
export namespace TRACK {
  export const height: f64 = 8;
  export const focusedHeight: f64 = 12;
}

/** TIME_TEXT: elapsed and total time under the bar. */
export namespace TIME_TEXT {
  export const y: f64 = SCRUBBER.y + SCRUBBER.height + 8;
  export const width: f64 = 300;
  export const height: f64 = 36;
}

/** CONTROLS: the Play/Pause and Back buttons. */
export namespace CONTROLS {
  export const x: f64 = MARGIN;
  export const y: f64 = 950;
  export const buttonWidth: f64 = 240;
  export const gap: f64 = 24;
}
