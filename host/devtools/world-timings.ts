import type { WorldId } from '../../bridge/index.ts';

/** What the overlay shows of one world's timings. */
export interface TimingSummary {
  /** Samples kept (the most recent `keep`). */
  readonly count: number;
  readonly last: number;
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
}

/**
 * The `p`-th percentile (0..100) of ascending `sorted` samples, nearest rank.
 *
 * @example
 * percentile([1, 2, 3, 4], 50); // 2
 * percentile([1, 2, 3, 4], 95); // 4
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}

/**
 * The most recent `keep` samples of one measure per world (frame time, input latency), with
 * their last, median, p95 and max. Adding is O(1); summarizing sorts a copy (the overlay does it
 * a few times a second at most).
 *
 * @example
 * const latency = new WorldTimings(100);
 * latency.add('wasm', 12.5);
 * latency.summary('wasm'); // { count: 1, last: 12.5, p50: 12.5, p95: 12.5, max: 12.5 }
 * latency.summary('legacy'); // null: no sample yet
 */
export class WorldTimings {
  readonly #samples: Partial<Record<WorldId, number[]>> = {};

  constructor(readonly keep = 120) {
    if (!Number.isInteger(keep) || keep < 1)
      throw new RangeError(`WorldTimings keeps at least 1 sample, got ${keep}`);
  }

  add(world: WorldId, ms: number): void {
    if (!Number.isFinite(ms)) return;
    const samples = this.#samples[world] ?? [];
    this.#samples[world] = samples;
    samples.push(ms);
    if (samples.length > this.keep) samples.splice(0, samples.length - this.keep);
  }

  summary(world: WorldId): TimingSummary | null {
    const samples = this.#samples[world];
    if (samples === undefined || samples.length === 0) return null;
    const sorted = [...samples].sort((a, b) => a - b);
    return {
      count: samples.length,
      last: samples[samples.length - 1] ?? Number.NaN,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      max: sorted[sorted.length - 1] ?? Number.NaN,
    };
  }
}
