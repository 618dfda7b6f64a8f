import type { StoredEvent, TelemetryStore } from './store.ts';
import { SUMMARY_EVENTS, sessionKey } from './summary.ts';
import { textField, type ViewerInterval, viewerIntervals } from './viewer-intervals.ts';

/** Viewer time in one bucket of the collector's clock. */
export interface TimelineBucket {
  /** The bucket's start, ms since the epoch (a multiple of `bucketMs`). */
  readonly start: number;
  /** Viewer time WASM served in it, and all viewer time in it (ms). */
  readonly wasmMs: number;
  readonly totalMs: number;
  /** wasmMs / totalMs, null for a bucket no one watched. */
  readonly wasmShare: number | null;
}

export interface TelemetryTimeline {
  readonly generatedAt: number;
  readonly bucketMs: number;
  /** Every bucket from the first watched one to the last, oldest first (gaps as zeros). */
  readonly buckets: readonly TimelineBucket[];
  /** What could not be placed on the clock, and why. */
  readonly notes: readonly string[];
}

/** The bucket sizes an automatic timeline picks from, smallest first. */
export const TIMELINE_BUCKETS_MS = [1_000, 10_000, 60_000, 600_000, 3_600_000, 21_600_000, 86_400_000];
/** An automatic timeline has at most this many buckets (the smallest size that fits). */
export const TIMELINE_AUTO_BUCKETS = 240;
/** A requested bucket size must give at most this many buckets. */
export const TIMELINE_MAX_BUCKETS = 5_000;

/** The bucket size asked for gives too many buckets for the stored range; says which and how many. */
export class TimelineRangeError extends Error {
  override readonly name = 'TimelineRangeError';
}

export interface TimelineInput {
  /** Viewer intervals on each session's page clock (see viewerIntervals). */
  readonly intervals: readonly ViewerInterval[];
  /** Each session's page-clock offset on the collector's clock (TelemetryStore.clockOffsetBySession). */
  readonly offsetBySession: ReadonlyMap<string, number>;
  /** Bucket size in ms; absent picks one of {@link TIMELINE_BUCKETS_MS} (≤ {@link TIMELINE_AUTO_BUCKETS} buckets). */
  readonly bucketMs?: number;
  readonly now: number;
}

/**
 * The viewer time WASM served, and all viewer time, per bucket of wall-clock time: each page's
 * on-screen interval (the same ones the summary's `viewerTimeMs` sums, so the buckets add up to
 * it) is moved onto the collector's clock by its session's offset and split across the buckets
 * it spans.
 *
 * @throws TimelineRangeError when `bucketMs` would give more than {@link TIMELINE_MAX_BUCKETS}
 * @example
 * timeline({ intervals, offsetBySession, bucketMs: 60_000, now: Date.now() }).buckets;
 * // [{ start: 1767225600000, wasmMs: 42000, totalMs: 60000, wasmShare: 0.7 }, ...]
 */
export function timeline(input: TimelineInput): TelemetryTimeline {
  const placed: { from: number; until: number; wasm: boolean }[] = [];
  let unplaced = 0;
  for (const interval of input.intervals) {
    const offset = input.offsetBySession.get(interval.session);
    if (offset === undefined) {
      unplaced++;
      continue;
    }
    if (interval.until > interval.from)
      placed.push({
        from: interval.from + offset,
        until: interval.until + offset,
        wasm: interval.world === 'wasm',
      });
  }
  const notes =
    unplaced > 0
      ? [`${unplaced} viewer intervals belong to sessions with no clock offset and are left out`]
      : [];
  if (placed.length === 0)
    return {
      generatedAt: input.now,
      bucketMs: input.bucketMs ?? TIMELINE_BUCKETS_MS[0] ?? 1000,
      buckets: [],
      notes,
    };
  const first = Math.min(...placed.map((p) => p.from));
  const last = Math.max(...placed.map((p) => p.until));
  const bucketMs = input.bucketMs ?? autoBucket(first, last);
  const startOf = (t: number) => Math.floor(t / bucketMs) * bucketMs;
  // The last interval's end is exclusive: a page that ends on a bucket's edge leaves that bucket empty.
  const count = Math.ceil(last / bucketMs) - Math.floor(first / bucketMs);
  if (count > TIMELINE_MAX_BUCKETS)
    throw new TimelineRangeError(
      `a bucket of ${bucketMs} ms gives ${count} buckets for the stored range; at most ${TIMELINE_MAX_BUCKETS}: ask for a larger bucket`,
    );
  const origin = startOf(first);
  const wasm = new Array<number>(count).fill(0);
  const total = new Array<number>(count).fill(0);
  for (const p of placed) {
    for (let start = startOf(p.from); start < p.until; start += bucketMs) {
      const ms = Math.min(p.until, start + bucketMs) - Math.max(p.from, start);
      const index = (start - origin) / bucketMs;
      total[index] = (total[index] ?? 0) + ms;
      if (p.wasm) wasm[index] = (wasm[index] ?? 0) + ms;
    }
  }
  return {
    generatedAt: input.now,
    bucketMs,
    buckets: total.map((totalMs, index) => {
      const wasmMs = wasm[index] ?? 0;
      return {
        start: origin + index * bucketMs,
        wasmMs,
        totalMs,
        wasmShare: totalMs > 0 ? wasmMs / totalMs : null,
      };
    }),
    notes,
  };
}

/** The smallest of {@link TIMELINE_BUCKETS_MS} that covers first..last in ≤ {@link TIMELINE_AUTO_BUCKETS} buckets. */
function autoBucket(first: number, last: number): number {
  const fits = TIMELINE_BUCKETS_MS.find(
    (size) => Math.ceil(last / size) - Math.floor(first / size) <= TIMELINE_AUTO_BUCKETS,
  );
  return fits ?? TIMELINE_BUCKETS_MS.at(-1) ?? 86_400_000;
}

/**
 * The `page.served` events that name a page and a world, by session key: what viewer time is made of.
 *
 * @example
 * servedBySession(store.events({ names: ['page.served'], limit: Infinity })).get('s1')?.length; // 3
 */
export function servedBySession(events: readonly StoredEvent[]): Map<string, StoredEvent[]> {
  const bySession = new Map<string, StoredEvent[]>();
  for (const event of events) {
    if (event.name !== SUMMARY_EVENTS.served) continue;
    if (textField(event.data, 'page') === undefined || textField(event.data, 'world') === undefined) continue;
    const key = sessionKey(event);
    const list = bySession.get(key) ?? [];
    list.push(event);
    bySession.set(key, list);
  }
  return bySession;
}

/**
 * The timeline of everything `store` holds.
 *
 * @example
 * timelineOfStore(store, Date.now(), 60_000).buckets.at(-1)?.wasmShare; // 0.62
 */
export function timelineOfStore(store: TelemetryStore, now: number, bucketMs?: number): TelemetryTimeline {
  const served = store.events({ names: [SUMMARY_EVENTS.served], limit: Number.POSITIVE_INFINITY });
  return timeline({
    intervals: viewerIntervals(servedBySession(served), store.lastAtBySession()),
    offsetBySession: store.clockOffsetBySession(),
    now,
    ...(bucketMs === undefined ? {} : { bucketMs }),
  });
}
