import { describe, expect, it } from 'vitest';
import { KeyRepeatThrottle } from '../../../../host/focus/key-repeat-throttle.ts';
import { compareCandidates, spatialScore } from '../../../../host/focus/spatial-scoring.ts';

const rect = (x: number, y: number, width = 100, height = 100) => ({ x, y, width, height });

describe('spatialScore', () => {
  const from = rect(500, 500);

  it('qualifies only candidates whose center is beyond in the pressed direction', () => {
    expect(spatialScore(from, rect(700, 500), 'right')).not.toBeNull();
    expect(spatialScore(from, rect(300, 500), 'right')).toBeNull();
    expect(spatialScore(from, rect(500, 500), 'right')).toBeNull(); // same center: beside, not beyond
    expect(spatialScore(from, rect(500, 300), 'up')).not.toBeNull();
    expect(spatialScore(from, rect(500, 700), 'up')).toBeNull();
  });

  it('is the primary gap for an in-line candidate', () => {
    expect(spatialScore(from, rect(700, 500), 'right')).toBe(100);
    expect(spatialScore(from, rect(300, 500), 'left')).toBe(100);
    expect(spatialScore(from, rect(500, 650), 'down')).toBe(50);
    expect(spatialScore(from, rect(500, 350), 'up')).toBe(50);
  });

  it('adds twice the orthogonal gap and half the orthogonal center offset', () => {
    // 100 px to the right and 50 px below the current node's bottom edge.
    expect(spatialScore(from, rect(700, 650), 'right')).toBe(100 + 2 * 50 + 0.5 * 150);
  });

  it('counts touching and overlapping rects as a zero primary gap', () => {
    expect(spatialScore(from, rect(600, 500), 'right')).toBe(0);
    expect(spatialScore(from, rect(550, 500), 'right')).toBe(0);
  });
});

describe('compareCandidates', () => {
  const from = rect(0, 500);
  it('orders by score, then nearer center, then top, then left, then tree order', () => {
    const a = { score: 1, rect: rect(300, 400), order: 5 };
    const b = { score: 1, rect: rect(300, 600), order: 1 };
    expect(compareCandidates(from, 'right', a, b)).toBeLessThan(0);
    expect(compareCandidates(from, 'right', b, a)).toBeGreaterThan(0);
    const c = { score: 0.5, rect: rect(900, 900), order: 9 };
    expect(compareCandidates(from, 'right', c, a)).toBeLessThan(0);
    const twin = { score: 1, rect: rect(300, 400), order: 2 };
    expect(compareCandidates(from, 'right', twin, a)).toBeLessThan(0);
  });
});

describe('KeyRepeatThrottle', () => {
  it('drops repeats inside the interval and always accepts fresh presses', () => {
    const throttle = new KeyRepeatThrottle(120);
    expect(throttle.allow(0, false)).toBe(true);
    expect(throttle.allow(50, true)).toBe(false);
    expect(throttle.allow(119, true)).toBe(false);
    expect(throttle.allow(120, true)).toBe(true);
    expect(throttle.allow(121, false)).toBe(true);
  });
});
