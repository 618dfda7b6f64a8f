import type { Browser } from 'playwright-core';
import {
  BenchPage,
  HOST_WORLD,
  type MainThreadMetrics,
  sleep,
  type Want,
  WORLDS,
  type World,
  within,
} from './bench-page.ts';
import {
  addChromiumFrames,
  type ChromiumFrames,
  chromiumFrames,
  displayIntervalMs,
  rafFrames,
} from './frame-stats.ts';
import { type HopDelta, type HopTrace, hopDeltas } from './hop-trace.ts';
import type { BenchOptions } from './options.ts';
import { type Breakdown, pageThreads, type TraceEvent, threadBreakdown } from './trace-breakdown.ts';

/** Everything measured for one world in one condition; a field is absent if its phase did not run or failed. */
export interface WorldResult {
  latency?: { samples: number[]; domSamples: number[]; heroUnchanged: number };
  /** Main-thread milliseconds per key press (CDP Performance.getMetrics, keydown → painted + tail). */
  perKey?: { task: number; script: number; layout: number; style: number; windowMs: number };
  /**
   * A held key, the window running on while its animations do: rAF frame rate, dropped frames
   * (intervals > 1.5 × `displayMs`, the idle page's median rAF interval), the share of frames with
   * an animation running, and Chromium's own frame verdicts over the same windows.
   */
  held?: {
    fps: number;
    dropped: number;
    worstFrameMs: number;
    displayMs: number;
    animatedShare: number;
    windowSeconds: number;
    chromium: ChromiumFrames | { unavailable: string };
    focusMovesPerSecond: number;
    keydownsPerSecond: number;
  };
  idle?: { share: number; seconds: number };
  switchToDetails?: number[];
  backToCollections?: number[];
  /** Readings 100 ms apart, before each Enter, in which collections had no focused node (should be 0). */
  unfocusedReadings?: number;
  coldStart?: number[];
  warmStart?: number[];
  heap?: {
    roundTrips: number;
    pageBytes: [number, number];
    worker: { bytes: [number, number]; workers: number } | { unavailable: string };
  };
  /** null: this build has no window.__ficusTrace. */
  hops?: { deltas: HopDelta[]; presses: number } | null;
  /** `counterTaskMs`: Performance.getMetrics' TaskDuration per key over the same traced window, as a cross-check of `main.total`. */
  breakdown?: { presses: number; main: Breakdown; workerBusyMs: number | null; counterTaskMs: number };
}

export type Pair = Record<World, BenchPage>;

/** Shared by every phase of one condition. */
export interface PhaseContext {
  readonly browser: Browser;
  readonly base: string;
  readonly options: BenchOptions;
  readonly condition: string;
  readonly throttle: number;
  /** How long one awaited change may take before the step fails (scaled for slow conditions). */
  readonly timeoutMs: number;
  /** Re-pins the browser's processes when the condition asks for one core; a no-op otherwise. */
  readonly repin: () => Promise<void>;
  readonly log: (line: string) => void;
  readonly results: Record<World, WorldResult>;
  readonly errors: string[];
}

/** The settle time before each measured press: the previous press's trailing work is done. */
const SETTLE_MS = 120;
/** After a press is painted, trailing work (effects, GC, the next frame) still belongs to it. */
const TAIL_MS = 100;
/** The focus may land on a tile of the title already shown: the hero then never changes. */
const HERO_GRACE_MS = 1500;
const MOVE: Want = { kind: 'move', heroGraceMs: HERO_GRACE_MS };

/** Key i of a sweep along the rail: 8 right, 8 left, and again (scrolling moves and still ones). */
export const sweepKey = (index: number): string =>
  Math.floor(index / 8) % 2 === 0 ? 'ArrowRight' : 'ArrowLeft';

/** Order of the worlds in round `round`: alternates, so neither world always goes first. */
export const roundOrder = (round: number): readonly World[] =>
  round % 2 === 0 ? WORLDS : [...WORLDS].reverse();

/** Gives `world` the machine: the other world's page is frozen (unless --no-freeze), this one thawed. */
async function focusWorld(ctx: PhaseContext, pair: Pair, world: World): Promise<void> {
  for (const other of WORLDS) if (other !== world && ctx.options.freeze) await pair[other].freeze();
  await pair[world].thaw();
}

async function thawAll(pair: Pair): Promise<void> {
  for (const world of WORLDS) await pair[world].thaw();
}

