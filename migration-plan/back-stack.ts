/**
 * The synthetic back stack of a deep link (Android's convention): the pages beneath a page opened
 * straight from a URL, so Back from it lands on a real page rather than nowhere. Each page names
 * its `parent` in the plan (the root page when it names none); a parent goes beneath the page only
 * when its `requiredParams` can all be taken from the link's params. Otherwise the chain stops
 * there and the root page goes beneath instead: a page that would open without what it needs is
 * worse than a shorter way back.
 *
 * @example
 * parentPages(REFERENCE_PLAN, { route: 'search', params: { profile: 'p2' } });
 * // [{ route: 'profiles', params: {} }, { route: 'collections', params: { profile: 'p2' } }]
 * parentPages(REFERENCE_PLAN, { route: 'details', params: { id: 't0164' } });
 * // [{ route: 'profiles', params: {} }]  (collections would need a profile)
 */
import type { Params } from '../bridge/messages/history.ts';
import { findPage } from './plan-pages.ts';
import type { PageId, Plan } from './plan-schema.ts';

/** A page to open: its route (page id) and params. */
export interface PlanPageRef {
  readonly route: PageId;
  readonly params: Params;
}

/**
 * The pages beneath `page` when it is opened from a deep link, oldest (the root page) first;
 * empty for the root page and for a route the plan does not have.
 */
export function parentPages(plan: Plan, page: PlanPageRef): PlanPageRef[] {
  const root: PlanPageRef = { route: plan.rootRoute, params: {} };
  if (page.route === plan.rootRoute || findPage(plan, page.route) === undefined) return [];
  const above: PlanPageRef[] = [];
  const seen = new Set<PageId>([page.route]);
  let route = parentOf(plan, page.route);
  // The plan's rules forbid cycles; `seen` only keeps a plan that skipped them from looping.
  while (route !== plan.rootRoute && !seen.has(route)) {
    seen.add(route);
    const params = paramsFor(plan, route, page.params);
    if (params === undefined) break;
    above.unshift({ route, params });
    route = parentOf(plan, route);
  }
  return [root, ...above];
}

/** The page's parent in the plan: its `parent`, or the root page. */
export function parentOf(plan: Plan, route: PageId): PageId {
  return findPage(plan, route)?.parent ?? plan.rootRoute;
}

/** The params `route` needs, taken from `from`; undefined when one is missing. */
function paramsFor(plan: Plan, route: PageId, from: Params): Params | undefined {
  const params: Record<string, string> = {};
  for (const name of findPage(plan, route)?.requiredParams ?? []) {
    if (!Object.hasOwn(from, name)) return undefined;
    params[name] = from[name] ?? '';
  }
  return params;
}
