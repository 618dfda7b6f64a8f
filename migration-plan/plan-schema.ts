/**
 * The migration plan's shape, declared once with `bridge/` schemas: its TypeScript type is derived
 * from the same objects that validate a plan read from JSON. The plan says, for every page, which
 * implementations exist (legacy React, WASM), which world serves it by default, how far a WASM
 * default is rolled out, and the data leads need (owner, share of viewer time, complexity).
 *
 * Only the shape lives here; the rules that span fields (a default world needs its implementation,
 * every page keeps its legacy implementation, ...) are in `plan-rules.ts`, and `loadPlan` in
 * `load-plan.ts` applies both.
 *
 * @example
 * const result = PageEntrySchema.check({ route: 'search', implementations: { legacy: true, wasm: false },
 *   defaultWorld: 'legacy' });
 * result.ok; // true
 */
import { RouteSchema } from '../bridge/messages/history.ts';
import {
  array,
  boolean,
  type Infer,
  literal,
  number,
  object,
  optional,
  record,
  type Schema,
  string,
} from '../bridge/schema.ts';
import { WorldIdSchema } from '../bridge/worlds.ts';

/** The plan format's version; a plan with another version is refused rather than misread. */
export const PLAN_VERSION = 1;

/** Which implementations of a page exist. Legacy must (see `plan-rules.ts`). */
export const ImplementationsSchema = object({
  legacy: boolean(),
  wasm: boolean(),
});

/**
 * A WASM default rolled out to `wasmPercent` of devices (whole percent, matching the 100 cohorts):
 * devices whose cohort is below it get WASM, the others legacy. Absent means 100.
 */
export const RolloutSchema = object({
  wasmPercent: number({ min: 0, max: 100, integer: true }),
});

/** One page of the app. Its key in `pages` is its page id, which is also its route. */
export const PageEntrySchema = object({
  /** Must equal the page id: in Ficus routes are page ids (the router, history and URLs use one name). */
  route: RouteSchema,
  implementations: ImplementationsSchema,
  /** The world that serves the page when no override, capability or breaker says otherwise. */
  defaultWorld: WorldIdSchema,
  rollout: optional(RolloutSchema),
  /** The team answering for the page, e.g. "browse-team". */
  owner: optional(string({ minLength: 1, maxLength: 100 })),
  /**
   * The page's share of viewer time, in any unit (coverage normalizes by the sum of all pages);
   * absent counts as 0.
   */
  usageWeight: optional(number({ min: 0 })),
  /**
   * The page Back leads to from a deep link to this page (Android's synthetic back stack): a page
   * of the plan, no cycles; absent means the root page. The root page has none.
   */
  parent: optional(RouteSchema),
  /**
   * The params the page cannot open without, e.g. collections needs ["profile"]. A deep link's
   * parent is only put beneath it when these can be taken from the link's params.
   */
  requiredParams: optional(array(string({ minLength: 1, maxLength: 64 }), { maxLength: 32 })),
  /** Porting effort from 1 (a static screen) to 5 (the hardest page). */
  complexity: optional(number({ min: 1, max: 5, integer: true })),
  notes: optional(string({ maxLength: 2000 })),
});

const PagesRecordSchema = record(PageEntrySchema, { maxEntries: 256 });

/** The pages keyed by page id (named in errors better than record()'s "an object of an object"). */
export const PagesSchema: Schema<Infer<typeof PagesRecordSchema>> = {
  expected: 'an object of pages keyed by page id',
  check: PagesRecordSchema.check,
};

export const PlanSchema = object({
  version: literal(PLAN_VERSION),
  /** The page the app opens on; must be one of `pages`. */
  rootRoute: RouteSchema,
  pages: PagesSchema,
});

/** A validated migration plan; obtain one with `loadPlan`, which also checks the rules. */
export type Plan = Infer<typeof PlanSchema>;
export type PageEntry = Infer<typeof PageEntrySchema>;
export type Implementations = Infer<typeof ImplementationsSchema>;
/** A page id, which in Ficus is also the page's route (e.g. "collections"). */
export type PageId = string;