const deltaMs = (after: MainThreadMetrics, before: MainThreadMetrics, key: keyof MainThreadMetrics) =>
  (after[key] - before[key]) * 1000;

/**
 * Unmeasured presses per world over the tiles the measured sweep will visit (right `reach` times,
 * then back): code paths compiled, the tiles' images loaded and decoded. The sample is the steady
 * state of browsing a rail, not a first visit.
 */
export async function warmUp(ctx: PhaseContext, pair: Pair, reach: number): Promise<void> {
  for (const world of WORLDS) {
    await focusWorld(ctx, pair, world);
    for (let index = 0; index < 2 * reach; index++) {
      await pair[world].press(index < reach ? 'ArrowRight' : 'ArrowLeft', MOVE, ctx.timeoutMs);
      await sleep(SETTLE_MS);
    }
  }
}

/** Main-thread share of one core with no input at all, per world. */
export async function idlePhase(ctx: PhaseContext, pair: Pair): Promise<void> {
  for (const world of WORLDS) {
    await focusWorld(ctx, pair, world);
    await sleep(500);
    const before = await pair[world].metrics();
    await sleep(ctx.options.idleMs);
    const after = await pair[world].metrics();
    const seconds = after.Timestamp - before.Timestamp;
    ctx.results[world].idle = { share: (after.TaskDuration - before.TaskDuration) / seconds, seconds };
  }
}

/** Single presses along a rail, the worlds alternating press by press; also the per-key main-thread time and hops. */
export async function latencyPhase(ctx: PhaseContext, pair: Pair): Promise<void> {
  const samples: Record<World, number[]> = { wasm: [], react: [] };
  const dom: Record<World, number[]> = { wasm: [], react: [] };
  const heroUnchanged: Record<World, number> = { wasm: 0, react: 0 };
  const sums: Record<
    World,
    { task: number; script: number; layout: number; style: number; windowMs: number; n: number }
  > = {
    wasm: { task: 0, script: 0, layout: 0, style: 0, windowMs: 0, n: 0 },
    react: { task: 0, script: 0, layout: 0, style: 0, windowMs: 0, n: 0 },
  };
  const hops: Record<World, HopTrace[] | null> = { wasm: [], react: [] };
  for (const world of WORLDS) await pair[world].hopTraces().catch(() => null); // drop the warm-up's

  for (let index = 0; index < ctx.options.presses; index++) {
    for (const world of roundOrder(index)) {
      const page = pair[world];
      await focusWorld(ctx, pair, world);
      await sleep(SETTLE_MS);
      const before = await page.metrics();
      const result = await page.press(sweepKey(index), MOVE, ctx.timeoutMs);
      await sleep(TAIL_MS);
      const after = await page.metrics();
      if (result.after.world !== HOST_WORLD[world]) {
        throw new Error(
          `${ctx.condition} ${world}: press ${index} was painted by the ${result.after.world} world (a fallback?)`,
        );
      }
      if (result.heroUnchanged) heroUnchanged[world] += 1;
      else {
        samples[world].push(result.latencyMs);
        dom[world].push(result.domMs);
      }
      const sum = sums[world];
      sum.task += deltaMs(after, before, 'TaskDuration');
      sum.script += deltaMs(after, before, 'ScriptDuration');
      sum.layout += deltaMs(after, before, 'LayoutDuration');
      sum.style += deltaMs(after, before, 'RecalcStyleDuration');
      sum.windowMs += deltaMs(after, before, 'Timestamp');
      sum.n += 1;
    }
  }
  for (const world of WORLDS) {
    const traces = await pair[world].hopTraces();
    hops[world] = traces;
    const sum = sums[world];
    ctx.results[world].latency = {
      samples: samples[world],
      domSamples: dom[world],
      heroUnchanged: heroUnchanged[world],
    };
    ctx.results[world].perKey = {
      task: sum.task / sum.n,
      script: sum.script / sum.n,
      layout: sum.layout / sum.n,
      style: sum.style / sum.n,
      windowMs: sum.windowMs / sum.n,
    };
    const own = traces?.filter((trace) => trace.world === HOST_WORLD[world]) ?? null;
    ctx.results[world].hops = own === null ? null : { deltas: hopDeltas(own), presses: own.length };
  }
}

