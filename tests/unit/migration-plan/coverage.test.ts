import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  coverageReport,
  coverageSummary,
  formatCoverage,
  nextToPort,
  PARITY_FORMAT,
  pageParity,
  parseParityFile,
  portsSummary,
  REFERENCE_PLAN,
} from '../../../migration-plan/index.ts';
import { readParityResults } from '../../../migration-plan/read-parity-results.ts';
import { legacyPage, planOf, wasmPage } from './plan-fixtures.ts';

describe('coverageReport on the reference plan', () => {
  const report = coverageReport(REFERENCE_PLAN);

  // Read from the plan, not copied from it: pages move to WASM as they are ported, and the
  // statuses themselves are pinned on fixture plans below.
  const pages = Object.entries(REFERENCE_PLAN.pages);
  const totalWeight = pages.reduce((sum, [, page]) => sum + (page.usageWeight ?? 0), 0);

  it('counts the pages WASM serves and their share of viewer time', () => {
    const served = pages.filter(([, page]) => page.implementations.wasm && page.defaultWorld === 'wasm');
    const servedShare =
      served.reduce(
        (sum, [, page]) => sum + ((page.usageWeight ?? 0) * (page.rollout?.wasmPercent ?? 100)) / 100,
        0,
      ) / totalWeight;
    expect(report.totalPages).toBe(pages.length);
    expect(report.wasmPages).toBe(served.filter(([, page]) => (page.rollout?.wasmPercent ?? 100) > 0).length);
    expect(report.wasmUsageShare).toBeCloseTo(servedShare, 10);
    expect(coverageSummary(report)).toMatch(/^WASM serves \d+ of \d+ pages/);
  });

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
    expect(lines[0]?.split(/ +/)).toEqual([
      'page',
      'status',
      'wasm',
      'usage',
      'complexity',
      'owner',
      'parity',
    ]);
    expect(lines.slice(1, 1 + report.pages.length).map((line) => line.split(/ +/))).toEqual(
      report.pages.map((row) => [
        row.page,
        row.status,
        `${row.wasmPercent}%`,
        `${Math.round((row.usageShare ?? 0) * 100)}%`,
        String(row.complexity),
        row.owner,
        row.status === 'legacy-only' ? '-' : 'not-run',
      ]),
    );
    expect(lines.at(-3)).toBe(coverageSummary(report));
    expect(lines.at(-2)).toBe(portsSummary(report));
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
        'page         status       wasm  usage  complexity  owner           parity',
        'profiles     wasm         100%     5%           1  identity-team   not-run',
        'collections  rolling-out   50%    30%           4  browse-team     not-run',
        'details      ported         0%    12%           2  browse-team     not-run',
        'playback     legacy-only    0%    38%           3  player-team     -',
        'search       legacy-only    0%    15%           3  discovery-team  -',
        'WASM serves 2 of 5 pages (1 at a partial rollout), 20% of viewer time.',
        'WASM implementations: 3 of 5 pages; parity not known (no results: run npm test).',
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
        'page     status       wasm  usage  complexity  owner  parity',
        'home     wasm         100%      -           -  -      not-run',
        'classic  legacy-only    0%      -           -  -      -',
        'WASM serves 1 of 2 pages, viewer time unknown (no usageWeight).',
        'WASM implementations: 1 of 2 pages; parity not known (no results: run npm test).',
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

describe('coverageReport with parity results', () => {
  const run = (name: string, pass: boolean, knownGap?: string) => ({
    name,
    steps: 3,
    pass,
    differingSteps: pass ? [] : [2],
    ...(knownGap === undefined ? {} : { knownGap }),
  });
  const file = (page: string, runs: ReturnType<typeof run>[]) =>
    parseParityFile(`${page}.json`, {
      format: PARITY_FORMAT,
      page,
      file: `tests/unit/parity/${page}.parity.test.tsx`,
      commit: 'abc',
      dirty: false,
      writtenAt: '2026-12-02T12:00:00.000Z',
      runs,
    });

  it('counts a port done only when its parity passes with no known gap', () => {
    const plan = planOf([
      wasmPage('home'),
      wasmPage('gap', { defaultWorld: 'legacy' }),
      wasmPage('broken', { defaultWorld: 'legacy' }),
      wasmPage('unrun', { defaultWorld: 'legacy' }),
      legacyPage('classic'),
    ]);
    const parity = new Map([
      ['home', pageParity([file('home', [run('a', true), run('b', true)])])],
      ['gap', pageParity([file('gap', [run('a', true), run('odd ids', false, 'odd ids refused')])])],
      ['broken', pageParity([file('broken', [run('a', false), run('odd ids', false, 'odd ids refused')])])],
    ]);
    const report = coverageReport(plan, parity);
    expect(report.pages.map((page) => [page.page, page.parity, page.portDone])).toEqual([
      ['home', 'pass', true],
      ['gap', 'known-gap', false],
      ['broken', 'fail', false],
      ['unrun', 'not-run', false],
      ['classic', 'not-run', false],
    ]);
    expect(report.implementedPages).toBe(4);
    expect(report.donePorts).toBe(1);
    expect(portsSummary(report)).toBe(
      'WASM implementations: 4 of 5 pages; 1 done (parity passes, no known gap).',
    );
    expect(formatCoverage(report).split('\n')).toContain('Known gap, gap: odd ids refused');
  });

  it('a known gap that no longer differs counts as a pass', () => {
    expect(pageParity([file('home', [run('odd ids', true, 'odd ids refused')])]).status).toBe('pass');
  });
});

describe('parseParityFile', () => {
  const good = {
    format: PARITY_FORMAT,
    page: 'settings',
    file: 'tests/unit/parity/settings.parity.test.tsx',
    commit: null,
    dirty: true,
    writtenAt: '2026-12-02T12:00:00.000Z',
    runs: [{ name: 'saves', steps: 4, pass: true, differingSteps: [] }],
  };
  it('accepts a results file and keeps what it says', () => {
    expect(parseParityFile('x.json', good)).toEqual(good);
  });
  it.each([
    [[], 'x.json: a parity result must be a JSON object'],
    [{ ...good, format: 'v0' }, 'x.json: "format" must be "ficus-parity/1", got "v0"'],
    [{ ...good, page: 3 }, 'x.json: "page" must be a page id, got 3'],
    [
      { ...good, runs: [{ ...good.runs[0], steps: -1 }] },
      'x.json: runs[0]: "steps" must be a step count, got -1',
    ],
    [
      { ...good, runs: [{ ...good.runs[0], differingSteps: ['2'] }] },
      'x.json: runs[0]: "differingSteps" must hold step numbers only',
    ],
    [
      { ...good, runs: [{ ...good.runs[0], pass: 'yes' }] },
      'x.json: runs[0]: "pass" must be true or false, got "yes"',
    ],
  ])('names the file and the field that is wrong (%#)', (data, message) => {
    expect(() => parseParityFile('x.json', data)).toThrow(message);
  });
});

describe('readParityResults', () => {
  it('reads every results file, skips a broken one with its name, and treats a missing folder as no results', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ficus-parity-'));
    try {
      writeFileSync(
        join(dir, 'home.a.json'),
        JSON.stringify({
          format: PARITY_FORMAT,
          page: 'home',
          file: 'a',
          commit: null,
          dirty: false,
          writtenAt: 'now',
          runs: [],
        }),
      );
      writeFileSync(join(dir, 'broken.json'), '{ not json');
      writeFileSync(join(dir, 'notes.txt'), 'ignored');
      const results = readParityResults(dir);
      expect([...results.byPage.keys()]).toEqual(['home']);
      expect(results.problems).toHaveLength(1);
      expect(results.problems[0]).toMatch(/broken\.json: not JSON/);
      expect(readParityResults(join(dir, 'missing')).byPage.size).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
