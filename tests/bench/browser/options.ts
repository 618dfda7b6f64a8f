/** The conditions a run can measure; each gets a fresh browser. */
export const CONDITIONS = ['unthrottled', 'one-core', 'tv', 'cdp6x'] as const;
export type Condition = (typeof CONDITIONS)[number];

/** What each condition means, for the table and the README. */
export const CONDITION_LABELS: Readonly<Record<Condition, string>> = {
  unthrottled: 'unthrottled',
  'one-core': 'one core (taskset -c 0 on the whole browser)',
  tv: 'TV-like (--js-flags=--no-opt --no-maglev --no-sparkplug, one core)',
  cdp6x: 'CDP 6x CPU throttling (favours the worker: CDP throttles the main thread only)',
};

/** How much a run measures; `--smoke` shrinks everything so CI can afford it. */
export interface BenchOptions {
  readonly conditions: readonly Condition[];
  /** Single presses per world, per condition (the latency sample). */
  readonly presses: number;
  /** How long a key is held, per direction. */
  readonly holdMs: number;
  /** How long the app is left alone to measure its idle cost. */
  readonly idleMs: number;
  /** Round trips collections → details → collections timed per world, per condition. */
  readonly switches: number;
  /** Round trips between the two heap readings (first condition only). */
  readonly heapRoundTrips: number;
  /** Cold starts (and as many warm starts) per world, per condition. */
  readonly starts: number;
  /** Presses per world recorded with Chromium's tracing (unthrottled condition only). */
  readonly tracePresses: number;
  /** Freeze the page of the world not being measured (CDP Page.setWebLifecycleState). */
  readonly freeze: boolean;
  /** Trace the held key for Chromium's own frame verdicts (PipelineReporter); off: rAF only, no tracing cost. */
  readonly frameTrace: boolean;
  /** Build dist/app first if it is missing or older than its sources. */
  readonly build: boolean;
  readonly smoke: boolean;
  /** Where the JSON goes. */
  readonly out: string;
}

export const FULL: Omit<BenchOptions, 'out'> = {
  conditions: CONDITIONS,
  presses: 48,
  holdMs: 2000,
  idleMs: 3000,
  switches: 20,
  heapRoundTrips: 200,
  starts: 3,
  tracePresses: 20,
  freeze: true,
  frameTrace: true,
  build: true,
  smoke: false,
};

export const SMOKE: Omit<BenchOptions, 'out'> = {
  conditions: ['unthrottled'],
  presses: 4,
  holdMs: 1000,
  idleMs: 1000,
  switches: 2,
  heapRoundTrips: 3,
  starts: 1,
  tracePresses: 4,
  freeze: true,
  frameTrace: true,
  build: true,
  smoke: true,
};

const USAGE = `usage: npm run bench:browser -- [--smoke] [--conditions=${CONDITIONS.join(',')}] [--presses=N]
  [--switches=N] [--heap-round-trips=N] [--starts=N] [--trace-presses=N] [--no-freeze] [--no-frame-trace] [--no-build] [--out=FILE]`;

function positiveInt(flag: string, value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1)
    throw new Error(`${flag}=${value}: expected a whole number ≥ 1\n${USAGE}`);
  return parsed;
}

/**
 * The options named by command-line flags, starting from the full run (or the smoke run with
 * `--smoke`); later flags override what `--smoke` chose.
 *
 * @example
 * parseOptions(['--smoke', '--conditions=tv'], 'out.json').conditions; // ['tv']
 */
export function parseOptions(argv: readonly string[], out: string): BenchOptions {
  const base = argv.includes('--smoke') ? SMOKE : FULL;
  let options: BenchOptions = { ...base, out };
  for (const arg of argv) {
    const [flag = '', value = ''] = arg.split(/=(.*)/s, 2);
    switch (flag) {
      case '--smoke':
        break;
      case '--conditions': {
        const names = value.split(',').filter((name) => name !== '');
        const unknown = names.filter((name) => !(CONDITIONS as readonly string[]).includes(name));
        if (names.length === 0 || unknown.length > 0) {
          throw new Error(
            `--conditions=${value}: unknown ${unknown.join(', ') || '(none given)'}; choose from ${CONDITIONS.join(', ')}\n${USAGE}`,
          );
        }
        options = { ...options, conditions: CONDITIONS.filter((name) => names.includes(name)) };
        break;
      }
      case '--presses':
        options = { ...options, presses: positiveInt(flag, value) };
        break;
      case '--switches':
        options = { ...options, switches: positiveInt(flag, value) };
        break;
      case '--heap-round-trips':
        options = { ...options, heapRoundTrips: positiveInt(flag, value) };
        break;
      case '--starts':
        options = { ...options, starts: positiveInt(flag, value) };
        break;
      case '--trace-presses':
        options = { ...options, tracePresses: positiveInt(flag, value) };
        break;
      case '--no-freeze':
        options = { ...options, freeze: false };
        break;
      case '--no-frame-trace':
        options = { ...options, frameTrace: false };
        break;
      case '--no-build':
        options = { ...options, build: false };
        break;
      case '--out':
        if (value === '') throw new Error(`--out needs a file name\n${USAGE}`);
        options = { ...options, out: value };
        break;
      default:
        throw new Error(`unknown flag "${arg}"\n${USAGE}`);
    }
  }
  return options;
}
