import { oneOf } from './schema.ts';

/** The two worlds a page can be served by: React on the main thread, or WASM in a worker. */
export const WORLD_IDS = ['legacy', 'wasm'] as const;
export type WorldId = (typeof WORLD_IDS)[number];
export const WorldIdSchema = oneOf(WORLD_IDS);
