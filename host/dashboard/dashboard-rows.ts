import type { SummaryRow, TelemetrySummary } from '../telemetry-collector/summary.ts';
import type { DashboardCoverage, DashboardPage } from './dashboard-coverage.ts';

/** Input latency of one page in one world (and release, when the page ran in several). */
export interface LatencyCell {
  readonly world: string;
  /** Set only when this page × world has rows of more than one release. */
  readonly release: string | null;
  readonly samples: number;
  readonly p50Ms: number | null;
  readonly p95Ms: number | null;
}

/** One table row: the plan's page with what telemetry measured of it. */
export interface DashboardRow {
  readonly plan: DashboardPage;
  /** Null without telemetry. */
  readonly measured: {
    readonly served: number;
    readonly viewerTimeMs: number;
    readonly crashes: number;
    readonly fallbacks: number;
    readonly latency: readonly LatencyCell[];
  } | null;
}

/**
 * The dashboard's table: one row per plan page, with telemetry summed over the summary's rows of
 * that page (crashes and fallbacks over every world and release; latency per world, split by
 * release only where there are several, since percentiles of different releases do not add up).
 *
 * @example
 * dashboardRows(coverage, summary)[0];
 * // { plan: { page: 'profiles', ... }, measured: { served: 2, crashes: 0, fallbacks: 0, latency: [{ world: 'wasm', release: null, p50Ms: 16, ... }] } }
 */
export function dashboardRows(coverage: DashboardCoverage, summary: TelemetrySummary | null): DashboardRow[] {
  return coverage.pages.map((plan) => {
    if (summary === null) return { plan, measured: null };
    const rows = summary.rows.filter((row) => row.page === plan.page);
    return {
      plan,
      measured: {
        served: sum(rows, (row) => row.served),
        viewerTimeMs: sum(rows, (row) => row.viewerTimeMs),
        crashes: sum(rows, (row) => row.crashes),
        fallbacks: sum(rows, (row) => row.fallbacks),
        latency: latencyCells(rows),
      },
    };
  });
}

function latencyCells(rows: readonly SummaryRow[]): LatencyCell[] {
  const measured = rows.filter((row) => row.inputLatency.samples > 0);
  const releasesOf = (world: string) =>
    new Set(measured.filter((row) => row.world === world).map((r) => r.release));
  return measured
    .map((row) => ({
      world: row.world,
      release: releasesOf(row.world).size > 1 ? row.release : null,
      samples: row.inputLatency.samples,
      p50Ms: row.inputLatency.p50Ms,
      p95Ms: row.inputLatency.p95Ms,
    }))
    .sort((a, b) => compare(a.world, b.world) || compare(a.release ?? '', b.release ?? ''));
}

/**
 * The share of measured viewer time WASM served, over every stored session (null when none).
 *
 * @example
 * measuredWasmShare(summary); // 0.41
 */
export function measuredWasmShare(summary: TelemetrySummary): number | null {
  const total = sum(summary.rows, (row) => row.viewerTimeMs);
  const wasm = sum(
    summary.rows.filter((row) => row.world === 'wasm'),
    (row) => row.viewerTimeMs,
  );
  return total > 0 ? wasm / total : null;
}

/**
 * The pages telemetry names that the plan does not (a renamed page, or `none` before the first).
 *
 * @example
 * unplannedPages(coverage, summary); // ['none']
 */
export function unplannedPages(coverage: DashboardCoverage, summary: TelemetrySummary): string[] {
  const planned = new Set(coverage.pages.map((page) => page.page));
  return [...new Set(summary.rows.map((row) => row.page))].filter((page) => !planned.has(page)).sort(compare);
}

const sum = <T>(items: readonly T[], of: (item: T) => number): number =>
  items.reduce((total, item) => total + of(item), 0);
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
