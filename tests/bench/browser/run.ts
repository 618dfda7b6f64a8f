// `npm run bench:browser`: WASM vs React on the collections page of the production build, in
// Debian's Chromium, both worlds interleaved in one run, one fresh browser per condition.
// Prints one table (stdout) and writes tests/output/bench-browser.json. See tests/bench/README.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../e2e/browser.ts';
import { ensureBuilt } from './app-build.ts';
import { type AppServer, serveBuiltApp } from './app-server.ts';
import { BenchPage, WORLDS, type World } from './bench-page.ts';
import { type BenchOptions, CONDITION_LABELS, type Condition, parseOptions } from './options.ts';
import {
  heapPhase,
  heldKeyPhase,
  idlePhase,
  latencyPhase,
  type Pair,
  type PhaseContext,
  startPhase,
  switchPhase,
  thawAll,
  tracePhase,
  type WorldResult,
  warmUp,
} from './phases.ts';
import { pinBrowserToCpu0 } from './process-tree.ts';
import {
  type ConditionResult,
  conditionRows,
  formatTable,
  formatTargets,
  sizeRows,
  targets,
} from './report.ts';
import { bundleSizes } from './sizes.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TV_JS_FLAGS = '--js-flags=--no-opt --no-maglev --no-sparkplug';
const log = (line: string) => process.stderr.write(`[bench:browser] ${line}\n`);
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** What must be undone however the run ends (an error, Ctrl-C): the browser, the server. */
const cleanups = new Set<() => Promise<void>>();
async function cleanUp(): Promise<void> {
  for (const cleanup of [...cleanups].reverse())
    await cleanup().catch((error) => log(`cleanup: ${message(error)}`));
  cleanups.clear();
}
// A stray rejection must not leave a browser or the server behind: clean up, then fail loudly.
process.on('unhandledRejection', (reason) => {
  log(
    `unhandled rejection (a bug in the bench): ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`,
  );
  void cleanUp().finally(() => process.exit(1));
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`${signal}: closing the browser and the server`);
    void cleanUp().finally(() => process.exit(130));
  });
}

