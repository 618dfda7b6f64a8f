import { MARGIN, STAGE } from '../shared/theme.ts';

/** Where the player puts things, in stage pixels. */
export const SCRUBBER = { x: MARGIN, y: 830, width: STAGE.width - 2 * MARGIN, height: 40 } as const;
export const TRACK = { height: 8, focusedHeight: 12 } as const;
export const TIME_TEXT = { y: SCRUBBER.y + SCRUBBER.height + 8, width: 300, height: 36 } as const;
export const CONTROLS = { x: MARGIN, y: 950, buttonWidth: 240, gap: 24 } as const;
