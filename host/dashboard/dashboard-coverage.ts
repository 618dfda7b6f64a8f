import type { WorldId } from '../../bridge/worlds.ts';
import { coverageReport, coverageSummary, portsSummary } from '../../migration-plan/coverage.ts';
import type { PageParity } from '../../migration-plan/parity-results.ts';
import type { PageId, Plan } from '../../migration-plan/plan-schema.ts';
import { type NextStep, nextStep } from './next-step.ts';

/** One page as the dashboard shows it: the plan's data and its parity. */
export interface DashboardPage {
  readonly page: string;
  /** The worlds it has an implementation in. */
  readonly worlds: readonly WorldId[];
  readonly defaultWorld: WorldId;
  /** Coverage's status: legacy-only, ported, rolling-out or wasm. */
  readonly status: string;
  /** Percent of devices WASM serves it to by default. */
  readonly wasmPercent: number;
  readonly owner: string | null;
  readonly usageWeight: number;
  readonly usageShare: number | null;
  /** pass, known-gap, fail or not-run (always not-run for a legacy-only page). */
  readonly parity: string;
  readonly knownGaps: readonly string[];
  readonly portDone: boolean;
}

/** The plan and parity half of the dashboard (`/dashboard/coverage.json`). */
export interface DashboardCoverage {
  readonly pages: readonly DashboardPage[];
  /** coverageSummary and portsSummary, as `npm run coverage` prints them. */
  readonly summary: string;
  readonly ports: string;
  /** The plan's share of viewer time served by WASM (0..1), null without usage weights. */
  readonly wasmUsageShare: number | null;
  readonly next: NextStep;
  /** False when there were no parity results (run npm test). */
  readonly parityKnown: boolean;
}

/**
 * The dashboard's view of the plan and its parity results: what `/dashboard/coverage.json` serves
 * and the static page embeds.
 *
 * @example
 * dashboardCoverage(REFERENCE_PLAN, parityByPage('tests/output/parity').parity).next;
 * // { kind: 'roll-out', page: 'playback', why: '…' }
 */
export function dashboardCoverage(plan: Plan, parity?: ReadonlyMap<PageId, PageParity>): DashboardCoverage {
  const report = coverageReport(plan, parity);
  return {
    pages: report.pages.map((page) => {
      const entry = plan.pages[page.page];
      const worlds: WorldId[] = [];
      if (entry?.implementations.legacy === true) worlds.push('legacy');
      if (entry?.implementations.wasm === true) worlds.push('wasm');
      return {
        page: page.page,
        worlds,
        defaultWorld: page.defaultWorld,
        status: page.status,
        wasmPercent: page.wasmPercent,
        owner: page.owner ?? null,
        usageWeight: page.usageWeight,
        usageShare: page.usageShare,
        parity: page.parity,
        knownGaps: page.knownGaps,
        portDone: page.portDone,
      };
    }),
    summary: coverageSummary(report),
    ports: portsSummary(report),
    wasmUsageShare: report.wasmUsageShare,
    next: nextStep(report),
    parityKnown: report.parityKnown,
  };
}
