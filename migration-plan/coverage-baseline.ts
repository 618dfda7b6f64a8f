/**
 * The migration ratchet (`npm run coverage -- --check`), the way Betterer keeps a baseline: the
 * committed numbers may only go up. Coverage that falls below the baseline fails the check; coverage
 * that rises rewrites the baseline, so the gain is kept. These are the pure parts: the file's
 * shape, reading it (data from disk is `unknown` until checked) and the comparison.
 *
 * @example
 * const verdict = ratchet(parseBaseline(path, JSON.parse(text)), baselineOf(report));
 * verdict.kind; // 'same' | 'improved' | 'fell'
 */
import type { CoverageReport } from './coverage.ts';

export const BASELINE_FORMAT = 'ficus-coverage-baseline/1';
/** Where the committed baseline lives, from the project root. */
export const DEFAULT_BASELINE_PATH = 'migration-plan/coverage-baseline.json';

/** The numbers the ratchet holds: none of them may fall. */
export interface CoverageBaseline {
  readonly format: typeof BASELINE_FORMAT;
  /** Pages with a WASM implementation whose parity passes with no known gap. */
  readonly donePorts: number;
  /** Pages with a WASM implementation, whatever their rollout or parity. */
  readonly implementedPages: number;
  /** The plan's share of viewer time served by WASM, 0..1, to 4 decimals (null without usage weights). */
  readonly wasmUsageShare: number | null;
}

/** The metrics of a baseline, in the order messages name them. */
export const BASELINE_METRICS = ['donePorts', 'implementedPages', 'wasmUsageShare'] as const;
export type BaselineMetric = (typeof BASELINE_METRICS)[number];

/** One metric that moved. */
export interface BaselineChange {
  readonly metric: BaselineMetric;
  readonly from: number | null;
  readonly to: number | null;
}

/**
 * - `same`: nothing moved;
 * - `improved`: something rose and nothing fell: write `next` as the new baseline;
 * - `fell`: something fell (whatever else rose): the check fails and the baseline stays.
 */
export type RatchetVerdict =
  | { readonly kind: 'same' }
  | {
      readonly kind: 'improved';
      readonly improved: readonly BaselineChange[];
      readonly next: CoverageBaseline;
    }
  | {
      readonly kind: 'fell';
      readonly fell: readonly BaselineChange[];
      readonly improved: readonly BaselineChange[];
    };

/** Thrown for a baseline file that is not a {@link CoverageBaseline}; names the file and the field. */
export class BaselineFileError extends Error {
  override readonly name = 'BaselineFileError';
}

/**
 * The baseline numbers of a coverage report (the share rounded to 4 decimals, so float noise in
 * the plan's arithmetic never reads as a change).
 *
 * @example
 * baselineOf(coverageReport(REFERENCE_PLAN, parity)); // { format, donePorts: 5, implementedPages: 6, wasmUsageShare: 0.35 }
 */
export function baselineOf(report: CoverageReport): CoverageBaseline {
  return {
    format: BASELINE_FORMAT,
    donePorts: report.donePorts,
    implementedPages: report.implementedPages,
    wasmUsageShare:
      report.wasmUsageShare === null ? null : Math.round(report.wasmUsageShare * 10_000) / 10_000,
  };
}

/**
 * Checks a baseline read from disk.
 *
 * @param where names the file in errors
 * @throws BaselineFileError naming the file and the field that is wrong
 */
export function parseBaseline(where: string, data: unknown): CoverageBaseline {
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw new BaselineFileError(`${where}: a coverage baseline must be a JSON object`);
  const record = data as Record<string, unknown>;
  if (record['format'] !== BASELINE_FORMAT)
    throw new BaselineFileError(
      `${where}: "format" must be "${BASELINE_FORMAT}", got ${JSON.stringify(record['format']) ?? 'nothing'}`,
    );
  const count = (key: string): number => {
    const value = record[key];
    if (!Number.isInteger(value) || (value as number) < 0)
      throw new BaselineFileError(
        `${where}: "${key}" must be a whole number ≥ 0, got ${JSON.stringify(value) ?? 'nothing'}`,
      );
    return value as number;
  };
  const donePorts = count('donePorts');
  const implementedPages = count('implementedPages');
  const share = record['wasmUsageShare'];
  if (share !== null && !(typeof share === 'number' && share >= 0 && share <= 1))
    throw new BaselineFileError(
      `${where}: "wasmUsageShare" must be a number from 0 to 1 or null, got ${JSON.stringify(share) ?? 'nothing'}`,
    );
  const unknown = Object.keys(record).filter(
    (key) => key !== 'format' && !(BASELINE_METRICS as readonly string[]).includes(key),
  );
  if (unknown.length > 0) throw new BaselineFileError(`${where}: unknown field "${unknown[0]}"`);
  return {
    format: BASELINE_FORMAT,
    donePorts,
    implementedPages,
    wasmUsageShare: share,
  };
}

/**
 * Compares the current numbers with the baseline. A share that became unknown (null) fell; one
 * that became known rose.
 *
 * @example
 * ratchet(baseline, { ...baseline, donePorts: baseline.donePorts - 1 });
 * // { kind: 'fell', fell: [{ metric: 'donePorts', from: 5, to: 4 }], improved: [] }
 */
export function ratchet(baseline: CoverageBaseline, current: CoverageBaseline): RatchetVerdict {
  const fell: BaselineChange[] = [];
  const improved: BaselineChange[] = [];
  for (const metric of BASELINE_METRICS) {
    const from = baseline[metric];
    const to = current[metric];
    if (from === to) continue;
    const rose = from === null ? true : to === null ? false : to > from;
    (rose ? improved : fell).push({ metric, from, to });
  }
  if (fell.length > 0) return { kind: 'fell', fell, improved };
  if (improved.length > 0) return { kind: 'improved', improved, next: current };
  return { kind: 'same' };
}

/**
 * One change in words, e.g. `donePorts fell from 5 to 4` or `wasmUsageShare rose from 35% to 73%`.
 *
 * @example
 * describeChange({ metric: 'donePorts', from: 5, to: 4 }); // 'donePorts (pages with a WASM implementation and passing parity) fell from 5 to 4'
 */
export function describeChange(change: BaselineChange): string {
  const value = (v: number | null) =>
    v === null ? 'unknown' : change.metric === 'wasmUsageShare' ? `${Math.round(v * 1000) / 10}%` : String(v);
  const rose = change.from === null || (change.to !== null && change.to > change.from);
  return `${change.metric} (${METRIC_MEANING[change.metric]}) ${rose ? 'rose' : 'fell'} from ${value(change.from)} to ${value(change.to)}`;
}

const METRIC_MEANING: Readonly<Record<BaselineMetric, string>> = {
  donePorts: 'pages with a WASM implementation and passing parity',
  implementedPages: 'pages with a WASM implementation',
  wasmUsageShare: "the plan's share of viewer time served by WASM",
};

/** The baseline as it is written to disk: stable key order, one field a line, a final newline. */
export function formatBaseline(baseline: CoverageBaseline): string {
  return `${JSON.stringify(baseline, ['format', ...BASELINE_METRICS], 2)}\n`;
}
