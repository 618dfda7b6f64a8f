import { boolean, type Infer, number, object, optional, record } from '../schema.ts';

/**
 * What the backend says about one page's rollout, over the plan in the repo (the default):
 * - `wasmPercent`: serve the page's WASM implementation to the cohorts below this percent
 *   (0 to 100; a page whose default is React becomes a WASM default at that percent);
 * - `killSwitch: true`: no device gets the WASM page, from the next navigation on, whatever its
 *   cohort or percent (a QA override still can, to reproduce a bug).
 */
export const PageRolloutSchema = object({
  wasmPercent: optional(number({ integer: true, min: 0, max: 100 })),
  killSwitch: optional(boolean()),
});
export type PageRollout = Infer<typeof PageRolloutSchema>;

/**
 * GET /api/rollout: the rollout the backend wants now, by page id. Pages it leaves out keep the
 * plan's own rollout.
 *
 * @example
 * { "pages": { "settings": { "wasmPercent": 10 }, "collections": { "killSwitch": true } } }
 */
export const RolloutConfigSchema = object({ pages: record(PageRolloutSchema) });
export type RolloutConfig = Infer<typeof RolloutConfigSchema>;