async function runCondition(
  condition: Condition,
  server: AppServer,
  options: BenchOptions,
  deep: boolean,
  versions: string[],
): Promise<ConditionResult> {
  const pinned = condition === 'one-core' || condition === 'tv';
  const throttle = condition === 'cdp6x' ? 6 : 1;
  // Slow conditions get more time per step; a step that still misses it fails with what it saw.
  const timeoutMs = throttle > 1 ? 45_000 : pinned ? 20_000 : 10_000;
  const results: Record<World, WorldResult> = { wasm: {}, react: {} };
  const errors: string[] = [];
  const notes: string[] = [];
  log(`== ${CONDITION_LABELS[condition]}`);
  const browser: Browser = await launchChromium(condition === 'tv' ? [TV_JS_FLAGS] : []);
  const closeBrowser = () => browser.close();
  cleanups.add(closeBrowser);
  if (versions.length === 0) versions.push(browser.version());
  let lastPin = '';
  const repin = async () => {
    if (!pinned) return;
    const report = await pinBrowserToCpu0();
    const note = `pinned ${report.processes} Chromium processes (${report.threads} threads) to CPU 0${report.notPinned.length > 0 ? `; NOT pinned: ${report.notPinned.slice(0, 5).join(', ')}` : ''}`;
    if (note !== lastPin) log(`  ${note}`);
    lastPin = note;
  };
  const ctx: PhaseContext = {
    browser,
    base: server.url,
    options,
    condition,
    throttle,
    timeoutMs,
    repin,
    log,
    results,
    errors,
  };
  let pair: Pair | null = null;
  try {
    await repin();
    const opened: Partial<Pair> = {};
    for (const world of WORLDS) {
      opened[world] = await BenchPage.open(browser, server.url, world, {
        throttle,
        label: `${condition} ${world}`,
        timeoutMs: timeoutMs * 3,
      });
      await repin();
    }
    pair = opened as Pair;
    const open = pair;
    const phase = async (name: string, run: () => Promise<void>) => {
      log(`  ${name}`);
      const started = Date.now();
      try {
        await run();
      } catch (error) {
        errors.push(`${condition} / ${name}: ${message(error)}`);
        log(`  ${name} FAILED: ${message(error)}`);
        // Start the next phase from a known screen.
        await thawAll(open).catch(() => undefined);
        for (const world of WORLDS)
          await open[world].load(timeoutMs * 3).catch((e) => log(`  reload ${world}: ${message(e)}`));
      }
      await repin();
      log(`  ${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    };
    await phase('warm-up', () => warmUp(ctx, open, Math.min(8, options.presses)));
    await phase('idle', () => idlePhase(ctx, open));
    await phase(`single presses (${options.presses} per world, interleaved)`, () => latencyPhase(ctx, open));
    await phase('held key', () => heldKeyPhase(ctx, open));
    await phase(`switches (${options.switches} round trips per world, interleaved)`, () =>
      switchPhase(ctx, open),
    );
    if (deep) {
      await phase(`Chromium trace (${options.tracePresses} presses per world)`, () => tracePhase(ctx, open));
      await phase(`heap (${options.heapRoundTrips} round trips per world)`, () => heapPhase(ctx, open));
    }
    for (const world of WORLDS) await open[world].close();
    pair = null;
    await phase(`cold and warm starts (${options.starts} per world)`, () => startPhase(ctx));
    if (options.freeze) notes.push('the world not being measured was frozen (Page.setWebLifecycleState)');
    if (pinned) notes.push(lastPin);
  } catch (error) {
    errors.push(`${condition}: ${message(error)}`);
    log(`  FAILED: ${message(error)}`);
  } finally {
    if (pair !== null) for (const world of WORLDS) await pair[world].close();
    await browser.close().catch(() => undefined);
    cleanups.delete(closeBrowser);
  }
  return { condition, results, errors, notes };
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2), `${ROOT}tests/output/bench-browser.json`);
  const started = Date.now();
  if (options.build) await ensureBuilt(ROOT, log);
  const sizes = bundleSizes(`${ROOT}dist/app/`);
  const server = await serveBuiltApp(ROOT);
  const closeServer = () => server.close();
  cleanups.add(closeServer);
  log(`serving dist/app at ${server.url}`);
  const deepCondition = options.conditions.includes('unthrottled') ? 'unthrottled' : options.conditions[0];
  const conditions: ConditionResult[] = [];
  const versions: string[] = [];
  try {
    for (const condition of options.conditions) {
      conditions.push(await runCondition(condition, server, options, condition === deepCondition, versions));
    }
  } finally {
    await cleanUp();
  }

  const rows = [...conditions.flatMap(conditionRows), ...sizeRows(sizes)];
  const verdicts = targets(conditions);
  const errors = conditions.flatMap((item) => item.errors);
  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    loadAverage: loadavg(),
    node: process.version,
    chromium: versions[0] ?? 'unknown',
  };
  const seconds = (Date.now() - started) / 1000;
  const out = [
    `bench:browser ${options.smoke ? '(smoke run: too few samples to judge) ' : ''}— ${new Date().toISOString()}, Chromium ${machine.chromium}, ${machine.cpus} × ${machine.cpuModel}, load ${machine.loadAverage.map((value) => value.toFixed(1)).join(' ')}`,
    'collections page of profile p1; WASM = /collections?profile=p1, React = ?world.collections=legacy',
    '',
    formatTable(rows),
    '',
    ...conditions.flatMap((item) => item.notes.map((note) => `note (${item.condition}): ${note}`)),
    formatTargets(verdicts),
    ...(errors.length > 0
      ? ['', `${errors.length} step(s) failed (their rows show —):`, ...errors.map((error) => `  ${error}`)]
      : []),
    '',
    `took ${seconds.toFixed(0)} s; JSON: ${options.out}`,
  ];
  process.stdout.write(`${out.join('\n')}\n`);
  mkdirSync(dirname(options.out), { recursive: true });
  writeFileSync(
    options.out,
    `${JSON.stringify({ date: new Date().toISOString(), machine, options, seconds, conditions, sizes, targets: verdicts, errors }, null, 2)}\n`,
  );
  return errors.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  async (error: unknown) => {
    log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    await cleanUp();
    process.exit(1);
  },
);
