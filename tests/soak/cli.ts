// `npm run soak`: seeded random walks through the built app in Chromium, checking the rules of
// ARCHITECTURE.md after every step (see walk.ts). Prints "N steps, M violations" per seed and
// describes the first few; exits 1 when any walk found a violation, 2 on bad flags.
// Needs `npm run build` first (dist/app); CI runs two short walks after the browser tests.
import { launchChromium } from '../e2e/browser.ts';
import { serveBuiltApp } from '../e2e/serve-built-app.ts';
import { parseSoakArgs, SOAK_USAGE, type SoakArgs } from './args.ts';
import { formatViolation } from './report.ts';
import { type WalkResult, walk } from './walk.ts';

async function main(args: SoakArgs): Promise<number> {
  const app = await serveBuiltApp();
  const browser = await launchChromium();
  const results: WalkResult[] = [];
  try {
    for (const seed of args.seeds) {
      let violated = 0;
      let last = performance.now();
      const result = await walk(browser, app.url, {
        seed,
        steps: args.steps,
        onStep: (step, action, problems, screen) => {
          if (problems.length > 0) violated += 1;
          const took = Math.round(performance.now() - last);
          last = performance.now();
          if (args.verbose)
            console.log(
              `seed ${seed} step ${step} (${took} ms): ${action} -> ${screen}${problems.length > 0 ? ` VIOLATION: ${problems.join('; ')}` : ''}`,
            );
          else if (step % 100 === 0)
            console.error(`seed ${seed}: step ${step}/${args.steps}, ${violated} violations so far`);
        },
      });
      results.push(result);
      console.log(`seed ${seed}: ${result.steps} steps, ${result.violations.length} violations`);
      for (const violation of result.violations.slice(0, args.show)) console.log(formatViolation(violation));
      for (const known of result.knownErrors)
        console.log(`  known third-party page error, not counted: ${known}`);
      if (result.violations.length > args.show)
        console.log(`  ... and ${result.violations.length - args.show} more`);
    }
  } finally {
    await browser.close();
    await app.close();
  }
  const total = results.reduce((sum, r) => sum + r.violations.length, 0);
  const steps = results.reduce((sum, r) => sum + r.steps, 0);
  console.log(`soak: ${results.length} seeds, ${steps} steps, ${total} violations`);
  return total === 0 ? 0 : 1;
}

let args: SoakArgs;
try {
  args = parseSoakArgs(process.argv.slice(2));
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n${SOAK_USAGE}`);
  process.exit(2);
}
process.exitCode = await main(args);
