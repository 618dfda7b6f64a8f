// The pure parts of `npm run bench:browser`: statistics, flags, the process tree, the trace
// breakdowns and the verdicts. The browser parts are exercised by the CI smoke run.
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { whyRebuild } from './app-build.ts';
import { addChromiumFrames, chromiumFrames, displayIntervalMs, rafFrames } from './frame-stats.ts';
import { hopDeltas, validHopTraces } from './hop-trace.ts';
import { parseOptions } from './options.ts';
import type { WorldResult } from './phases.ts';
import { roundOrder, sweepKey } from './phases.ts';
import { descendants, parseStat } from './process-tree.ts';
import { type ConditionResult, conditionRows, formatTable, growthPer1000, ratio, targets } from './report.ts';
import { quantile, summarize } from './stats.ts';
import { classify, pageThreads, type TraceEvent, threadBreakdown } from './trace-breakdown.ts';

describe('stats', () => {
  it('interpolates quantiles between ranks', () => {
    expect(quantile([10, 20, 30, 40], 0.5)).toBe(25);
    expect(quantile([40, 10, 30, 20], 0)).toBe(10);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21], 0.95)).toBe(
      20,
    );
    expect(summarize([12, 15, 11, 40])).toMatchObject({ n: 4, median: 13.5, min: 11, max: 40, mean: 19.5 });
  });
  it('gives NaN for an empty sample and refuses q outside 0…1', () => {
    expect(summarize([]).p95).toBeNaN();
    expect(() => quantile([1], 1.5)).toThrow(/0…1/);
  });
});

describe('options', () => {
  it('runs everything by default and shrinks with --smoke; later flags win', () => {
    const full = parseOptions([], 'out.json');
    expect(full.conditions).toEqual(['unthrottled', 'one-core', 'tv', 'cdp6x']);
    expect(full.presses).toBeGreaterThanOrEqual(48);
    expect(full.heapRoundTrips).toBeGreaterThanOrEqual(200);
    const smoke = parseOptions(['--smoke', '--conditions=tv,unthrottled', '--presses=6'], 'out.json');
    expect(smoke).toMatchObject({ smoke: true, conditions: ['unthrottled', 'tv'], presses: 6 });
  });
  it('names a bad flag and what it accepts', () => {
    expect(() => parseOptions(['--conditions=fast'], 'o')).toThrow(/unknown fast; choose from unthrottled/);
    expect(() => parseOptions(['--presses=0'], 'o')).toThrow(/--presses=0: expected a whole number/);
    expect(() => parseOptions(['--frobnicate'], 'o')).toThrow(/unknown flag "--frobnicate"/);
  });
});

describe('process tree', () => {
  it('reads a stat line whose command holds spaces and parentheses', () => {
    expect(parseStat('4242 (chromium (x) y) S 4200 1 2 3')).toEqual({
      pid: 4242,
      ppid: 4200,
      comm: 'chromium (x) y',
    });
    expect(parseStat('garbage')).toBeNull();
  });
  it('finds every descendant, not just children', () => {
    const tree = [
      { pid: 2, ppid: 1, comm: 'chromium' },
      { pid: 3, ppid: 2, comm: 'chromium' },
      { pid: 4, ppid: 3, comm: 'chromium' },
      { pid: 5, ppid: 9, comm: 'other' },
    ];
    expect(descendants(tree, 1).map((info) => info.pid)).toEqual([2, 3, 4]);
  });
});

describe('interleaving', () => {
  it('alternates which world goes first and sweeps 8 right, 8 left', () => {
    expect([roundOrder(0), roundOrder(1)]).toEqual([
      ['wasm', 'react'],
      ['react', 'wasm'],
    ]);
    expect(Array.from({ length: 17 }, (_, index) => sweepKey(index)).join(' ')).toBe(
      `${'ArrowRight '.repeat(8)}${'ArrowLeft '.repeat(8)}ArrowRight`,
    );
  });
});

