/** What `npm run soak` was asked to do. */
export interface SoakArgs {
  readonly seeds: readonly number[];
  readonly steps: number;
  /** Print every step, not only progress every 100 steps. */
  readonly verbose: boolean;
  /** How many violations to describe per seed (all are counted). */
  readonly show: number;
}

export const SOAK_USAGE =
  'usage: npm run soak -- [--seeds=1,2,3] [--steps=10000] [--show=5] [--verbose]\n' +
  '  --seeds  comma-separated integer seeds, one walk each (default 1)\n' +
  '  --steps  actions per walk (default 300)\n' +
  '  --show   violations described per seed; all are counted (default 5)\n' +
  '  --verbose  print every step';

/**
 * Reads the soak's flags; throws an Error naming the bad flag (the CLI prints it with the usage).
 *
 * @example
 * parseSoakArgs(['--seeds=1,2,3', '--steps=10000']); // { seeds: [1, 2, 3], steps: 10000, verbose: false, show: 5 }
 */
export function parseSoakArgs(argv: readonly string[]): SoakArgs {
  let seeds: number[] = [1];
  let steps = 300;
  let show = 5;
  let verbose = false;
  for (const arg of argv) {
    const [name, value] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    if (name === '--verbose' && value === undefined) verbose = true;
    else if (name === '--seeds' && value !== undefined) {
      seeds = value.split(',').map((part) => {
        if (!/^-?\d{1,10}$/.test(part.trim())) throw new Error(`--seeds: "${part}" is not an integer seed`);
        return Number(part.trim());
      });
    } else if (name === '--steps' && value !== undefined) steps = positive('--steps', value);
    else if (name === '--show' && value !== undefined) show = positive('--show', value, true);
    else throw new Error(`unknown flag "${arg}"`);
  }
  return { seeds, steps, verbose, show };
}

function positive(flag: string, value: string, zeroAllowed = false): number {
  if (!/^\d{1,9}$/.test(value) || (!zeroAllowed && Number(value) === 0))
    throw new Error(`${flag}: "${value}" is not a whole number${zeroAllowed ? '' : ' of at least 1'}`);
  return Number(value);
}
