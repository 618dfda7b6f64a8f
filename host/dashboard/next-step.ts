import type { CoverageReport } from '../../migration-plan/coverage.ts';

/** What leads should do next for the migration, and why, in words. */
export interface NextStep {
  /**
   * - `port`: a page has no WASM implementation yet;
   * - `fix-parity`: a port exists whose parity fails, has a known gap, or was not run;
   * - `roll-out`: a done port (parity passes) that not every device gets from WASM yet;
   * - `done`: every page is ported, matches its React page and is served by WASM everywhere.
   */
  readonly kind: 'port' | 'roll-out' | 'fix-parity' | 'done';
  readonly page: string | null;
  readonly why: string;
}

/**
 * The one next step: port the legacy-only page with most viewer time (coverage's nextToPort), else
 * roll out the done port with most viewer time still on React, else fix the parity of the port
 * with most viewer time, else nothing. Rolling out comes before fixing: a done port moves viewer
 * time now.
 *
 * @example
 * nextStep(coverageReport(REFERENCE_PLAN, parity));
 * // { kind: 'roll-out', page: 'playback', why: 'its parity passes and React still serves it to 100% of devices: 38% of viewer time' }
 */
export function nextStep(report: CoverageReport): NextStep {
  const share = (value: number | null) => (value === null ? 'unknown' : `${Math.round(value * 100)}%`);
  const port = report.nextToPort[0];
  if (port !== undefined) {
    const page = report.pages.find((p) => p.page === port);
    const complexity =
      page?.complexity === undefined ? 'unknown complexity' : `complexity ${page.complexity}`;
    return {
      kind: 'port',
      page: port,
      why: `the legacy-only page with most viewer time (${share(page?.usageShare ?? null)}, ${complexity})`,
    };
  }
  const byRemainingTime = (a: (typeof report.pages)[number], b: (typeof report.pages)[number]) =>
    (b.usageShare ?? 0) * (100 - b.wasmPercent) - (a.usageShare ?? 0) * (100 - a.wasmPercent) ||
    (a.page < b.page ? -1 : 1);
  const rollOut = report.pages.filter((p) => p.portDone && p.wasmPercent < 100).sort(byRemainingTime)[0];
  if (rollOut !== undefined)
    return {
      kind: 'roll-out',
      page: rollOut.page,
      why: `its parity passes and React still serves it to ${100 - rollOut.wasmPercent}% of devices: ${share(
        rollOut.usageShare === null ? null : (rollOut.usageShare * (100 - rollOut.wasmPercent)) / 100,
      )} of viewer time`,
    };
  const fix = report.pages.filter((p) => p.status !== 'legacy-only' && !p.portDone).sort(byRemainingTime)[0];
  if (fix !== undefined) {
    const reason =
      fix.parity === 'known-gap'
        ? `its parity shows a known gap (${fix.knownGaps.join('; ')})`
        : fix.parity === 'fail'
          ? 'its parity fails'
          : 'its parity was not run (npm test writes the results)';
    return { kind: 'fix-parity', page: fix.page, why: `${reason}; ${share(fix.usageShare)} of viewer time` };
  }
  return {
    kind: 'done',
    page: null,
    why: 'every page is ported, matches its React page and is served by WASM',
  };
}