describe('hop trace', () => {
  it('takes medians between consecutive hops, spanning hops a press skipped', () => {
    const traces = validHopTraces([
      {
        key: 'ArrowRight',
        world: 'wasm',
        hops: { keydown: 0, focusMoved: 1, eventSent: 2, pageEmitted: 6, batchApplied: 7, painted: 10 },
      },
      {
        key: 'ArrowRight',
        world: 'wasm',
        hops: { keydown: 0, focusMoved: 3, eventSent: 4, pageEmitted: 10, batchApplied: 11, painted: 20 },
      },
      { key: 'ArrowUp', world: 'wasm', hops: { keydown: 0, focusMoved: 2, painted: 5 } },
      { key: 'bad', world: 'wasm', hops: { keydown: 'soon' } },
    ]);
    expect(traces).toHaveLength(3);
    expect(hopDeltas(traces)).toEqual([
      { from: 'keydown', to: 'focusMoved', medianMs: 2, n: 3 },
      { from: 'focusMoved', to: 'eventSent', medianMs: 1, n: 2 },
      { from: 'focusMoved', to: 'painted', medianMs: 3, n: 1 },
      { from: 'eventSent', to: 'pageEmitted', medianMs: 5, n: 2 },
      { from: 'pageEmitted', to: 'batchApplied', medianMs: 1, n: 2 },
      { from: 'batchApplied', to: 'painted', medianMs: 6, n: 2 },
    ]);
    expect(validHopTraces(undefined)).toEqual([]);
  });
});

describe('trace breakdown', () => {
  const x = (name: string, ts: number, dur: number, tid = 1): TraceEvent => ({
    name,
    ph: 'X',
    ts,
    dur,
    pid: 7,
    tid,
  });
  it('gives each span its own time, inherited by unnamed children, and the rest to "other"', () => {
    const events = [
      x('RunTask', 0, 10_000),
      x('FunctionCall', 1000, 5000),
      x('V8.SomethingInternal', 2000, 1000), // inside script: script
      x('MinorGC', 3000, 1000), // GC wins over its script parent
      x('RunTask', 20_000, 4000),
      x('Layout', 20_000, 1000),
      x('UpdateLayoutTree', 21_000, 500),
      { name: 'Paint', ph: 'B', ts: 22_000, pid: 7, tid: 1 },
      { name: 'Paint', ph: 'E', ts: 23_000, pid: 7, tid: 1 },
      x('FunctionCall', 0, 99_000, 2), // another thread: not counted
    ];
    const breakdown = threadBreakdown(events, 7, 1);
    expect(breakdown).toEqual({
      script: 4,
      gc: 1,
      layout: 1,
      style: 0.5,
      'paint/composite': 1,
      other: 6.5,
      total: 14,
    });
    expect(classify('BlinkGC.AtomicPhase')).toBe('gc');
    expect(classify('SomethingElse')).toBeNull();
  });
  it("finds the page's main and worker threads by its frame id", () => {
    const events: TraceEvent[] = [
      {
        name: 'TracingStartedInBrowser',
        ph: 'I',
        ts: 0,
        pid: 1,
        tid: 1,
        args: {
          data: {
            frames: [
              { frame: 'F1', processId: 40 },
              { frame: 'F2', processId: 50 },
            ],
          },
        },
      },
      { name: 'thread_name', ph: 'M', ts: 0, pid: 40, tid: 41, args: { name: 'CrRendererMain' } },
      { name: 'thread_name', ph: 'M', ts: 0, pid: 50, tid: 51, args: { name: 'CrRendererMain' } },
      { name: 'thread_name', ph: 'M', ts: 0, pid: 50, tid: 52, args: { name: 'DedicatedWorker thread' } },
    ];
    expect(pageThreads(events, 'F2')).toEqual({
      main: { pid: 50, tid: 51 },
      workers: [{ pid: 50, tid: 52 }],
    });
    expect(pageThreads(events, 'F9').main).toBeNull();
  });
});

