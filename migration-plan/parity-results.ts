/**
 * The machine-readable result of parity runs: what a parity test writes for each page (one file
 * per page and test file, under `tests/output/parity/` by default) and what `npm run coverage`
 * reads to say whether a port matches its React page. A file is `unknown` until
 * {@link parseParityFile} accepts it: it comes from another process, maybe another commit.
 *
 * @example
 * // tests/output/parity/settings.settings.parity.test.json
 * { "format": "ficus-parity/1", "page": "settings", "file": "tests/unit/parity/settings.parity.test.tsx",
 *   "commit": "747fcdd…", "dirty": false, "writtenAt": "2026-12-02T12:00:00.000Z",
 *   "runs": [{ "name": "settings > saves a toggle", "steps": 9, "pass": true, "differingSteps": [] }] }
 */
import type { PageId } from './plan-schema.ts';

export const PARITY_FORMAT = 'ficus-parity/1';
/** Where parity tests write their results and coverage reads them, from the project root. */
export const DEFAULT_PARITY_DIR = 'tests/output/parity';

/** One runParity call: one script played on both implementations. */
export interface ParityRun {
  /** The test's full name (describe > it). */
  readonly name: string;
  /** Steps played. */
  readonly steps: number;
  /** True when both implementations matched after every step. */
  readonly pass: boolean;
  /** The 1-based steps after which they differed. */
  readonly differingSteps: readonly number[];
  /**
   * Set when the script shows a difference the team knows of and has not fixed yet (port
   * faithfully, fix later: the gap is written down, not hidden). A page with a known gap that
   * still differs is not done.
   */
  readonly knownGap?: string;
}

export interface ParityFile {
  readonly format: typeof PARITY_FORMAT;
  readonly page: PageId;
  /** The test file that played the runs, from the project root. */
  readonly file: string;
  /** The commit the tests ran on (null outside a git checkout), and whether the tree had changes. */
  readonly commit: string | null;
  readonly dirty: boolean;
  /** ISO time the file was last written. */
  readonly writtenAt: string;
  readonly runs: readonly ParityRun[];
}

/** Thrown for a results file that is not a {@link ParityFile}; says which field and why. */
export class ParityFileError extends Error {
  override readonly name = 'ParityFileError';
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function field<T>(
  where: string,
  record: Record<string, unknown>,
  key: string,
  test: (value: unknown) => value is T,
  expected: string,
): T {
  const value = record[key];
  if (!test(value)) {
    throw new ParityFileError(
      `${where}: "${key}" must be ${expected}, got ${JSON.stringify(value) ?? 'nothing'}`,
    );
  }
  return value;
}
const isString = (value: unknown): value is string => typeof value === 'string';
const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';
const isStepCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;
const isStringOrNull = (value: unknown): value is string | null =>
  value === null || typeof value === 'string';
const isArray = (value: unknown): value is readonly unknown[] => Array.isArray(value);

/**
 * Checks one results file read from disk.
 *
 * @param where names the file in errors (its path)
 * @throws ParityFileError naming the file and the field that is wrong
 */
export function parseParityFile(where: string, data: unknown): ParityFile {
  if (!isRecord(data)) throw new ParityFileError(`${where}: a parity result must be a JSON object`);
  if (data['format'] !== PARITY_FORMAT) {
    throw new ParityFileError(
      `${where}: "format" must be "${PARITY_FORMAT}", got ${JSON.stringify(data['format']) ?? 'nothing'} (written by another version of the harness? run the tests again)`,
    );
  }
  const runs = field(where, data, 'runs', isArray, 'a list of runs').map((run, index): ParityRun => {
    const at = `${where}: runs[${index}]`;
    if (!isRecord(run)) throw new ParityFileError(`${at} must be an object`);
    const differingSteps = field(at, run, 'differingSteps', isArray, 'a list of step numbers');
    if (!differingSteps.every(isStepCount)) {
      throw new ParityFileError(`${at}: "differingSteps" must hold step numbers only`);
    }
    const knownGap = run['knownGap'] === undefined ? undefined : field(at, run, 'knownGap', isString, 'text');
    return {
      name: field(at, run, 'name', isString, 'text'),
      steps: field(at, run, 'steps', isStepCount, 'a step count'),
      pass: field(at, run, 'pass', isBoolean, 'true or false'),
      differingSteps: differingSteps as readonly number[],
      ...(knownGap === undefined ? {} : { knownGap }),
    };
  });
  return {
    format: PARITY_FORMAT,
    page: field(where, data, 'page', isString, 'a page id'),
    file: field(where, data, 'file', isString, 'a test file path'),
    commit: field(where, data, 'commit', isStringOrNull, 'a commit id or null'),
    dirty: field(where, data, 'dirty', isBoolean, 'true or false'),
    writtenAt: field(where, data, 'writtenAt', isString, 'an ISO time'),
    runs,
  };
}

/**
 * - `pass`: every run matched;
 * - `known-gap`: no unexpected difference, but a run marked with a known gap still differs;
 * - `fail`: a run differed without a known gap;
 * - `not-run`: no results for the page.
 */
export type ParityStatus = 'pass' | 'known-gap' | 'fail' | 'not-run';

export interface PageParity {
  readonly status: ParityStatus;
  readonly runs: number;
  readonly failedRuns: readonly string[];
  readonly knownGaps: readonly string[];
  /** The commits the results came from (more than one means some files are older). */
  readonly commits: readonly (string | null)[];
  readonly dirty: boolean;
}

/**
 * One page's parity over every results file written for it.
 *
 * @example
 * pageParity([settingsFile]).status; // 'pass'
 */
export function pageParity(files: readonly ParityFile[]): PageParity {
  const runs = files.flatMap((file) => file.runs);
  const failedRuns = runs.filter((run) => !run.pass && run.knownGap === undefined).map((run) => run.name);
  const knownGaps = [
    ...new Set(
      runs.filter((run) => !run.pass && run.knownGap !== undefined).map((run) => run.knownGap ?? ''),
    ),
  ];
  const status: ParityStatus =
    runs.length === 0
      ? 'not-run'
      : failedRuns.length > 0
        ? 'fail'
        : knownGaps.length > 0
          ? 'known-gap'
          : 'pass';
  return {
    status,
    runs: runs.length,
    failedRuns,
    knownGaps,
    commits: [...new Set(files.map((file) => file.commit))],
    dirty: files.some((file) => file.dirty),
  };
}
