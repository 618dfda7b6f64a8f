// Frame statistics of a held key: from the page's requestAnimationFrame intervals (the main
// thread's view) and from Chromium's own PipelineReporter trace events (the compositor's view:
// compositor animations can stay smooth while rAF on the main thread stutters).
import { quantile } from './stats.ts';
import type { TraceEvent } from './trace-breakdown.ts';

/** An interval longer than this many display frame intervals counts as a dropped frame. */
export const DROPPED_FACTOR = 1.5;

/** The display's frame interval, estimated as the median rAF interval of an idle page (ms). */
export function displayIntervalMs(idleIntervals: readonly number[]): number {
  return quantile(idleIntervals, 0.5);
}

export interface RafFrames {
  /** rAF callbacks per second over the recorded windows. */
  readonly fps: number;
  /** Intervals longer than {@link DROPPED_FACTOR} × the display interval. */
  readonly dropped: number;
  readonly worstFrameMs: number;
  readonly intervals: number;
}

/**
 * Frame rate and dropped frames of rAF intervals (ms), against the display interval `displayMs`.
 *
 * @example
 * rafFrames([16.7, 16.6, 33.4], 16.7); // { fps: 45.0…, dropped: 1, worstFrameMs: 33.4, intervals: 3 }
 */
export function rafFrames(intervals: readonly number[], displayMs: number): RafFrames {
  const total = intervals.reduce((sum, interval) => sum + interval, 0);
  return {
    fps: intervals.length === 0 ? 0 : (intervals.length * 1000) / total,
    dropped: intervals.filter((interval) => interval > DROPPED_FACTOR * displayMs).length,
    worstFrameMs: intervals.length === 0 ? Number.NaN : Math.max(...intervals),
    intervals: intervals.length,
  };
}

/** Chromium's verdict on the frames of one traced window (PipelineReporter events). */
export interface ChromiumFrames {
  /** Frames presented with every update they were waiting for. */
  readonly presented: number;
  /** Presented with the compositor's part (its animations) but not the main thread's late update. */
  readonly partial: number;
  /** Frames Chromium reports dropped. */
  readonly dropped: number;
  /** From the first frame that wanted an update to the last (ms). */
  readonly windowMs: number;
}

const STATE_RANK: Readonly<Record<string, number>> = {
  STATE_NO_UPDATE_DESIRED: 0,
  STATE_PRESENTED_ALL: 1,
  STATE_PRESENTED_PARTIAL: 2,
  STATE_DROPPED: 3,
};

/**
 * Counts the frames of process `pid` by what Chromium's frame reporter says happened to them: one
 * verdict per frame (frame source and sequence number; a frame forked into a main-thread and a
 * compositor report takes the worse one), frames that wanted no update left out.
 */
export function chromiumFrames(events: readonly TraceEvent[], pid: number): ChromiumFrames {
  const verdicts = new Map<string, number>();
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const event of events) {
    if (event.name !== 'PipelineReporter' || event.ph !== 'b' || event.pid !== pid) continue;
    const report = event.args?.['frame_reporter'] as
      | { state?: string; frame_sequence?: number; frame_source?: number }
      | undefined;
    const rank = STATE_RANK[report?.state ?? ''];
    if (report === undefined || rank === undefined) continue;
    // The window spans the frames that wanted an update: the compositor keeps reporting idle
    // frames for a while after the page stops asking for them.
    if (rank > 0) {
      first = Math.min(first, event.ts);
      last = Math.max(last, event.ts);
    }
    const key = `${report.frame_source}:${report.frame_sequence}`;
    verdicts.set(key, Math.max(verdicts.get(key) ?? 0, rank));
  }
  const count = (rank: number) => [...verdicts.values()].filter((value) => value === rank).length;
  return {
    presented: count(1),
    partial: count(2),
    dropped: count(3),
    windowMs: last >= first ? (last - first) / 1000 : 0,
  };
}

/** Adds two windows' counts. */
export function addChromiumFrames(a: ChromiumFrames, b: ChromiumFrames): ChromiumFrames {
  return {
    presented: a.presented + b.presented,
    partial: a.partial + b.partial,
    dropped: a.dropped + b.dropped,
    windowMs: a.windowMs + b.windowMs,
  };
}
