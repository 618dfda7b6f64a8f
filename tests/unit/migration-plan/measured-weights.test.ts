import { describe, expect, it } from 'vitest';
import { coverageReport } from '../../../migration-plan/coverage.ts';
import { weightsLine, withMeasuredWeights } from '../../../migration-plan/measured-weights.ts';
import { legacyPage, planOf, wasmPage } from './plan-fixtures.ts';

describe('withMeasuredWeights', () => {
  const plan = planOf([wasmPage('home', { usageWeight: 90 }), legacyPage('classic', { usageWeight: 10 })]);

  it("weights pages by measured viewer time, summed over worlds and releases, instead of the plan's", () => {
    const measured = withMeasuredWeights(
      plan,
      [
        { page: 'home', viewerTimeMs: 1_000 },
        { page: 'classic', viewerTimeMs: 2_000 },
        { page: 'classic', viewerTimeMs: 1_000 },
        { page: 'gone', viewerTimeMs: 5_000 }, // a page no longer in the plan
      ],
      3,
    );
    expect(coverageReport(plan).wasmUsageShare).toBeCloseTo(0.9, 10);
    expect(coverageReport(measured.plan).wasmUsageShare).toBeCloseTo(0.25, 10);
    expect(measured.source).toEqual({ kind: 'measured', sessions: 3, viewerTimeMs: 4_000 });
    expect(weightsLine(measured.source)).toBe(
      'Weighted by measured viewer time: 0.00 h over 3 sessions (telemetry).',
    );
    expect(weightsLine({ kind: 'plan' })).toContain("the plan's usageWeight");
  });

  it('gives a page nobody was shown no weight', () => {
    const measured = withMeasuredWeights(plan, [{ page: 'home', viewerTimeMs: 60_000 }], 1);
    expect(measured.plan.pages['classic']?.usageWeight).toBe(0);
    expect(coverageReport(measured.plan).wasmUsageShare).toBe(1);
  });
});
