import { describe, expect, it } from 'vitest';
import { assertCohort, COHORT_COUNT, cohortOf } from '../../../migration-plan/index.ts';

describe('cohortOf', () => {
  it('is stable for a device and within 0..99', () => {
    for (const id of ['', 'device-1', 'a1b2c3', 'ütf-16 ✓']) {
      const cohort = cohortOf(id);
      expect(cohortOf(id)).toBe(cohort);
      expect(() => assertCohort(cohort)).not.toThrow();
    }
  });

  it('spreads devices over every cohort', () => {
    const counts = new Array<number>(COHORT_COUNT).fill(0);
    for (let i = 0; i < 20_000; i++) {
      const cohort = cohortOf(`device-${i}`);
      counts[cohort] = (counts[cohort] ?? 0) + 1;
    }
    // 200 expected per cohort; a fair hash stays well inside these bounds.
    expect(Math.min(...counts)).toBeGreaterThan(100);
    expect(Math.max(...counts)).toBeLessThan(300);
  });
});

describe('assertCohort', () => {
  it.each([0, 49, 50, 99])('accepts %s', (cohort) => {
    expect(() => assertCohort(cohort)).not.toThrow();
  });

  it.each([-1, 100, 0.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses %s', (cohort) => {
    expect(() => assertCohort(cohort)).toThrow(RangeError);
  });
});
