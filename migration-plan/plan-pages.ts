/**
 * Reading pages out of a plan safely: page ids come from URLs and messages, so a lookup must never
 * reach inherited properties (`constructor`, `__proto__`) of the `pages` object.
 */
import type { WorldId } from '../bridge/worlds.ts';
import type { PageEntry, PageId, Plan } from './plan-schema.ts';

/**
 * The plan's entry for `page`, or undefined when the plan has no such page.
 *
 * @example
 * findPage(REFERENCE_PLAN, 'collections')?.defaultWorld; // 'wasm'
 * findPage(REFERENCE_PLAN, 'constructor');              // undefined
 */
export function findPage(plan: Plan, page: PageId): PageEntry | undefined {
  return Object.hasOwn(plan.pages, page) ? plan.pages[page] : undefined;
}

/**
 * The plan's page ids, in the plan's order.
 *
 * @example
 * pageIds(REFERENCE_PLAN); // ['profiles', 'collections', 'details', 'playback', 'search', 'settings']
 */
export function pageIds(plan: Plan): readonly PageId[] {
  return Object.keys(plan.pages);
}

/**
 * Whether `world` has an implementation of the page.
 *
 * @example
 * hasImplementation(page, 'wasm'); // page.implementations.wasm
 */
export function hasImplementation(page: PageEntry, world: WorldId): boolean {
  return page.implementations[world];
}
