import { describe, expect, it } from 'vitest';
import {
  coverageReport,
  coverageSummary,
  formatCoverage,
  nextToPort,
  REFERENCE_PLAN,
} from '../../../migration-plan/index.ts';
import { legacyPage, planOf, wasmPage } from './plan-fixtures.ts';

describe('coverageReport on the reference plan', () => {
  const report = coverageReport(REFERENCE_PLAN);

  it('counts 2 of 6 pages and 35% of viewer time on WASM', () => {
    expect(report.totalPages).toBe(6);
    expect(report.wasmPages).toBe(2);
    expect(report.partialPages).toBe(0);
    expect(report.wasmUsageShare).toBeCloseTo(0.35, 10);
    expect(coverageSummary(report)).toBe('WASM serves 2 of 6 pages, 35% of viewer time.');
  });

  // Read from the plan, not copied from it: pages move to WASM as they are ported, and the
  // statuses themselves are pinned on fixture plans below.
  const pages = Object.entries(REFERENCE_PLAN.pages);
  const totalWeight = pages.reduce((sum, [, page]) => sum + (page.usageWeight ?? 0), 0);

  it('gives each page its world, status and share of viewer time', () => {
    expect(
      report.pages.map(({ page, status, defaultWorld, wasmPercent }) => [
        page,
        status,
        defaultWorld,
        wasmPercent,
      ]),
    ).toEqual(
      pages.map(([id, page]) => {
        const served = page.implementations.wasm && page.defaultWorld === 'wasm';
        const wasmPercent = served ? (page.rollout?.wasmPercent ?? 100) : 0;
        const status = !page.implementations.wasm
          ? 'legacy-only'
          : wasmPercent === 0
            ? 'ported'
            : wasmPercent < 100
              ? 'rolling-out'
              : 'wasm';
        return [id, status, page.defaultWorld, wasmPercent];
      }),
    );
    const shares = report.pages.map((page) => page.usageShare ?? Number.NaN);
    expect(shares.reduce((sum, share) => sum + share, 0)).toBeCloseTo(1, 10);
    for (const [id, page] of pages) {
      expect(report.pages.find((row) => row.page === id)?.usageShare).toBeCloseTo(
        (page.usageWeight ?? 0) / totalWeight,
        10,
      );
    }
  });

  it('formats a table for the console: one row per page, the summary, what to port next', () => {
    const lines = formatCoverage(report).split('\n');
    // The column widths follow the statuses the plan has (formatCoverage below pins them).
    expect(lines[0]?.split(/ +/)).toEqual(['page', 'status', 'wasm', 'usage', 'complexity', 'owner']);
    expect(lines.slice(1, -2).map((line) => line.split(/ +/))).toEqual(
      report.pages.map((row) => [
        row.page,
        row.status,
        `${row.wasmPercent}%`,
        `${Math.round((row.usageShare ?? 0) * 100)}%`,
        String(row.complexity),
        row.owner,
      ]),
    );
    expect(lines.at(-2)).toBe(coverageSummary(report));
    expect(lines.at(-1)).toBe(
      report.nextToPort.length > 0
        ? `Next to port: ${report.nextToPort.join(', ')}`
        : 'Next to port: nothing, every page has a WASM implementation',
    );
  });
});

describe('formatCoverage', () => {
  it('aligns the columns of every status', () => {
    const plan = planOf([
      wasmPage('profiles', {
        usageWeight: 5,
        complexity: 1,
        owner: 'identity-team',
        rollout: { wasmPercent: 100 },
      }),
      wasmPage('collections', {
        usageWeight: 30,
        complexity: 4,
        owner: 'browse-team',
        rollout: { wasmPercent: 50 },
      }),
      wasmPage('details', { defaultWorld: 'legacy', usageWeight: 12, complexity: 2, owner: 'browse-team' }),
      legacyPage('playback', { usageWeight: 38, complexity: 3, owner: 'player-team' }),
      legacyPage('search', { usageWeight: 15, complexity: 3, owner: 'discovery-team' }),
    ]);
    expect(formatCoverage(coverageReport(plan))).toBe(
      [
        'page         status       wasm  usage  complexity  owner',
        'profiles     wasm         100%     5%           1  identity-team',
        'collections  rolling-out   50%    30%           4  browse-team',
        'details      ported         0%    12%           2  browse-team',
        'playback     legacy-only    0%    38%           3  player-team',
        'search       legacy-only    0%    15%           3  discovery-team',
        'WASM serves 2 of 5 pages (1 at a partial rollout), 20% of viewer time.',
        'Next to port: playback, search',
      ].join('\n'),
    );
  });
});

