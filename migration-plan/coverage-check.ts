import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { CoverageReport } from './coverage.ts';
import {
  BaselineFileError,
  baselineOf,
  describeChange,
  formatBaseline,
  parseBaseline,
  ratchet,
} from './coverage-baseline.ts';

export interface CoverageCheckResult {
  /** 0: held or improved (baseline rewritten); 1: coverage fell, or nothing to check against. */
  readonly exitCode: 0 | 1;
  /** What to print, one line each. */
  readonly lines: readonly string[];
}

/**
 * `npm run coverage -- --check`: compares `report` with the baseline at `baselinePath` and
 * rewrites the file when coverage improved (or when there was none yet). Fails without parity
 * results: a port's parity decides whether it counts as done, so a run without them would read
 * as every done port falling.
 *
 * @example
 * const result = checkCoverage(coverageReport(REFERENCE_PLAN, parity), 'migration-plan/coverage-baseline.json');
 * for (const line of result.lines) console.log(line);
 * process.exitCode = result.exitCode;
 */
export function checkCoverage(
  report: CoverageReport,
  baselinePath: string,
  parityDir: string,
): CoverageCheckResult {
  if (!report.parityKnown)
    return {
      exitCode: 1,
      lines: [
        `coverage --check: no parity results in ${parityDir}: run npm test first (it writes them), then check again`,
      ],
    };
  const current = baselineOf(report);
  if (!existsSync(baselinePath)) {
    writeFileSync(baselinePath, formatBaseline(current));
    return { exitCode: 0, lines: [`coverage --check: no baseline yet; wrote ${baselinePath}: commit it`] };
  }
  let baseline: ReturnType<typeof parseBaseline>;
  try {
    baseline = parseBaseline(baselinePath, JSON.parse(readFileSync(baselinePath, 'utf8')));
  } catch (error) {
    if (error instanceof BaselineFileError || error instanceof SyntaxError)
      return { exitCode: 1, lines: [`coverage --check: cannot read the baseline: ${error.message}`] };
    throw error;
  }
  const verdict = ratchet(baseline, current);
  switch (verdict.kind) {
    case 'same':
      return { exitCode: 0, lines: [`coverage --check: coverage holds at the baseline (${baselinePath})`] };
    case 'improved':
      writeFileSync(baselinePath, formatBaseline(verdict.next));
      return {
        exitCode: 0,
        lines: [
          ...verdict.improved.map((change) => `coverage --check: ${describeChange(change)}`),
          `coverage --check: coverage improved; rewrote ${baselinePath}: commit it`,
        ],
      };
    case 'fell':
      return {
        exitCode: 1,
        lines: [
          ...verdict.fell.map((change) => `coverage --check: ${describeChange(change)}`),
          `coverage --check: coverage fell below the baseline in ${baselinePath}; the baseline is unchanged`,
        ],
      };
  }
}
