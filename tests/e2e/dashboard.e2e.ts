// The migration dashboard (host/dashboard/) against a session that just walked the app: the built
// app served by vite preview, its batches forwarded to a collector this test starts (on a database
// of its own), then /dashboard/ on the same origin, under the app's CSP. The numbers the page shows
// must be those the collector's /summary gives; a screenshot goes to tests/output/screenshots/.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { preview } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningCollector, startCollector } from '../../host/telemetry-collector/server.ts';
import type { TelemetrySummary } from '../../host/telemetry-collector/summary.ts';
import type { TelemetryTimeline } from '../../host/telemetry-collector/timeline.ts';
import { openAppSession } from './app-session.ts';
import { launchChromium, screenshot, waitForScreen } from './browser.ts';
import { describeCspViolation } from './csp-violations.ts';

/** Generous: the app sends a batch every 5 s, and this machine is often busy. */
const BUDGET_MS = 90_000;
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

let browser: Browser;
let collector: RunningCollector;
let appUrl: string;
let closePreview: () => Promise<void>;
let dbDir: string;

beforeAll(async () => {
  dbDir = mkdtempSync(join(tmpdir(), 'ficus-dashboard-e2e-'));
  collector = await startCollector({ dbPath: join(dbDir, 'telemetry.sqlite'), port: 0 });
  // The preview forwards to a collector only when named (telemetry-collector-plugin.ts).
  process.env['FICUS_TELEMETRY_URL'] = collector.url;
  const server = await preview({
    configFile: `${ROOT}host/app/vite.config.ts`,
    preview: { port: 0, strictPort: false, host: '127.0.0.1' },
    logLevel: 'warn',
  });
  delete process.env['FICUS_TELEMETRY_URL'];
  appUrl = (server.resolvedUrls?.local[0] ?? '').replace(/\/$/, '');
  closePreview = () => server.close();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await closePreview?.();
  await collector?.close();
  if (dbDir !== undefined) rmSync(dbDir, { recursive: true, force: true });
});