describe('coverageReport with rollouts and missing data', () => {
  it('weights a partial rollout by its percent and says how many pages are partial', () => {
    const plan = planOf([
      wasmPage('home', { usageWeight: 40, rollout: { wasmPercent: 25 } }),
      wasmPage('ported', { defaultWorld: 'legacy', usageWeight: 20 }),
      wasmPage('dark', { rollout: { wasmPercent: 0 }, usageWeight: 10 }),
      wasmPage('done', { usageWeight: 10 }),
      legacyPage('classic', { usageWeight: 20 }),
    ]);
    const report = coverageReport(plan);
    expect(report.pages.map((page) => [page.page, page.status, page.wasmPercent])).toEqual([
      ['home', 'rolling-out', 25],
      ['ported', 'ported', 0],
      ['dark', 'ported', 0],
      ['done', 'wasm', 100],
      ['classic', 'legacy-only', 0],
    ]);
    expect(report.wasmPages).toBe(2);
    expect(report.partialPages).toBe(1);
    // (40 × 25% + 10 × 100%) / 100
    expect(report.wasmUsageShare).toBeCloseTo(0.2, 10);
    expect(coverageSummary(report)).toBe(
      'WASM serves 2 of 5 pages (1 at a partial rollout), 20% of viewer time.',
    );
  });

  it('counts a page without usageWeight as no viewer time', () => {
    const report = coverageReport(planOf([wasmPage('home', { usageWeight: 3 }), legacyPage('classic')]));
    expect(report.wasmUsageShare).toBe(1);
    expect(report.pages.map((page) => page.usageShare)).toEqual([1, 0]);
  });

  it('says viewer time is unknown when no page has a usageWeight', () => {
    const report = coverageReport(planOf([wasmPage('home'), legacyPage('classic')]));
    expect(report.wasmUsageShare).toBeNull();
    expect(report.pages.map((page) => page.usageShare)).toEqual([null, null]);
    expect(formatCoverage(report)).toBe(
      [
        'page     status       wasm  usage  complexity  owner',
        'home     wasm         100%      -           -  -',
        'classic  legacy-only    0%      -           -  -',
        'WASM serves 1 of 2 pages, viewer time unknown (no usageWeight).',
        'Next to port: classic',
      ].join('\n'),
    );
  });

  it('says when nothing is left to port', () => {
    const report = coverageReport(planOf([wasmPage('home', { usageWeight: 1 })]));
    expect(report.nextToPort).toEqual([]);
    expect(formatCoverage(report).split('\n').at(-1)).toBe(
      'Next to port: nothing, every page has a WASM implementation',
    );
  });
});

describe('nextToPort', () => {
  it("orders the reference plan's legacy-only pages by viewer time", () => {
    // Read from the plan: the list shrinks as pages are ported.
    const legacyOnly = Object.entries(REFERENCE_PLAN.pages).filter(([, page]) => !page.implementations.wasm);
    const next = nextToPort(REFERENCE_PLAN);
    expect([...next].sort()).toEqual(legacyOnly.map(([id]) => id).sort());
    const weights = next.map((id) => REFERENCE_PLAN.pages[id]?.usageWeight ?? 0);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
  });

  it('lists legacy-only pages only (a ported page is not to port)', () => {
    const plan = planOf([
      wasmPage('ported', { defaultWorld: 'legacy', usageWeight: 90 }),
      legacyPage('classic', { usageWeight: 1 }),
    ]);
    expect(nextToPort(plan)).toEqual(['classic']);
  });

  it('orders by usageWeight desc, then complexity asc, then page id', () => {
    const plan = planOf([
      wasmPage('home', { usageWeight: 100 }),
      legacyPage('hard', { usageWeight: 20, complexity: 5 }),
      legacyPage('easy', { usageWeight: 20, complexity: 1 }),
      legacyPage('unknown-effort', { usageWeight: 20 }),
      legacyPage('beta', { usageWeight: 20, complexity: 1 }),
      legacyPage('popular', { usageWeight: 50, complexity: 5 }),
      legacyPage('unused', { complexity: 1 }),
      legacyPage('rare', { usageWeight: 0.5, complexity: 3 }),
    ]);
    expect(nextToPort(plan)).toEqual(['popular', 'beta', 'easy', 'hard', 'unknown-effort', 'rare', 'unused']);
  });
});
