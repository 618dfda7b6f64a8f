/**
 * The rules of a migration plan that its shape alone cannot say. Each is a **rule**:
 *
 * 1. A page's `route` equals its page id. Routes are page ids in Ficus: the router's history, the
 *    URL and the `?world.<page>=` overrides all name a page by one word, so a second name could
 *    only drift. (A page served under several URLs would be several pages.)
 * 2. Every page has its legacy implementation. Legacy is the fallback for devices without
 *    WebAssembly and for a WASM page that crashed; a page without it would leave a blank screen.
 *    (So every page has at least one implementation.)
 * 3. A page's `defaultWorld` has an implementation.
 * 4. `rollout` is only set on a page whose `defaultWorld` is "wasm": it says which share of devices
 *    gets that WASM default. On a legacy default it would silently do nothing.
 * 5. `rootRoute` is one of the plan's pages.
 * 6. A page's `parent` is another page of the plan; the root page has none (it is the bottom of
 *    every history), and following parents from any page reaches the root page (no cycles), so a
 *    deep link's back stack always ends on the root.
 *
 * @example
 * planRuleIssues(plan).map(describePlanIssue);
 * // ['page "profiles": defaultWorld is "wasm" but implementations.wasm is false']
 */
import { type PlanIssue, quotePage } from './plan-issue.ts';
import { findPage, pageIds } from './plan-pages.ts';
import type { PageEntry, PageId, Plan } from './plan-schema.ts';

const LEGACY_IS_THE_FALLBACK =
  'every page needs its legacy implementation, the fallback for devices without WebAssembly and for crashed WASM pages';

/** Every rule broken by a plan whose shape is already valid, in plan order; empty when it is sound. */
export function planRuleIssues(plan: Plan): readonly PlanIssue[] {
  const issues: PlanIssue[] = [];
  for (const [id, page] of Object.entries(plan.pages)) issues.push(...pageRuleIssues(id, page));
  issues.push(...parentIssues(plan));
  if (findPage(plan, plan.rootRoute) === undefined) {
    const known = pageIds(plan);
    issues.push({
      page: null,
      field: 'rootRoute',
      message: `rootRoute is ${quotePage(plan.rootRoute)} but there is no such page (${
        known.length === 0 ? 'pages is empty' : `pages: ${known.join(', ')}`
      })`,
    });
  }
  return issues;
}

function parentIssues(plan: Plan): PlanIssue[] {
  const issues: PlanIssue[] = [];
  for (const [id, page] of Object.entries(plan.pages)) {
    const { parent } = page;
    if (parent === undefined) continue;
    const issue = (message: string) => issues.push({ page: id, field: 'parent', message });
    if (id === plan.rootRoute) {
      issue(
        `parent is ${quotePage(parent)} but this is the root page, the bottom of every history; remove parent`,
      );
    } else if (parent === id) {
      issue(`parent is the page itself; name another page or remove parent (the root page is the default)`);
    } else if (findPage(plan, parent) === undefined) {
      issue(`parent is ${quotePage(parent)} but there is no such page (pages: ${pageIds(plan).join(', ')})`);
    } else {
      const chain = parentChain(plan, id);
      if (chain.at(-1) === id) {
        issue(
          `parent chain ${chain.map(quotePage).join(' → ')} is a cycle; it must end at the root page ${quotePage(plan.rootRoute)}`,
        );
      }
    }
  }
  return issues;
}

/** `id` followed by its parents until the root page, a missing page, or a page seen before. */
function parentChain(plan: Plan, id: PageId): PageId[] {
  const chain = [id];
  let current = id;
  while (current !== plan.rootRoute) {
    const next = findPage(plan, current)?.parent ?? plan.rootRoute;
    if (findPage(plan, next) === undefined) break;
    chain.push(next);
    if (chain.indexOf(next) < chain.length - 1) break;
    current = next;
  }
  return chain;
}

function pageRuleIssues(id: PageId, page: PageEntry): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const { implementations, defaultWorld, rollout } = page;
  if (page.route !== id) {
    issues.push({
      page: id,
      field: 'route',
      message: `route is ${quotePage(page.route)} but must equal the page id ${quotePage(id)} (routes are page ids)`,
    });
  }
  if (!implementations.legacy && !implementations.wasm) {
    issues.push({
      page: id,
      field: 'implementations',
      message: `implementations has neither legacy nor wasm; ${LEGACY_IS_THE_FALLBACK}`,
    });
    return issues;
  }
  if (!implementations.legacy) {
    issues.push({
      page: id,
      field: 'implementations.legacy',
      message: `implementations.legacy is false, but ${LEGACY_IS_THE_FALLBACK}`,
    });
  }
  if (!implementations[defaultWorld]) {
    issues.push({
      page: id,
      field: 'defaultWorld',
      message: `defaultWorld is "${defaultWorld}" but implementations.${defaultWorld} is false`,
    });
  }
  if (rollout !== undefined && defaultWorld !== 'wasm') {
    issues.push({
      page: id,
      field: 'rollout',
      message: `rollout is set but defaultWorld is "${defaultWorld}"; a rollout shares out a "wasm" default, so set defaultWorld to "wasm" or remove rollout`,
    });
  }
  return issues;
}