async function collectorJson<T>(path: string): Promise<T> {
  const response = await fetch(`${collector.url}${path}`);
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

/** Polls `probe` until it returns a value, within {@link BUDGET_MS}; fails naming `what`. */
async function until<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + BUDGET_MS;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

const sum = (rows: TelemetrySummary['rows'], of: (row: TelemetrySummary['rows'][number]) => number) =>
  rows.reduce((total, row) => total + of(row), 0);

describe('the migration dashboard', () => {
  it('shows, under the CSP, the numbers the collector gives for a session that walked the app', async () => {
    // 1. A viewer walks profiles → collections → details and back, pressing keys on the way.
    const app = await openAppSession(browser);
    await app.page.goto(appUrl);
    await waitForScreen(app.page, 'profiles', /^profile:/);
    await app.page.keyboard.press('ArrowRight');
    await app.page.keyboard.press('Enter');
    await waitForScreen(app.page, 'collections', /^tile:/);
    for (const key of ['ArrowRight', 'ArrowDown']) await app.page.keyboard.press(key);
    await app.page.keyboard.press('Enter');
    await waitForScreen(app.page, 'details', /^details:/);
    await app.page.keyboard.press('Escape');
    await waitForScreen(app.page, 'collections', /^tile:/);
    // Its batches reach the collector (every 5 s): wait for the walk and some key latencies.
    await until('the walk in the collector', async () => {
      const summary = await collectorJson<TelemetrySummary>('/summary');
      const pages = new Set(summary.rows.filter((row) => row.served > 0).map((row) => row.page));
      const keys = sum(summary.rows, (row) => row.inputLatency.samples);
      return ['profiles', 'collections', 'details'].every((page) => pages.has(page)) && keys > 0
        ? true
        : undefined;
    });
    expect(app.pageErrors, 'app page errors').toEqual([]);
    await app.close();
    // Nothing more is sent once the app is closed: wait until the stored count stops moving over
    // more than one send period, so the dashboard and this test read the same data.
    let last = -1;
    await until('the collector to settle', async () => {
      const { events } = await collectorJson<{ events: number }>('/health');
      if (events === last) return true;
      last = events;
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      return undefined;
    });

    // 2. The dashboard, on the app's origin.
    const session = await openAppSession(browser);
    const page = session.page;
    await page.setViewportSize({ width: 1280, height: 1100 });
    await page.goto(`${appUrl}/dashboard/`);
    await page.waitForSelector('[data-dashboard="status"][data-refreshes]', { timeout: BUDGET_MS });
    const summary = await collectorJson<TelemetrySummary>('/summary');
    const timeline = await collectorJson<TelemetryTimeline>('/timeline');

    const shown = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('[data-dashboard="rows"] tr')].map((tr) => {
        const cell = (name: string) => tr.querySelector(`[data-cell="${name}"]`)?.textContent ?? null;
        return {
          page: tr.dataset['page'] ?? '',
          served: cell('served'),
          crashes: cell('crashes'),
          fallbacks: cell('fallbacks'),
          latency: [...tr.querySelectorAll<HTMLElement>('[data-cell="latency"] li')].map((li) => ({
            world: li.dataset['world'],
            release: li.dataset['release'],
            p50: li.dataset['p50'],
            p95: li.dataset['p95'],
            samples: li.dataset['samples'],
            text: li.textContent,
          })),
        };
      }),
    );
    expect(shown.map((row) => row.page)).toEqual([
      'profiles',
      'collections',
      'details',
      'playback',
      'search',
      'settings',
    ]);
    for (const row of shown) {
      const rows = summary.rows.filter((r) => r.page === row.page);
      expect(row.crashes, `${row.page} crashes`).toBe(String(sum(rows, (r) => r.crashes)));
      expect(row.fallbacks, `${row.page} fallbacks`).toBe(String(sum(rows, (r) => r.fallbacks)));
      expect(row.served, `${row.page} served`).toMatch(new RegExp(`^${sum(rows, (r) => r.served)} \\(`));
      const measured = rows.filter((r) => r.inputLatency.samples > 0);
      expect(
        row.latency.map((cell) => [cell.world, cell.p50, cell.p95, cell.samples]),
        `${row.page} latency`,
      ).toEqual(
        measured
          .sort((a, b) => (a.world < b.world ? -1 : a.world > b.world ? 1 : a.release < b.release ? -1 : 1))
          .map((r) => [
            r.world,
            String(r.inputLatency.p50Ms),
            String(r.inputLatency.p95Ms),
            String(r.inputLatency.samples),
          ]),
      );
      for (const cell of row.latency)
        expect(cell.text).toContain(
          `p50 ${Math.round(Number(cell.p50))} ms, p95 ${Math.round(Number(cell.p95))} ms`,
        );
    }
    // The walk is there: pages served, keys measured.
    expect(shown.find((row) => row.page === 'profiles')?.latency.length).toBeGreaterThan(0);
    const telemetryLine = await page.textContent('[data-dashboard="telemetry"]');
    expect(telemetryLine).toContain(`${summary.totals.sessions} sessions, ${summary.totals.events} events`);
    // The chart: uPlot drew its canvas from the collector's timeline, which adds up to the summary.
    expect(timeline.buckets.length).toBeGreaterThan(0);
    expect(sum(summary.rows, (r) => r.viewerTimeMs)).toBeCloseTo(
      timeline.buckets.reduce((total, bucket) => total + bucket.totalMs, 0),
      // to 0.01 ms: placing a page clock on the epoch clock costs float precision
      2,
    );
    expect(await page.locator('[data-dashboard="chart"] canvas').count()).toBe(1);
    expect(await page.textContent('[data-dashboard="next"]')).toMatch(/^Next: /);

    await screenshot(page, 'dashboard');
    expect(session.pageErrors, 'dashboard page errors').toEqual([]);
    expect(
      session.consoleErrors.map((e) => `${e.text} (${e.url})`),
      'dashboard console errors',
    ).toEqual([]);
    expect(session.cspViolations.map(describeCspViolation), 'CSP violations').toEqual([]);
    await session.close();
  });
});
