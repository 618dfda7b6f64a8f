/**
 * The rollout the backend sends (bridge/api/rollout.ts) applied over the plan in the repo, which
 * stays the default: a lead moves a page's percent or pulls its kill switch without a rebuild.
 * The result is checked with the plan's own rules (checkPlan); a config that would break them is
 * refused whole, so a device keeps the last rollout that was sound.
 */
import type { RolloutConfig } from '../bridge/api/rollout.ts';
import { checkPlan } from './load-plan.ts';
import { describePlanIssue } from './plan-issue.ts';
import { findPage, pageIds } from './plan-pages.ts';
import type { PageEntry, PageId, Plan } from './plan-schema.ts';

export interface AppliedRollout {
  /** The plan with the backend's percents. */
  readonly plan: Plan;
  /** Pages whose WASM implementation no device gets now (the kill switch). */
  readonly killed: ReadonlySet<PageId>;
  /** Entries left out, each naming the page and why (an unknown page, a page without WASM). */
  readonly warnings: readonly string[];
}

/** A rollout config that would make the plan break its rules: nothing of it is applied. */
export class RolloutRefused extends Error {
  override readonly name = 'RolloutRefused';
}

/**
 * The plan with the backend's rollout over it. A `wasmPercent` makes the page a WASM default at
 * that percent (cohorts below it get WASM; raising it never moves a device back to React); a
 * `killSwitch` sends the page to React for everyone. Unknown pages and percents for a page with
 * no WASM implementation are left out with a warning.
 *
 * @throws RolloutRefused when the result breaks a plan rule (each issue named)
 * @example
 * applyRollout(REFERENCE_PLAN, { pages: { settings: { wasmPercent: 10 }, collections: { killSwitch: true } } });
 * // { plan: (settings: wasm default at 10%), killed: Set { 'collections' }, warnings: [] }
 */
export function applyRollout(plan: Plan, config: RolloutConfig): AppliedRollout {
  const pages: Record<PageId, PageEntry> = { ...plan.pages };
  const killed = new Set<PageId>();
  const warnings: string[] = [];
  for (const [id, rollout] of Object.entries(config.pages)) {
    const page = findPage(plan, id);
    if (page === undefined) {
      warnings.push(
        `rollout for "${id}" left out: the plan has no such page (pages: ${pageIds(plan).join(', ')})`,
      );
      continue;
    }
    if (!page.implementations.wasm) {
      warnings.push(`rollout for "${id}" left out: the page has no WASM implementation`);
      continue;
    }
    if (rollout.killSwitch === true) killed.add(id);
    if (rollout.wasmPercent !== undefined) {
      pages[id] = { ...page, defaultWorld: 'wasm', rollout: { wasmPercent: rollout.wasmPercent } };
    }
  }
  const checked = checkPlan({ ...plan, pages });
  if (!checked.ok) {
    throw new RolloutRefused(
      `the backend's rollout breaks the plan: ${checked.issues.map(describePlanIssue).join('; ')}`,
    );
  }
  return { plan: checked.plan, killed, warnings };
}
