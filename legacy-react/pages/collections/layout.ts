import { STAGE } from '../shared/theme.ts';

/** Where the collections page puts things, top to bottom. */
export const HEADER = { y: 32, height: 64, buttonWidth: 200, gap: 20 } as const;
/** The hero area at the top shows the focused title; the rails scroll underneath it. */
export const HERO = { height: 430, imageX: 960 } as const;
/** The window the rails scroll in: from under the hero to the bottom of the stage. */
export const RAILS_VIEWPORT = { y: 440, height: STAGE.height - 440 } as const;
