import type { World } from './bench-page.ts';
import { DROPPED_FACTOR } from './frame-stats.ts';
import { CONDITION_LABELS, type Condition } from './options.ts';
import type { WorldResult } from './phases.ts';
import type { FileSize } from './sizes.ts';
import { summarize } from './stats.ts';
import { BREAKDOWN_PARTS } from './trace-breakdown.ts';

/** One condition's results (a fresh browser each). */
export interface ConditionResult {
  readonly condition: Condition;
  readonly results: Record<World, WorldResult>;
  readonly errors: readonly string[];
  readonly notes: readonly string[];
}

/** A row of the table: a section heading (no values) or a metric with both worlds and their ratio. */
export type Row =
  | { readonly section: string }
  | { readonly metric: string; readonly wasm: string; readonly react: string; readonly ratio: string };

const DASH = '—';

const fmt = (value: number | undefined, digits = 1): string =>
  value === undefined || !Number.isFinite(value) ? DASH : value.toFixed(digits);

/** WASM / React, e.g. "0.42×"; a dash when either is missing or React's is zero. */
export function ratio(wasm: number | undefined, react: number | undefined): string {
  if (
    wasm === undefined ||
    react === undefined ||
    !Number.isFinite(wasm) ||
    !Number.isFinite(react) ||
    react === 0
  ) {
    return DASH;
  }
  return `${(wasm / react).toFixed(2)}×`;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

/** Heap growth extrapolated to 1000 round trips, in bytes. */
export function growthPer1000(bytes: readonly [number, number], roundTrips: number): number {
  return ((bytes[1] - bytes[0]) * 1000) / roundTrips;
}

function metricRow(
  label: string,
  pick: (result: WorldResult) => number | undefined,
  results: Record<World, WorldResult>,
  digits = 1,
): Row {
  const wasm = pick(results.wasm);
  const react = pick(results.react);
  return { metric: label, wasm: fmt(wasm, digits), react: fmt(react, digits), ratio: ratio(wasm, react) };
}

/** The table's rows for one condition. */
export function conditionRows(result: ConditionResult): Row[] {
  const r = result.results;
  const rows: Row[] = [{ section: CONDITION_LABELS[result.condition] }];
  const lat = (world: WorldResult) => summarize(world.latency?.samples ?? []);
  const presses = (world: WorldResult) => world.latency?.samples.length;
  rows.push(
    metricRow('input → paint median (ms)', (w) => lat(w).median, r),
    metricRow('input → paint p95 (ms)', (w) => lat(w).p95, r),
    metricRow(
      'input → DOM ready median (ms, before paint)',
      (w) => summarize(w.latency?.domSamples ?? []).median,
      r,
    ),
    {
      metric: 'presses measured (hero unchanged, left out)',
      wasm: r.wasm.latency === undefined ? DASH : `${presses(r.wasm)} (${r.wasm.latency.heroUnchanged})`,
      react: r.react.latency === undefined ? DASH : `${presses(r.react)} (${r.react.latency.heroUnchanged})`,
      ratio: '',
    },
    metricRow('held key: display frame interval (idle rAF median, ms)', (w) => w.held?.displayMs, r),
    metricRow('held key: frames per second (rAF, hold + animations after)', (w) => w.held?.fps, r),
    metricRow(
      `held key: dropped frames (rAF gap > ${DROPPED_FACTOR}× display interval)`,
      (w) => w.held?.dropped,
      r,
      0,
    ),
    metricRow('held key: worst frame (ms)', (w) => w.held?.worstFrameMs, r),
    metricRow(
      'held key: frames with an animation running (%)',
      (w) => (w.held === undefined ? undefined : w.held.animatedShare * 100),
      r,
      0,
    ),
    ...chromiumRows(r),
    metricRow('held key: focus moves per second', (w) => w.held?.focusMovesPerSecond, r),
    metricRow('main thread per key: task (ms)', (w) => w.perKey?.task, r),
    metricRow('main thread per key: script (ms)', (w) => w.perKey?.script, r),
    metricRow('main thread per key: layout (ms)', (w) => w.perKey?.layout, r),
    metricRow('main thread per key: style (ms)', (w) => w.perKey?.style, r),
    metricRow(
      'idle: main thread, % of one core',
      (w) => (w.idle === undefined ? undefined : w.idle.share * 100),
      r,
    ),
    metricRow('Enter → details (React) median (ms)', (w) => summarize(w.switchToDetails ?? []).median, r),
    metricRow('Enter → details (React) p95 (ms)', (w) => summarize(w.switchToDetails ?? []).p95, r),
    metricRow('Back → collections median (ms)', (w) => summarize(w.backToCollections ?? []).median, r),
    metricRow('Back → collections p95 (ms)', (w) => summarize(w.backToCollections ?? []).p95, r),
    metricRow('collections without a focused node before Enter (readings)', (w) => w.unfocusedReadings, r, 0),
    metricRow('cold start → first focus median (ms)', (w) => summarize(w.coldStart ?? []).median, r, 0),
    metricRow(
      'warm start (reload) → first focus median (ms)',
      (w) => summarize(w.warmStart ?? []).median,
      r,
      0,
    ),
  );
  if (r.wasm.heap !== undefined || r.react.heap !== undefined) {
    const pageGrowth = (w: WorldResult) =>
      w.heap === undefined ? undefined : growthPer1000(w.heap.pageBytes, w.heap.roundTrips);
    const workerGrowth = (w: WorldResult) =>
      w.heap === undefined || 'unavailable' in w.heap.worker
        ? undefined
        : growthPer1000(w.heap.worker.bytes, w.heap.roundTrips);
    const trips = r.wasm.heap?.roundTrips ?? r.react.heap?.roundTrips ?? 0;
    const scaled = trips === 1000 ? '' : `, measured over ${trips}, scaled`;
    const cell = (value: number | undefined) => (value === undefined ? DASH : mb(value));
    rows.push({
      metric: `page heap growth per 1000 round trips${scaled}`,
      wasm: cell(pageGrowth(r.wasm)),
      react: cell(pageGrowth(r.react)),
      ratio: ratio(pageGrowth(r.wasm), pageGrowth(r.react)),
    });
    const unavailable = (w: WorldResult) =>
      w.heap !== undefined && 'unavailable' in w.heap.worker ? 'not reachable' : DASH;
    rows.push({
      metric: `worker heap growth per 1000 round trips${scaled}`,
      wasm: workerGrowth(r.wasm) === undefined ? unavailable(r.wasm) : cell(workerGrowth(r.wasm)),
      react: workerGrowth(r.react) === undefined ? unavailable(r.react) : cell(workerGrowth(r.react)),
      ratio: ratio(workerGrowth(r.wasm), workerGrowth(r.react)),
    });
  }
  rows.push(...hopRows(r));
  if (r.wasm.breakdown !== undefined || r.react.breakdown !== undefined) {
    const n = r.wasm.breakdown?.presses ?? r.react.breakdown?.presses ?? 0;
    for (const part of [...BREAKDOWN_PARTS, 'total'] as const) {
      rows.push(
        metricRow(
          `trace (${n} presses): main thread ${part} per key (ms)`,
          (w) => w.breakdown?.main[part],
          r,
        ),
      );
    }
    rows.push(
      metricRow('trace: worker thread busy per key (ms)', (w) => w.breakdown?.workerBusyMs ?? undefined, r),
    );
    rows.push(
      metricRow(
        'trace window: TaskDuration counter per key (ms; cross-check of total)',
        (w) => w.breakdown?.counterTaskMs,
        r,
      ),
    );
  }
  return rows;
}

/** Chromium's frames of the held key (its PipelineReporter trace), or one row saying why not. */
function chromiumRows(r: Record<World, WorldResult>): Row[] {
  if (r.wasm.held === undefined && r.react.held === undefined) return [];
  const frames = (w: WorldResult) =>
    w.held === undefined || 'unavailable' in w.held.chromium ? undefined : w.held.chromium;
  const missing = [r.wasm, r.react].flatMap((w) =>
    w.held !== undefined && 'unavailable' in w.held.chromium ? [w.held.chromium.unavailable] : [],
  );
  const rows: Row[] = [
    metricRow(
      'held key: Chromium frames presented per second (trace)',
      (w) => {
        const f = frames(w);
        return f === undefined || f.windowMs === 0
          ? undefined
          : ((f.presented + f.partial) * 1000) / f.windowMs;
      },
      r,
    ),
    metricRow('held key: Chromium dropped frames (trace)', (w) => frames(w)?.dropped, r, 0),
    metricRow(
      'held key: Chromium partial frames (compositor shown, main thread late)',
      (w) => frames(w)?.partial,
      r,
      0,
    ),
  ];
  if (missing.length > 0)
    rows.push({
      metric: `held key: Chromium frames not available: ${missing[0]}`,
      wasm: '',
      react: '',
      ratio: '',
    });
  return rows;
}

/** Hop-by-hop medians from window.__ficusTrace, or one row saying the build has none. */
function hopRows(r: Record<World, WorldResult>): Row[] {
  if (r.wasm.hops === undefined && r.react.hops === undefined) return [];
  if (r.wasm.hops === null || r.react.hops === null) {
    return [
      {
        metric: 'trace: not available in this build (no window.__ficusTrace)',
        wasm: '',
        react: '',
        ratio: '',
      },
    ];
  }
  const pairs = new Map<string, { wasm?: number; react?: number }>();
  for (const world of ['wasm', 'react'] as const) {
    for (const delta of r[world].hops?.deltas ?? []) {
      const key = `${delta.from} → ${delta.to}`;
      pairs.set(key, { ...pairs.get(key), [world]: delta.medianMs });
    }
  }
  const counts = `${r.wasm.hops?.presses ?? 0} / ${r.react.hops?.presses ?? 0} presses`;
  if (pairs.size === 0)
    return [{ metric: `hops: no traced press (${counts})`, wasm: '', react: '', ratio: '' }];
  return [...pairs].map(([pair, values]) => ({
    metric: `hop ${pair} median (ms; ${counts})`,
    wasm: fmt(values.wasm, 2),
    react: fmt(values.react, 2),
    ratio: ratio(values.wasm, values.react),
  }));
}

/** Size rows: the app's page modules one by one, the other modules summed, each JS bundle. */
export function sizeRows(sizes: readonly FileSize[]): Row[] {
  const rows: Row[] = [{ section: 'sizes (dist/app; raw / gzip -9)' }];
  const both = (size: { raw: number; gzip: number }) => `${kb(size.raw)} / ${kb(size.gzip)}`;
  for (const size of sizes.filter((item) => item.kind === 'page')) {
    rows.push({ metric: `${size.file} (page module)`, wasm: both(size), react: '', ratio: '' });
  }
  const others = sizes.filter((item) => item.kind !== 'page' && item.kind !== 'js');
  if (others.length > 0) {
    const total = others.reduce((sum, item) => ({ raw: sum.raw + item.raw, gzip: sum.gzip + item.gzip }), {
      raw: 0,
      gzip: 0,
    });
    rows.push({
      metric: `${others.length} example/fixture modules, together (not loaded by the app)`,
      wasm: both(total),
      react: '',
      ratio: '',
    });
  }
  for (const size of sizes.filter((item) => item.kind === 'js')) {
    const worker = size.file.includes('worker');
    rows.push({
      metric: `${size.file} (${worker ? 'WASM world worker' : 'main thread: host + React world, both worlds load it'})`,
      wasm: worker ? both(size) : '',
      react: worker ? '' : both(size),
      ratio: '',
    });
  }
  return rows;
}

/** The rows as one aligned plain-text table. */
export function formatTable(rows: readonly Row[]): string {
  const header = { metric: 'metric', wasm: 'WASM', react: 'React', ratio: 'WASM/React' };
  const metrics = rows.filter((row): row is Exclude<Row, { section: string }> => !('section' in row));
  const width = (pick: (row: typeof header) => string) =>
    Math.max(...[header, ...metrics].map((row) => pick(row).length));
  const w = {
    metric: width((row) => row.metric),
    wasm: width((row) => row.wasm),
    react: width((row) => row.react),
    ratio: width((row) => row.ratio),
  };
  const line = (row: typeof header) =>
    `${row.metric.padEnd(w.metric)} | ${row.wasm.padStart(w.wasm)} | ${row.react.padStart(w.react)} | ${row.ratio.padStart(w.ratio)}`;
  const rule = '-'.repeat(w.metric + w.wasm + w.react + w.ratio + 9);
  const out = [line(header), rule];
  for (const row of rows) out.push('section' in row ? `== ${row.section}` : line(row));
  return out.join('\n');
}

/** One target of issue 8 and whether this run met it. */
export interface TargetVerdict {
  readonly target: string;
  readonly verdict: 'MET' | 'NOT MET' | 'NOT MEASURED';
  readonly detail: string;
}

/** Evaluates issue 8's targets on this run; never throws for a miss, only reports it. */
export function targets(conditions: readonly ConditionResult[]): TargetVerdict[] {
  const of = (condition: Condition) => conditions.find((item) => item.condition === condition)?.results;
  const verdict = (
    target: string,
    values: Array<number | undefined>,
    met: (...values: number[]) => boolean,
    detail: (...values: number[]) => string,
    note = '',
  ): TargetVerdict => {
    if (values.some((value) => value === undefined || !Number.isFinite(value))) {
      return { target, verdict: 'NOT MEASURED', detail: note || 'its condition or phase did not run' };
    }
    const numbers = values as number[];
    return {
      target,
      verdict: met(...numbers) ? 'MET' : 'NOT MET',
      detail: detail(...numbers) + (note ? ` (${note})` : ''),
    };
  };
  const p95 = (samples: readonly number[] | undefined) =>
    samples === undefined ? undefined : summarize(samples).p95;
  const median = (samples: readonly number[] | undefined) =>
    samples === undefined ? undefined : summarize(samples).median;
  const tv = of('tv');
  const un = of('unthrottled');
  const out: TargetVerdict[] = [];
  // rAF (the main thread) decides; Chromium's own count of the same frames is shown beside it.
  const heldKeyVerdict = (label: string, results: Record<World, WorldResult> | undefined) => {
    const held = results?.wasm.held;
    const chromium =
      held === undefined
        ? ''
        : 'unavailable' in held.chromium
          ? `; Chromium's frames not available: ${held.chromium.unavailable}`
          : `; Chromium: ${held.chromium.dropped} dropped, ${held.chromium.partial} partial of ${held.chromium.presented + held.chromium.partial + held.chromium.dropped}`;
    return verdict(
      `${label}: held key 60 fps, no dropped frames (WASM, animations on)`,
      [held?.fps, held?.dropped, held?.displayMs],
      (fps, dropped) => fps >= 58 && dropped === 0,
      (fps, dropped, display) =>
        `${fps.toFixed(1)} fps, ${dropped} rAF gaps over ${(DROPPED_FACTOR * display).toFixed(1)} ms${chromium}`,
      'fps ≥ 58 counts as 60',
    );
  };
  out.push(
    verdict(
      'TV-like: WASM input → paint p95 ≤ 33 ms and ≤ half of React p95',
      [p95(tv?.wasm.latency?.samples), p95(tv?.react.latency?.samples)],
      (wasm, react) => wasm <= 33 && wasm <= react / 2,
      (wasm, react) =>
        `WASM p95 ${wasm.toFixed(1)} ms, React p95 ${react.toFixed(1)} ms (${(wasm / react).toFixed(2)}×)`,
    ),
    verdict(
      'unthrottled: WASM input → paint p95 ≤ 25 ms',
      [p95(un?.wasm.latency?.samples)],
      (wasm) => wasm <= 25,
      (wasm) => `WASM p95 ${wasm.toFixed(1)} ms`,
    ),
    heldKeyVerdict('unthrottled', un),
    heldKeyVerdict('TV-like', tv),
    verdict(
      'unthrottled: idle main thread ≤ 2% of one core (both worlds)',
      [un?.wasm.idle?.share, un?.react.idle?.share],
      (wasm, react) => wasm <= 0.02 && react <= 0.02,
      (wasm, react) => `WASM ${(wasm * 100).toFixed(1)}%, React ${(react * 100).toFixed(1)}%`,
    ),
    verdict(
      'unthrottled: warm switch p95 ≤ 100 ms either way (WASM collections ↔ React details)',
      [p95(un?.wasm.switchToDetails), p95(un?.wasm.backToCollections)],
      (out, back) => out <= 100 && back <= 100,
      (out, back) => `to details ${out.toFixed(1)} ms, back to WASM collections ${back.toFixed(1)} ms`,
    ),
    verdict(
      'unthrottled: cold start to the first WASM page ≤ React page (median)',
      [median(un?.wasm.coldStart), median(un?.react.coldStart)],
      (wasm, react) => wasm <= react,
      (wasm, react) => `WASM ${wasm.toFixed(0)} ms, React ${react.toFixed(0)} ms`,
    ),
  );
  const heap = conditions.find((item) => item.results.wasm.heap !== undefined)?.results.wasm.heap;
  const workerBytes = heap === undefined || 'unavailable' in heap.worker ? undefined : heap.worker.bytes;
  const scaled =
    heap !== undefined && heap.roundTrips !== 1000 ? `extrapolated from ${heap.roundTrips} round trips` : '';
  out.push(
    verdict(
      'heap growth < 2 MB over 1000 cross-world round trips (WASM page + its worker)',
      [
        heap === undefined ? undefined : growthPer1000(heap.pageBytes, heap.roundTrips),
        workerBytes === undefined || heap === undefined ? 0 : growthPer1000(workerBytes, heap.roundTrips),
      ],
      (page, worker) => page + worker < 2 * 1024 * 1024,
      (page, worker) =>
        `page ${mb(page)}, worker ${workerBytes === undefined ? 'not reachable' : mb(worker)}`,
      scaled,
    ),
  );
  return out;
}

export function formatTargets(verdicts: readonly TargetVerdict[]): string {
  const width = Math.max(...verdicts.map((item) => item.verdict.length));
  return [
    'targets (issue 8; printed, never asserted):',
    ...verdicts.map((item) => `  ${item.verdict.padEnd(width)}  ${item.target}: ${item.detail}`),
  ].join('\n');
}
