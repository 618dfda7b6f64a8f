/**
 * Coverage weighted by what viewers did rather than by the plan's guesses: the plan with each
 * page's `usageWeight` replaced by its measured viewer time (telemetry's `page.served` intervals,
 * summed over worlds and releases). Pages nobody was shown weigh 0.
 */
import type { PageId, Plan } from './plan-schema.ts';

/** Where coverage took its weights from, as `npm run coverage` says it. */
export type WeightSource =
  | { readonly kind: 'plan' }
  | { readonly kind: 'measured'; readonly sessions: number; readonly viewerTimeMs: number };

/**
 * The plan with measured weights, and how much was measured.
 *
 * @example
 * withMeasuredWeights(REFERENCE_PLAN, [{ page: 'profiles', viewerTimeMs: 5000 }, { page: 'collections', viewerTimeMs: 15000 }], 2);
 * // { plan: (profiles 5000, collections 15000, others 0), source: { kind: 'measured', sessions: 2, viewerTimeMs: 20000 } }
 */
export function withMeasuredWeights(
  plan: Plan,
  rows: readonly { readonly page: string; readonly viewerTimeMs: number }[],
  sessions: number,
): { readonly plan: Plan; readonly source: WeightSource } {
  const measured = new Map<PageId, number>();
  for (const row of rows) {
    if (Object.hasOwn(plan.pages, row.page) && Number.isFinite(row.viewerTimeMs) && row.viewerTimeMs > 0) {
      measured.set(row.page, (measured.get(row.page) ?? 0) + row.viewerTimeMs);
    }
  }
  const pages = Object.fromEntries(
    Object.entries(plan.pages).map(([id, page]) => [id, { ...page, usageWeight: measured.get(id) ?? 0 }]),
  );
  const viewerTimeMs = [...measured.values()].reduce((sum, ms) => sum + ms, 0);
  return { plan: { ...plan, pages }, source: { kind: 'measured', sessions, viewerTimeMs } };
}

/**
 * The line that says which weights a report used.
 *
 * @example
 * weightsLine({ kind: 'plan' }); // "Weighted by the plan's usageWeight (npm run coverage -- --weights=measured uses telemetry)."
 */
export function weightsLine(source: WeightSource): string {
  if (source.kind === 'plan') {
    return "Weighted by the plan's usageWeight (npm run coverage -- --weights=measured uses telemetry).";
  }
  const hours = (source.viewerTimeMs / 3_600_000).toFixed(2);
  return `Weighted by measured viewer time: ${hours} h over ${source.sessions} sessions (telemetry).`;
}
