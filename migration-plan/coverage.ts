/**
 * How far the migration has come, for leads: which world serves each page, how much of the
 * viewers' time WASM serves (pages weighted by `usageWeight`, a partial rollout by its percent),
 * and which page to port next. This is the plan's intent for devices that can run WebAssembly;
 * devices without it and pages whose breaker opened are served by legacy regardless.
 *
 * @example
 * console.log(formatCoverage(coverageReport(REFERENCE_PLAN)));
 * // page         status       wasm  usage  complexity  owner
 * // profiles     wasm         100%     5%           1  identity-team
 * // ...
 * // WASM serves 2 of 6 pages, 35% of viewer time.
 * // Next to port: playback, details, search, settings
 */
import type { WorldId } from '../bridge/worlds.ts';
import type { PageParity, ParityStatus } from './parity-results.ts';
import type { PageEntry, PageId, Plan } from './plan-schema.ts';

/**
 * - `legacy-only`: no WASM implementation yet;
 * - `ported`: a WASM implementation exists but no device gets it by default (legacy default, or rollout 0%);
 * - `rolling-out`: a WASM default served to some cohorts (0 < rollout < 100);
 * - `wasm`: a WASM default served to every device that can run it.
 */
export type PageStatus = 'legacy-only' | 'ported' | 'rolling-out' | 'wasm';

export interface PageCoverage {
  readonly page: PageId;
  readonly status: PageStatus;
  readonly defaultWorld: WorldId;
  /** The percent of (WebAssembly-capable) devices this page is served to by WASM by default. */
  readonly wasmPercent: number;
  /** The page's `usageWeight` (0 when absent). */
  readonly usageWeight: number;
  /** The page's share of all viewer time, 0..1; null when no page has a usage weight. */
  readonly usageShare: number | null;
  readonly complexity: number | undefined;
  readonly owner: string | undefined;
  /** What the page's parity runs said (`not-run` without results, or for a legacy-only page). */
  readonly parity: ParityStatus;
  /** The known gaps its parity runs still show. */
  readonly knownGaps: readonly string[];
  /** A WASM implementation whose parity runs all pass with no known gap: the port is done. */
  readonly portDone: boolean;
}

export interface CoverageReport {
  /** One row per page, in the plan's order. */
  readonly pages: readonly PageCoverage[];
  readonly totalPages: number;
  /** Pages WASM serves to at least some devices by default. */
  readonly wasmPages: number;
  /** Of those, the pages at a partial rollout. */
  readonly partialPages: number;
  /** The share of viewer time served by WASM, 0..1; null when no page has a usage weight. */
  readonly wasmUsageShare: number | null;
  /** Legacy-only pages, best candidate first (see {@link nextToPort}). */
  readonly nextToPort: readonly PageId[];
  /** Pages with a WASM implementation, whatever their rollout. */
  readonly implementedPages: number;
  /** Of those, the ports that are done ({@link PageCoverage.portDone}). */
  readonly donePorts: number;
  /** False when no parity results were given: parity columns then say `not-run`. */
  readonly parityKnown: boolean;
}

/**
 * Coverage of the plan: per page world, status and share, and the WASM totals. With `parity`
 * (see readParityResults and pageParity), each port also says whether it matches its React page;
 * a port whose parity fails, was not run, or shows a known gap is not done.
 *
 * @example
 * const report = coverageReport(REFERENCE_PLAN);
 * report.wasmPages;      // 2
 * report.wasmUsageShare; // 0.35
 */
export function coverageReport(plan: Plan, parity?: ReadonlyMap<PageId, PageParity>): CoverageReport {
  const entries = Object.entries(plan.pages);
  const totalWeight = entries.reduce((sum, [, page]) => sum + (page.usageWeight ?? 0), 0);
  const pages = entries.map(([id, page]): PageCoverage => {
    const wasmPercent = wasmPercentOf(page);
    const usageWeight = page.usageWeight ?? 0;
    const pageParity = page.implementations.wasm ? parity?.get(id) : undefined;
    const parityStatus = pageParity?.status ?? 'not-run';
    return {
      page: id,
      status: statusOf(page, wasmPercent),
      defaultWorld: page.defaultWorld,
      wasmPercent,
      usageWeight,
      usageShare: totalWeight > 0 ? usageWeight / totalWeight : null,
      complexity: page.complexity,
      owner: page.owner,
      parity: parityStatus,
      knownGaps: pageParity?.knownGaps ?? [],
      portDone: page.implementations.wasm && parityStatus === 'pass',
    };
  });
  const wasmWeight = pages.reduce((sum, page) => sum + (page.usageWeight * page.wasmPercent) / 100, 0);
  return {
    pages,
    totalPages: pages.length,
    wasmPages: pages.filter((page) => page.wasmPercent > 0).length,
    partialPages: pages.filter((page) => page.status === 'rolling-out').length,
    wasmUsageShare: totalWeight > 0 ? wasmWeight / totalWeight : null,
    nextToPort: nextToPort(plan),
    implementedPages: pages.filter((page) => page.status !== 'legacy-only').length,
    donePorts: pages.filter((page) => page.portDone).length,
    parityKnown: parity !== undefined,
  };
}

