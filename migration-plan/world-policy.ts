/**
 * Which world serves a page, decided by a pure function of the plan and what is known about this
 * device and session. The router calls it on every navigation; the same inputs always give the
 * same answer, and the answer says which rule decided.
 *
 * The rules, first match wins:
 * 1. An unknown route throws an {@link UnknownRouteError} (a navigation to a page the plan does not
 *    have is a bug to surface, not something to guess around).
 * 2. A QA override (`?world.<page>=legacy|wasm`) wins when that implementation exists and can run
 *    here: → `override`. An override to a missing implementation, or to wasm on a device without
 *    WebAssembly, is ignored: the later rules choose the world and the reason is
 *    `override-unavailable`. An available override wins even over an open breaker, so QA can
 *    reproduce a crash on purpose.
 * 3. A page with a single implementation (legacy only, since legacy is required) → legacy,
 *    `only-implementation`.
 * 4. A device without WebAssembly → legacy, `no-webassembly`.
 * 4b. The backend pulled the page's kill switch (remote-rollout.ts) → legacy, `kill-switch`.
 * 5. The page's WASM crashed and its breaker is open (within its backoff, or after repeated crashes
 *    for the rest of the session) → legacy, `breaker-open`.
 * 6. A wasm default with `rollout.wasmPercent` p → wasm when `cohort < p`, else legacy: `rollout`
 *    (so p = 50 sends cohorts 0..49 to WASM and 50..99 to legacy).
 * 7. Otherwise the page's default world → `default`.
 *
 * @example
 * chooseWorld(REFERENCE_PLAN, {
 *   route: 'collections',
 *   capabilities: { webAssembly: true },
 *   overrides: {},
 *   cohort: 42,
 *   brokenWasmPages: new Set(),
 * }); // { world: 'wasm', reason: 'rollout' }
 */
import type { WorldId } from '../bridge/worlds.ts';
import { assertCohort } from './cohort.ts';
import { findPage, hasImplementation, pageIds } from './plan-pages.ts';
import type { PageEntry, PageId, Plan } from './plan-schema.ts';

export interface DeviceCapabilities {
  /** Whether this device can instantiate WebAssembly (in a worker). */
  readonly webAssembly: boolean;
}

export interface WorldRequest {
  /** The route being opened; in Ficus a route is a page id. */
  readonly route: PageId;
  readonly capabilities: DeviceCapabilities;
  /** QA overrides per page, from `parseWorldOverrides` (`?world.<page>=`). */
  readonly overrides: Readonly<Record<PageId, WorldId>>;
  /** The device's rollout cohort, an integer 0..99 that stays the same for a device (`cohortOf`). */
  readonly cohort: number;
  /** Pages whose WASM breaker is open at this moment (`CircuitBreaker.openPages(now)`). */
  readonly brokenWasmPages: ReadonlySet<PageId>;
  /** Pages whose kill switch the backend pulled (`applyRollout(...).killed`); none when absent. */
  readonly killedWasmPages?: ReadonlySet<PageId>;
}

export type WorldChoiceReason =
  | 'override'
  | 'override-unavailable'
  | 'only-implementation'
  | 'no-webassembly'
  | 'kill-switch'
  | 'breaker-open'
  | 'rollout'
  | 'default';

export interface WorldChoice {
  readonly world: WorldId;
  readonly reason: WorldChoiceReason;
}

/** A route the plan has no page for. */
export class UnknownRouteError extends Error {
  readonly route: string;
  constructor(route: string, known: readonly PageId[]) {
    super(
      `unknown route ${JSON.stringify(route)}: the migration plan has no such page (pages: ${known.join(', ')})`,
    );
    this.name = 'UnknownRouteError';
    this.route = route;
  }
}

/**
 * The world that serves `request.route`, and the rule that decided (see the module comment for the
 * rules in order). Throws {@link UnknownRouteError} for a route the plan lacks and a RangeError for
 * a cohort outside 0..99.
 *
 * @example
 * chooseWorld(plan, { ...request, route: 'settings', overrides: { settings: 'wasm' } });
 * // { world: 'legacy', reason: 'override-unavailable' } (a page with no WASM implementation)
 */
export function chooseWorld(plan: Plan, request: WorldRequest): WorldChoice {
  const page = findPage(plan, request.route);
  if (page === undefined) throw new UnknownRouteError(request.route, pageIds(plan));
  assertCohort(request.cohort);
  const override = Object.hasOwn(request.overrides, request.route)
    ? request.overrides[request.route]
    : undefined;
  if (override === undefined) return withoutOverride(page, request);
  const runnable =
    hasImplementation(page, override) && (override !== 'wasm' || request.capabilities.webAssembly);
  if (runnable) return { world: override, reason: 'override' };
  return { world: withoutOverride(page, request).world, reason: 'override-unavailable' };
}

/** Rules 3 to 7. */
function withoutOverride(page: PageEntry, request: WorldRequest): WorldChoice {
  const { implementations, defaultWorld, rollout } = page;
  if (implementations.legacy !== implementations.wasm) {
    return { world: implementations.wasm ? 'wasm' : 'legacy', reason: 'only-implementation' };
  }
  if (!request.capabilities.webAssembly) return { world: 'legacy', reason: 'no-webassembly' };
  if (request.killedWasmPages?.has(request.route) === true) return { world: 'legacy', reason: 'kill-switch' };
  if (request.brokenWasmPages.has(request.route)) return { world: 'legacy', reason: 'breaker-open' };
  if (defaultWorld === 'wasm' && rollout !== undefined) {
    return { world: request.cohort < rollout.wasmPercent ? 'wasm' : 'legacy', reason: 'rollout' };
  }
  return { world: defaultWorld, reason: 'default' };
}