describe('report', () => {
  const world = (p95ish: number, extra: Partial<WorldResult> = {}): WorldResult => ({
    latency: { samples: Array.from({ length: 20 }, () => p95ish), domSamples: [], heroUnchanged: 0 },
    ...extra,
  });
  const condition = (
    name: ConditionResult['condition'],
    wasm: WorldResult,
    react: WorldResult,
  ): ConditionResult => ({
    condition: name,
    results: { wasm, react },
    errors: [],
    notes: [],
  });

  it('says MET, NOT MET or NOT MEASURED per target, never throws', () => {
    const verdicts = targets([
      condition('tv', world(30), world(70)),
      condition(
        'unthrottled',
        world(26, { idle: { share: 0.01, seconds: 3 } }),
        world(30, { idle: { share: 0.03, seconds: 3 } }),
      ),
    ]);
    expect(verdicts.find((item) => item.target.startsWith('TV-like'))?.verdict).toBe('MET');
    expect(verdicts.find((item) => item.target.includes('p95 ≤ 25'))?.verdict).toBe('NOT MET');
    expect(verdicts.find((item) => item.target.includes('idle'))?.verdict).toBe('NOT MET');
    expect(verdicts.find((item) => item.target.includes('heap'))?.verdict).toBe('NOT MEASURED');
  });
  it('fails the TV target when WASM is fast but not half of React', () => {
    const verdict = targets([condition('tv', world(30), world(50))]).find((item) =>
      item.target.startsWith('TV-like'),
    );
    expect(verdict?.verdict).toBe('NOT MET');
  });
  it('extrapolates heap growth to 1000 round trips and says it did', () => {
    expect(growthPer1000([1000, 1200], 200)).toBe(1000);
    const heap = {
      roundTrips: 200,
      pageBytes: [0, 600 * 1024] as [number, number],
      worker: { unavailable: 'no worker' },
    };
    const verdict = targets([condition('unthrottled', world(1, { heap }), world(1))]).find((item) =>
      item.target.includes('heap'),
    );
    expect(verdict).toMatchObject({ verdict: 'NOT MET' });
    expect(verdict?.detail).toContain('extrapolated from 200 round trips');
    expect(verdict?.detail).toContain('worker not reachable');
  });
  it('prints a dash for what was not measured, and the "no trace" line', () => {
    expect(ratio(1, 0)).toBe('—');
    expect(ratio(1, 4)).toBe('0.25×');
    const table = formatTable(
      conditionRows(condition('unthrottled', world(10, { hops: null }), world(20, { hops: null }))),
    );
    expect(table).toContain('trace: not available in this build');
    expect(table).toMatch(/input → paint p95 \(ms\)\s+\|\s+10\.0 \|\s+20\.0 \|\s+0\.50×/);
    expect(table).toMatch(/idle: main thread, % of one core\s+\|\s+— \|\s+— \|\s+—/);
  });
});