/** The trace categories of a held key: Chromium's frame reporter, and the frame ids to find the page's renderer. */
export const FRAME_TRACE_CATEGORIES = [
  'disabled-by-default-devtools.timeline.frame',
  'disabled-by-default-devtools.timeline',
];
/** rAF intervals of the idle page, per world, to estimate the display's frame interval. */
const IDLE_FRAMES = 60;

/**
 * A held arrow key (auto-repeat at 30 Hz), right then left, with the app's animations on: frame
 * rate and dropped frames from rAF intervals over the hold and the animations still running after
 * release (until none is left), against the display interval measured on the idle page first;
 * and Chromium's own frame verdicts (PipelineReporter) from a trace of the same windows.
 */
export async function heldKeyPhase(ctx: PhaseContext, pair: Pair): Promise<void> {
  for (const world of WORLDS) {
    const page = pair[world];
    await focusWorld(ctx, pair, world);
    await sleep(300);
    const idle = (await within(
      page.page.evaluate(`window.__ficusBench.idleFrames(${IDLE_FRAMES})`),
      ctx.timeoutMs,
      `${ctx.condition} ${world}: idle frames`,
    )) as number[];
    const displayMs = displayIntervalMs(idle);
    const frameId = await page.frameId();
    const intervals: number[] = [];
    let animatedFrames = 0;
    let frames = 0;
    let moves = 0;
    let keydowns = 0;
    let seconds = 0;
    let chromium: ChromiumFrames | { unavailable: string } = ctx.options.frameTrace
      ? { presented: 0, partial: 0, dropped: 0, windowMs: 0 }
      : { unavailable: 'not traced (--no-frame-trace)' };
    for (const key of ['ArrowRight', 'ArrowLeft']) {
      await sleep(300);
      const traced = ctx.options.frameTrace;
      if (traced) await ctx.browser.startTracing(page.page, { categories: FRAME_TRACE_CATEGORIES });
      let buffer: Buffer | null = null;
      let hold: {
        frames: number[];
        animatedFrames: number;
        focusChanges: number[];
        keydowns: number;
        startedAt: number;
        stoppedAt: number;
      } | null;
      try {
        await page.page.evaluate('window.__ficusBench.startHold()');
        await page.hold(key, ctx.options.holdMs, 30);
        // The window goes on while the animations the hold started are still running.
        await within(
          page.page.evaluate('window.__ficusBench.animationsDone()'),
          ctx.timeoutMs,
          `${ctx.condition} ${world}: animations after releasing ${key}`,
        );
        hold = (await page.page.evaluate('window.__ficusBench.stopHold()')) as typeof hold;
      } finally {
        if (traced) buffer = await ctx.browser.stopTracing();
      }
      if (hold === null)
        throw new Error(`${ctx.condition} ${world}: the held-key recording was lost (page reloaded?)`);
      for (let index = 1; index < hold.frames.length; index++) {
        intervals.push((hold.frames[index] ?? 0) - (hold.frames[index - 1] ?? 0));
      }
      animatedFrames += hold.animatedFrames;
      frames += hold.frames.length;
      moves += hold.focusChanges.length;
      keydowns += hold.keydowns;
      seconds += (hold.stoppedAt - hold.startedAt) / 1000;
      if (buffer !== null && !('unavailable' in chromium)) {
        const trace = JSON.parse(buffer.toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
        const events = Array.isArray(trace) ? trace : (trace.traceEvents ?? []);
        const main = pageThreads(events, frameId).main;
        if (main === null) chromium = { unavailable: "the trace holds no renderer for the page's frame" };
        else {
          const counted = chromiumFrames(events, main.pid);
          chromium =
            counted.presented + counted.partial + counted.dropped === 0
              ? { unavailable: 'the trace holds no PipelineReporter frame of the page' }
              : addChromiumFrames(chromium, counted);
        }
      }
    }
    const raf = rafFrames(intervals, displayMs);
    ctx.results[world].held = {
      fps: raf.fps,
      dropped: raf.dropped,
      worstFrameMs: raf.worstFrameMs,
      displayMs,
      animatedShare: frames === 0 ? 0 : animatedFrames / frames,
      windowSeconds: seconds,
      chromium,
      focusMovesPerSecond: moves / seconds,
      keydownsPerSecond: keydowns / seconds,
    };
  }
}

/**
 * Waits until the page is at rest on collections: a focused node, the same one in three readings
 * 100 ms apart. A key sent while the page has no focus (say, while it rebuilds its rails after
 * Back) would select nothing. Returns how many readings showed no focus, for the notes.
 */
async function atRest(ctx: PhaseContext, page: BenchPage): Promise<number> {
  const started = Date.now();
  let unfocused = 0;
  let same = 0;
  let last: string | null = null;
  for (;;) {
    const screen = await page.screen();
    if (screen.focus === null) unfocused += 1;
    same = screen.focus !== null && screen.focus === last && screen.page === 'collections' ? same + 1 : 0;
    last = screen.focus;
    if (same >= 2) return unfocused;
    if (Date.now() - started > ctx.timeoutMs) {
      throw new Error(
        `${ctx.condition} ${page.world}: collections did not come to rest with one focused node within ${ctx.timeoutMs} ms; the screen: ${JSON.stringify(screen)}`,
      );
    }
    await sleep(100);
  }
}

/** One round trip: Enter on the focused tile opens details (React); Back returns to collections. */
async function roundTrip(ctx: PhaseContext, page: BenchPage): Promise<[number, number]> {
  const result = ctx.results[page.world];
  result.unfocusedReadings = (result.unfocusedReadings ?? 0) + (await atRest(ctx, page));
  const out = await page.press('Enter', { kind: 'page', page: 'details', world: 'legacy' }, ctx.timeoutMs);
  await sleep(SETTLE_MS);
  const back = await page.press('Escape', { kind: 'page', page: 'collections', world: null }, ctx.timeoutMs);
  if (back.after.world !== HOST_WORLD[page.world]) {
    throw new Error(
      `${ctx.condition} ${page.world}: Back showed collections in the ${back.after.world} world (a fallback?)`,
    );
  }
  await sleep(SETTLE_MS);
  return [out.latencyMs, back.latencyMs];
}

/** Switches collections → details → collections, the worlds alternating round by round. */
export async function switchPhase(ctx: PhaseContext, pair: Pair): Promise<void> {
  for (const world of WORLDS) {
    ctx.results[world].switchToDetails = [];
    ctx.results[world].backToCollections = [];
  }
  for (let round = 0; round < ctx.options.switches; round++) {
    for (const world of roundOrder(round)) {
      await focusWorld(ctx, pair, world);
      const [out, back] = await roundTrip(ctx, pair[world]);
      ctx.results[world].switchToDetails?.push(out);
      ctx.results[world].backToCollections?.push(back);
    }
  }
}

/** JS heap of the page and of its worker before and after many round trips (after a GC each time). */
export async function heapPhase(ctx: PhaseContext, pair: Pair): Promise<void> {
  for (const world of WORLDS) {
    const page = pair[world];
    await focusWorld(ctx, pair, world);
    for (let index = 0; index < 2; index++) await roundTrip(ctx, page);
    const pageBefore = await page.heapAfterGc();
    const workerBefore = await page.workerHeapAfterGc();
    for (let index = 0; index < ctx.options.heapRoundTrips; index++) {
      await roundTrip(ctx, page);
      if ((index + 1) % 50 === 0)
        ctx.log(`  heap ${world}: ${index + 1}/${ctx.options.heapRoundTrips} round trips`);
    }
    const pageAfter = await page.heapAfterGc();
    const workerAfter = await page.workerHeapAfterGc();
    ctx.results[world].heap = {
      roundTrips: ctx.options.heapRoundTrips,
      pageBytes: [pageBefore, pageAfter],
      worker:
        'unavailable' in workerBefore
          ? workerBefore
          : 'unavailable' in workerAfter
            ? workerAfter
            : { bytes: [workerBefore.bytes, workerAfter.bytes], workers: workerAfter.workers },
    };
  }
}

export const TRACE_CATEGORIES = [
  'devtools.timeline',
  'v8.execute',
  'disabled-by-default-devtools.timeline',
  'toplevel',
  'v8',
  // Name the paint lifecycle, the compositor commit wait and more of what would otherwise be "other".
  'blink',
  'cc',
];
/** Time left to each traced press: far more than one takes unthrottled, and idle costs next to nothing. */
const TRACE_PRESS_MS = 300;

/**
 * Chromium's own trace over a few presses per world: where the main thread's time per key goes.
 * The presses are bare key events with a fixed wait (no probe calls, no metrics), so the trace
 * holds the app's work and not the bench's own CDP traffic; the screen is checked afterwards.
 */
export async function tracePhase(ctx: PhaseContext, pair: Pair): Promise<void> {
  for (const world of WORLDS) {
    const page = pair[world];
    await focusWorld(ctx, pair, world);
    await sleep(300);
    const frameId = await page.frameId();
    const before = await page.screen();
    await ctx.browser.startTracing(page.page, { categories: TRACE_CATEGORIES });
    let buffer: Buffer;
    let counters: [MainThreadMetrics, MainThreadMetrics];
    try {
      const first = await page.metrics();
      for (let index = 0; index < ctx.options.tracePresses; index++) {
        await within(
          page.page.keyboard.press(sweepKey(index)),
          ctx.timeoutMs,
          `${ctx.condition} ${world} traced press ${index}`,
        );
        await sleep(TRACE_PRESS_MS);
      }
      counters = [first, await page.metrics()];
    } finally {
      buffer = await ctx.browser.stopTracing();
    }
    const after = await page.screen();
    if (
      after.world !== HOST_WORLD[world] ||
      after.page !== 'collections' ||
      (ctx.options.tracePresses % 16 !== 0 && after.focus === before.focus)
    ) {
      throw new Error(
        `${ctx.condition} ${world}: after the traced presses the screen is ${JSON.stringify(after)} (was ${JSON.stringify(before)})`,
      );
    }
    const trace = JSON.parse(buffer.toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
    const events = Array.isArray(trace) ? trace : (trace.traceEvents ?? []);
    const threads = pageThreads(events, frameId);
    if (threads.main === null)
      throw new Error(
        `${ctx.condition} ${world}: the trace holds no renderer main thread for the page's frame`,
      );
    const presses = ctx.options.tracePresses;
    const main = threadBreakdown(events, threads.main.pid, threads.main.tid);
    const perKey = Object.fromEntries(
      Object.entries(main).map(([part, ms]) => [part, ms / presses]),
    ) as Breakdown;
    const workerBusy =
      threads.workers.length === 0
        ? null
        : threads.workers.reduce(
            (sum, thread) => sum + threadBreakdown(events, thread.pid, thread.tid).total,
            0,
          ) / presses;
    ctx.results[world].breakdown = {
      presses,
      main: perKey,
      workerBusyMs: workerBusy,
      counterTaskMs: deltaMs(counters[1], counters[0], 'TaskDuration') / presses,
    };
  }
}

/** Cold start (a fresh context: empty cache, no service worker) and warm start (a reload), worlds alternating. */
export async function startPhase(ctx: PhaseContext): Promise<void> {
  for (const world of WORLDS) {
    ctx.results[world].coldStart = [];
    ctx.results[world].warmStart = [];
  }
  for (let round = 0; round < ctx.options.starts; round++) {
    for (const world of roundOrder(round)) {
      const label = `${ctx.condition} ${world} start ${round + 1}`;
      const page = await BenchPage.open(ctx.browser, ctx.base, world, {
        throttle: ctx.throttle,
        label,
        timeoutMs: ctx.timeoutMs * 3,
      });
      try {
        await ctx.repin();
        ctx.results[world].coldStart?.push(await firstFocusMs(page, ctx.timeoutMs * 3, `${label} (cold)`));
        await sleep(500);
        await page.page.reload({ timeout: ctx.timeoutMs * 3 });
        ctx.results[world].warmStart?.push(await firstFocusMs(page, ctx.timeoutMs * 3, `${label} (warm)`));
      } finally {
        await page.close();
      }
    }
  }
}

/** Navigation start → the end of the frame that first showed a focused node on collections. */
async function firstFocusMs(page: BenchPage, timeoutMs: number, label: string): Promise<number> {
  const started = Date.now();
  for (;;) {
    const first = (await page.page.evaluate('window.__ficusBench.firstFocus()')) as {
      paintedMs: number;
      page: string;
      world: string;
    } | null;
    if (first !== null) {
      if (first.page !== 'collections' || first.world !== HOST_WORLD[page.world]) {
        throw new Error(`${label}: the first focused page was ${first.page} in the ${first.world} world`);
      }
      return first.paintedMs;
    }
    if (Date.now() - started > timeoutMs) throw new Error(`${label}: no focused node within ${timeoutMs} ms`);
    await sleep(50);
  }
}

export { thawAll };
