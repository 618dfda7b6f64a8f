import { describe, expect, it } from 'vitest';
import { dashboardCoverage } from '../../../../host/dashboard/dashboard-coverage.ts';
import {
  dashboardRows,
  measuredWasmShare,
  unplannedPages,
} from '../../../../host/dashboard/dashboard-rows.ts';
import { embeddedDashboardData } from '../../../../host/dashboard/load-data.ts';
import { nextStep } from '../../../../host/dashboard/next-step.ts';
import { staticDashboardHtml } from '../../../../host/dashboard/static-html.ts';
import type { SummaryRow, TelemetrySummary } from '../../../../host/telemetry-collector/summary.ts';
import { coverageReport } from '../../../../migration-plan/coverage.ts';
import { pageParity } from '../../../../migration-plan/parity-results.ts';
import { legacyPage, planOf, wasmPage } from '../../migration-plan/plan-fixtures.ts';

const passing = pageParity([
  {
    format: 'ficus-parity/1',
    page: 'x',
    file: 't.ts',
    commit: null,
    dirty: false,
    writtenAt: '2026-01-01T00:00:00.000Z',
    runs: [{ name: 'a', steps: 1, pass: true, differingSteps: [] }],
  },
]);
const plan = planOf([
  wasmPage('home', { usageWeight: 5, owner: 'team-a' }),
  wasmPage('details', { usageWeight: 3, defaultWorld: 'legacy' }),
  legacyPage('search', { usageWeight: 2, complexity: 3 }),
]);

const row = (page: string, world: string, release: string, fields: Partial<SummaryRow> = {}): SummaryRow => ({
  page,
  world,
  release,
  sessions: 1,
  served: 1,
  viewerTimeMs: 100,
  inputLatency: { samples: 0, p50Ms: null, p95Ms: null },
  crashes: 0,
  fallbacks: 0,
  breakerTrips: 0,
  ...fields,
});
const summaryOf = (rows: SummaryRow[]): TelemetrySummary => ({
  generatedAt: 1,
  totals: { batches: 1, events: 9, sessions: 2 },
  rows,
  notes: [],
});

describe('nextStep', () => {
  it('ports the legacy-only page first, then rolls out a done port, then fixes parity, then is done', () => {
    expect(nextStep(coverageReport(plan))).toMatchObject({ kind: 'port', page: 'search' });
    const ported = planOf([
      wasmPage('home', { usageWeight: 5 }),
      wasmPage('details', { usageWeight: 3, defaultWorld: 'legacy' }),
    ]);
    expect(
      nextStep(
        coverageReport(
          ported,
          new Map([
            ['details', passing],
            ['home', passing],
          ]),
        ),
      ),
    ).toEqual({
      kind: 'roll-out',
      page: 'details',
      why: 'its parity passes and React still serves it to 100% of devices: 38% of viewer time',
    });
    expect(nextStep(coverageReport(ported, new Map([['home', passing]])))).toMatchObject({
      kind: 'fix-parity',
      page: 'details',
      why: expect.stringMatching(/^its parity was not run/),
    });
    const done = planOf([wasmPage('home', { usageWeight: 5 })]);
    expect(nextStep(coverageReport(done, new Map([['home', passing]])))).toMatchObject({
      kind: 'done',
      page: null,
    });
  });
});

describe('dashboardRows', () => {
  const coverage = dashboardCoverage(plan, new Map([['home', passing]]));

  it('lists worlds, owner and parity from the plan, and nothing measured without telemetry', () => {
    expect(coverage.pages.map((p) => [p.page, p.worlds, p.owner, p.parity])).toEqual([
      ['home', ['legacy', 'wasm'], 'team-a', 'pass'],
      ['details', ['legacy', 'wasm'], null, 'not-run'],
      ['search', ['legacy'], null, 'not-run'],
    ]);
    expect(dashboardRows(coverage, null).every((r) => r.measured === null)).toBe(true);
  });

  it('sums crashes and fallbacks over worlds and releases, and splits latency by release only where there are several', () => {
    const summary = summaryOf([
      row('home', 'wasm', 'r1', {
        crashes: 1,
        fallbacks: 1,
        inputLatency: { samples: 4, p50Ms: 10, p95Ms: 30 },
      }),
      row('home', 'wasm', 'r2', { crashes: 2, inputLatency: { samples: 2, p50Ms: 12, p95Ms: 20 } }),
      row('home', 'legacy', 'r2', {
        fallbacks: 0,
        served: 3,
        inputLatency: { samples: 1, p50Ms: 40, p95Ms: 40 },
      }),
      row('none', 'legacy', 'r1'),
    ]);
    const home = dashboardRows(coverage, summary)[0];
    expect(home?.measured).toEqual({
      served: 5,
      viewerTimeMs: 300,
      crashes: 3,
      fallbacks: 1,
      latency: [
        { world: 'legacy', release: null, samples: 1, p50Ms: 40, p95Ms: 40 },
        { world: 'wasm', release: 'r1', samples: 4, p50Ms: 10, p95Ms: 30 },
        { world: 'wasm', release: 'r2', samples: 2, p50Ms: 12, p95Ms: 20 },
      ],
    });
    expect(measuredWasmShare(summary)).toBe(0.5);
    expect(measuredWasmShare(summaryOf([]))).toBeNull();
    expect(unplannedPages(coverage, summary)).toEqual(['none']);
  });
});

describe('the static page', () => {
  it('embeds data the page script reads back, and keeps inlined text from closing its element', () => {
    const data = {
      coverage: dashboardCoverage(plan),
      summary: null,
      timeline: null,
      telemetryNote: 'no db </script>',
    };
    const html = staticDashboardHtml(
      {
        html: '<head><link rel="stylesheet" href="./uPlot.min.css" /><link rel="stylesheet" href="./dashboard.css" /><script type="module" src="./dashboard.js"></script></head>',
        js: 'console.log("</script>")',
        css: 'a{}',
        uplotCss: 'b{}',
      },
      data,
    );
    expect(html).toContain('<style>b{}</style><style>a{}</style>');
    expect(html).toContain('<script type="module">console.log("<\\/script>")</script>');
    const json = /<script type="application\/json" id="dashboard-data">(.*?)<\/script>/.exec(html)?.[1] ?? '';
    expect(json).not.toContain('</');
    expect(embeddedDashboardData(json)).toEqual(data);
    expect(() => embeddedDashboardData('{"coverage": 1}')).toThrow(/embedded dashboard data .*\.coverage/);
    expect(() => staticDashboardHtml({ html: '<head></head>', js: '', css: '', uplotCss: '' }, data)).toThrow(
      /index\.html no longer has/,
    );
  });
});
