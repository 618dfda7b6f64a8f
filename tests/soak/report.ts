import type { Violation } from './walk.ts';

/**
 * A violation as the soak prints it: where (seed, step, action), what was wrong, the screen, and
 * the actions just before, so it can be replayed by hand or with the same seed.
 *
 * @example
 * console.log(formatViolation(violation));
 * //   seed 2, step 41, Escape:
 * //     - the URL is /collections?profile=p2 but legacy:search is on screen
 * //     screen: legacy:search, focused key:a, URL /collections?profile=p2
 * //     after: Enter, ArrowDown, burst Enter Escape Enter
 */
export function formatViolation(violation: Violation): string {
  return [
    `  seed ${violation.seed}, step ${violation.step}, ${violation.action}:`,
    ...violation.problems.map((problem) => `    - ${problem}`),
    `    screen: ${violation.screen}`,
    `    after: ${violation.before.length === 0 ? '(the first step)' : violation.before.join(', ')}`,
  ].join('\n');
}
