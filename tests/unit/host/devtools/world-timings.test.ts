import { describe, expect, it } from 'vitest';
import { percentile, WorldTimings } from '../../../../host/devtools/world-timings.ts';

describe('world timings', () => {
  it('takes nearest-rank percentiles', () => {
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
    expect(percentile([1, 2, 3, 4], 95)).toBe(4);
    expect(percentile([7], 50)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it('keeps the most recent samples per world and summarizes each world apart', () => {
    const timings = new WorldTimings(3);
    expect(timings.summary('wasm')).toBeNull();
    for (const ms of [100, 1, 2, 3]) timings.add('wasm', ms);
    timings.add('legacy', 40);
    timings.add('legacy', Number.NaN); // not a sample
    expect(timings.summary('wasm')).toEqual({ count: 3, last: 3, p50: 2, p95: 3, max: 3 });
    expect(timings.summary('legacy')).toEqual({ count: 1, last: 40, p50: 40, p95: 40, max: 40 });
  });

  it('refuses to keep nothing', () => {
    expect(() => new WorldTimings(0)).toThrow(/at least 1 sample, got 0/);
  });
});
