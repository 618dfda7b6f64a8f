import { describe, expect, it } from 'vitest';
import { EASINGS } from '../../../../bridge/index.ts';
import { eased } from '../../../../host/painter/easing.ts';
import {
  animatedAxes,
  channelCss,
  motionTiming,
  planMotion,
  shownAt,
} from '../../../../host/painter/motion.ts';

describe('eased: the timing functions of CSS', () => {
  it('starts at 0, ends at 1 and never runs backwards, for every easing', () => {
    for (const easing of EASINGS) {
      expect([eased(easing, 0), eased(easing, 1), eased(easing, -1), eased(easing, 2)]).toEqual([0, 1, 0, 1]);
      let last = 0;
      for (let t = 0.01; t < 1; t += 0.01) {
        const value = eased(easing, t);
        expect(value).toBeGreaterThanOrEqual(last - 1e-9);
        last = value;
      }
    }
  });

  it('matches known points of the curves (cubic-bezier(0, 0, 0.58, 1) is ease-out)', () => {
    expect(eased('linear', 0.25)).toBe(0.25);
    expect(eased('ease-in-out', 0.5)).toBeCloseTo(0.5, 6); // symmetric
    expect(eased('ease-out', 0.5)).toBeCloseTo(0.6846, 3);
    expect(eased('ease-in', 0.5)).toBeCloseTo(0.3153, 3);
    expect(eased('ease', 0.5)).toBeCloseTo(0.8024, 3);
  });
});

describe('motion plans', () => {
  it('uses the defaults of bridge/motion.ts for unset timing', () => {
    expect(motionTiming({})).toEqual({ durationMs: 200, easing: 'ease-out', delayMs: 0 });
    expect(motionTiming({ animateDuration: 90, animateEasing: 'linear', animateDelay: 10 })).toEqual({
      durationMs: 90,
      easing: 'linear',
      delayMs: 10,
    });
  });

  it('says which axes of a channel a mask animates', () => {
    expect(animatedAxes('translate', 1)).toEqual([true, false]);
    expect(animatedAxes('translate', 3)).toEqual([true, true]);
    expect(animatedAxes('scale', 8)).toEqual([true]);
    expect(animatedAxes('opacity', 8)).toEqual([false]);
  });

  it('starts from what is shown on the axes that animate, and at the target on the others', () => {
    expect(planMotion([0, 0], [300, 40], [true, false])).toEqual({ from: [0, 40], to: [300, 40] });
    expect(planMotion([0, 0], [0, 40], [true, false])).toBeNull(); // only the jumping axis changed
    expect(planMotion([0.5], [1], [true])).toEqual({ from: [0.5], to: [1] });
  });

  it('shows the start during the delay, the target after the end, and the eased way between', () => {
    const timing = { durationMs: 100, easing: 'linear', delayMs: 50 } as const;
    expect(shownAt([0, 10], [100, 10], timing, 20)).toEqual([0, 10]);
    expect(shownAt([0, 10], [100, 10], timing, 100)).toEqual([50, 10]);
    expect(shownAt([0, 10], [100, 10], timing, 1000)).toEqual([100, 10]);
    expect(shownAt([0], [1], { ...timing, durationMs: 0 }, 0)).toEqual([1]);
  });

  it('writes CSS values with at most three decimals', () => {
    expect(channelCss('translate', [83.99999999999999, -0.00049])).toBe('84px 0px');
    expect(channelCss('scale', [1.08])).toBe('1.08');
  });
});