/**
 * One sentence on the ports: how many pages have a WASM implementation and how many of those
 * match their React page.
 *
 * @example
 * portsSummary(coverageReport(REFERENCE_PLAN, parity));
 * // 'WASM implementations: 6 of 6 pages; 6 done (parity passes, no known gap).'
 */
export function portsSummary(report: CoverageReport): string {
  const done = report.parityKnown
    ? `${report.donePorts} done (parity passes, no known gap)`
    : 'parity not known (no results: run npm test)';
  return `WASM implementations: ${report.implementedPages} of ${report.totalPages} pages; ${done}.`;
}

/**
 * The pages still legacy only, in porting order: most viewer time first, then the simpler page
 * (lower complexity; an unknown complexity sorts after every known one), then by page id.
 *
 * @example
 * nextToPort(REFERENCE_PLAN); // the React-only pages, most viewer time first: ['search', 'settings']
 */
export function nextToPort(plan: Plan): readonly PageId[] {
  return Object.entries(plan.pages)
    .filter(([, page]) => !page.implementations.wasm)
    .sort(
      ([idA, a], [idB, b]) =>
        (b.usageWeight ?? 0) - (a.usageWeight ?? 0) ||
        (a.complexity ?? Number.POSITIVE_INFINITY) - (b.complexity ?? Number.POSITIVE_INFINITY) ||
        (idA < idB ? -1 : idA > idB ? 1 : 0),
    )
    .map(([id]) => id);
}

/**
 * One sentence for dashboards and logs.
 *
 * @example
 * coverageSummary(coverageReport(REFERENCE_PLAN)); // 'WASM serves 2 of 6 pages, 35% of viewer time.'
 */
export function coverageSummary(report: CoverageReport): string {
  const partial = report.partialPages > 0 ? ` (${report.partialPages} at a partial rollout)` : '';
  const time =
    report.wasmUsageShare === null
      ? 'viewer time unknown (no usageWeight)'
      : `${percent(report.wasmUsageShare)} of viewer time`;
  return `WASM serves ${report.wasmPages} of ${report.totalPages} pages${partial}, ${time}.`;
}

/**
 * A small text table for the console: one row per page, then the summary and the next pages to port.
 *
 * @example
 * console.log(formatCoverage(coverageReport(plan)));
 */
export function formatCoverage(report: CoverageReport): string {
  const header = ['page', 'status', 'wasm', 'usage', 'complexity', 'owner', 'parity'];
  const rightAligned = new Set([2, 3, 4]);
  const rows = report.pages.map((page) => [
    page.page,
    page.status,
    `${page.wasmPercent}%`,
    page.usageShare === null ? '-' : percent(page.usageShare),
    page.complexity === undefined ? '-' : String(page.complexity),
    page.owner ?? '-',
    page.status === 'legacy-only' ? '-' : page.parity,
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => {
        const width = widths[column] ?? 0;
        return rightAligned.has(column) ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  const next =
    report.nextToPort.length === 0
      ? 'nothing, every page has a WASM implementation'
      : report.nextToPort.join(', ');
  const gaps = report.pages.flatMap((page) => page.knownGaps.map((gap) => `Known gap, ${page.page}: ${gap}`));
  return [
    line(header),
    ...rows.map(line),
    coverageSummary(report),
    portsSummary(report),
    ...gaps,
    `Next to port: ${next}`,
  ].join('\n');
}

function wasmPercentOf(page: PageEntry): number {
  if (!page.implementations.wasm || page.defaultWorld !== 'wasm') return 0;
  return page.rollout?.wasmPercent ?? 100;
}

function statusOf(page: PageEntry, wasmPercent: number): PageStatus {
  if (!page.implementations.wasm) return 'legacy-only';
  if (wasmPercent === 0) return 'ported';
  return wasmPercent < 100 ? 'rolling-out' : 'wasm';
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