describe('frame stats', () => {
  it('counts a rAF gap over 1.5 display intervals as dropped, against the idle median', () => {
    const display = displayIntervalMs([16.6, 16.7, 16.8, 50, 16.7]);
    expect(display).toBe(16.7);
    const frames = rafFrames([16.7, 16.7, 25, 25.1, 33.4], display);
    expect(frames).toMatchObject({ dropped: 2, worstFrameMs: 33.4, intervals: 5 });
    expect(frames.fps).toBeCloseTo((5 * 1000) / 116.9, 6);
    expect(rafFrames([], display)).toMatchObject({ fps: 0, dropped: 0, intervals: 0 });
  });
  it("takes one verdict per frame from Chromium's PipelineReporter, the worse of a forked pair", () => {
    const report = (ts: number, sequence: number, state: string, pid = 7): TraceEvent => ({
      name: 'PipelineReporter',
      ph: 'b',
      ts,
      pid,
      tid: 1,
      args: { frame_reporter: { state, frame_sequence: sequence, frame_source: 1 } },
    });
    const events: TraceEvent[] = [
      report(1_000, 1, 'STATE_PRESENTED_ALL'),
      report(1_000, 1, 'STATE_NO_UPDATE_DESIRED'),
      report(17_000, 2, 'STATE_PRESENTED_ALL'),
      report(17_000, 2, 'STATE_PRESENTED_PARTIAL'),
      report(33_000, 3, 'STATE_DROPPED'),
      report(50_000, 4, 'STATE_NO_UPDATE_DESIRED'),
      report(500, 0, 'STATE_NO_UPDATE_DESIRED'),
      report(51_000, 9, 'STATE_DROPPED', 8),
      { name: 'PipelineReporter', ph: 'e', ts: 60_000, pid: 7, tid: 1 },
    ];
    const frames = chromiumFrames(events, 7);
    expect(frames).toEqual({ presented: 1, partial: 1, dropped: 1, windowMs: 32 });
    expect(addChromiumFrames(frames, frames)).toEqual({ presented: 2, partial: 2, dropped: 2, windowMs: 64 });
    expect(chromiumFrames(events, 99)).toEqual({ presented: 0, partial: 0, dropped: 0, windowMs: 0 });
  });
  it('prints the held key rows, and why Chromium frames are missing', () => {
    const held = (chromium: NonNullable<WorldResult['held']>['chromium']): WorldResult => ({
      held: {
        fps: 40,
        dropped: 3,
        worstFrameMs: 50,
        displayMs: 16.7,
        animatedShare: 0.5,
        windowSeconds: 2,
        chromium,
        focusMovesPerSecond: 8,
        keydownsPerSecond: 30,
      },
    });
    const traced = held({ presented: 100, partial: 20, dropped: 4, windowMs: 2000 });
    const table = formatTable(
      conditionRows({ condition: 'tv', results: { wasm: traced, react: traced }, errors: [], notes: [] }),
    );
    expect(table).toMatch(/held key: dropped frames \(rAF gap > 1\.5× display interval\)\s+\|\s+3 \|/);
    expect(table).toMatch(/held key: Chromium frames presented per second \(trace\)\s+\|\s+60\.0 \|/);
    expect(table).toMatch(/held key: frames with an animation running \(%\)\s+\|\s+50 \|/);
    const untraced = formatTable(
      conditionRows({
        condition: 'tv',
        results: { wasm: held({ unavailable: 'not traced' }), react: traced },
        errors: [],
        notes: [],
      }),
    );
    expect(untraced).toContain('held key: Chromium frames not available: not traced');
    const verdict = targets([
      { condition: 'tv', results: { wasm: traced, react: traced }, errors: [], notes: [] },
    ]).find((item) => item.target.startsWith('TV-like: held key'));
    expect(verdict).toMatchObject({ verdict: 'NOT MET' });
    expect(verdict?.detail).toContain('3 rAF gaps over 25.0 ms; Chromium: 4 dropped, 20 partial of 124');
  });
});

describe('build staleness', () => {
  it('asks for a build when dist/app is missing or older than a source', () => {
    const root = `${mkdtempSync(`${tmpdir()}/bench-build-`)}/`;
    expect(whyRebuild(root)).toBe('dist/app is missing');
    mkdirSync(`${root}dist/app`, { recursive: true });
    mkdirSync(`${root}host/boot`, { recursive: true });
    writeFileSync(`${root}host/boot/app-host.ts`, '');
    writeFileSync(`${root}dist/app/index.html`, '');
    utimesSync(`${root}host/boot/app-host.ts`, 1000, 1000);
    utimesSync(`${root}dist/app/index.html`, 2000, 2000);
    expect(whyRebuild(root)).toBeNull();
    utimesSync(`${root}host/boot/app-host.ts`, 3000, 3000);
    expect(whyRebuild(root)).toBe('dist/app is older than host/boot/app-host.ts');
  });
});
