import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, preview } from 'vite';
import { describe, expect, it, onTestFinished } from 'vitest';
import { contentSecurityPolicyPlugin } from '../../../../host/app/csp-vite-plugin.ts';
import { dashboardPlugin } from '../../../../host/app/dashboard-plugin.ts';
import {
  COLLECTOR_META_NAME,
  telemetryCollectorPlugin,
} from '../../../../host/app/telemetry-collector-plugin.ts';
import { dashboardCoverage } from '../../../../host/dashboard/dashboard-coverage.ts';
import { startCollector } from '../../../../host/telemetry-collector/server.ts';
import { REFERENCE_PLAN } from '../../../../migration-plan/reference-plan.ts';
import { served, tempDbPath } from '../telemetry-collector/telemetry-db.ts';

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ficus-dashboard-plugin-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe('the dashboard plugin', () => {
  it('serves the page, its bundled script and styles as files under the CSP, and the plan as JSON', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
    const server = await createServer({
      configFile: false,
      root,
      logLevel: 'silent',
      plugins: [contentSecurityPolicyPlugin(), dashboardPlugin({ parityDir: join(root, 'no-parity') })],
      server: { port: 0, host: '127.0.0.1' },
    });
    onTestFinished(() => server.close());
    await server.listen();
    const base = server.resolvedUrls?.local[0]?.replace(/\/$/, '') ?? '';

    const redirect = await fetch(`${base}/dashboard`, { redirect: 'manual' });
    expect([redirect.status, redirect.headers.get('location')]).toEqual([302, '/dashboard/']);
    const page = await fetch(`${base}/dashboard/`);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    const html = await page.text();
    expect(html).toContain('<script type="module" src="./dashboard.js"></script>');
    expect(html).not.toMatch(/<script>|<style>|style="/);
    const script = await fetch(`${base}/dashboard/dashboard.js`);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await script.text()).toContain('the dashboard page needs [data-dashboard=');
    expect(await (await fetch(`${base}/dashboard/uPlot.min.css`)).text()).toContain('.uplot');
    expect(await (await fetch(`${base}/dashboard/coverage.json`)).json()).toEqual(
      dashboardCoverage(REFERENCE_PLAN),
    );
    expect((await fetch(`${base}/dashboard/secret.txt`)).status).toBe(404);
  });
});

describe('the telemetry plugin under vite preview', () => {
  it('forwards to the collector it is told of and tells the built page so', async () => {
    const collector = await startCollector({ dbPath: tempDbPath(), port: 0 });
    onTestFinished(() => collector.close());
    const root = tempDir();
    mkdirSync(join(root, 'dist'));
    writeFileSync(
      join(root, 'dist', 'index.html'),
      '<!doctype html><html><head><title>t</title></head><body></body></html>',
    );
    const server = await preview({
      configFile: false,
      root,
      logLevel: 'silent',
      build: { outDir: join(root, 'dist') },
      plugins: [telemetryCollectorPlugin({ url: collector.url })],
      preview: { port: 0, host: '127.0.0.1' },
    });
    onTestFinished(() => server.close());
    const base = server.resolvedUrls?.local[0]?.replace(/\/$/, '') ?? '';

    const html = await (await fetch(`${base}/details?id=t1`, { headers: { accept: 'text/html' } })).text();
    expect(html).toContain(`<meta name="${COLLECTOR_META_NAME}" content="on"></head>`);
    const post = await fetch(`${base}/api/telemetry`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ events: [served('profiles', 'wasm', 0)] }),
    });
    expect(post.status).toBe(204);
    expect(await (await fetch(`${base}/telemetry/health`)).json()).toEqual({
      ok: true,
      batches: 1,
      events: 1,
    });
  });

  it('forwards nothing and changes no page when no collector is named', async () => {
    const root = tempDir();
    mkdirSync(join(root, 'dist'));
    writeFileSync(join(root, 'dist', 'index.html'), '<!doctype html><html><head></head><body></body></html>');
    const before = process.env['FICUS_TELEMETRY_URL'];
    delete process.env['FICUS_TELEMETRY_URL'];
    onTestFinished(() => {
      if (before !== undefined) process.env['FICUS_TELEMETRY_URL'] = before;
    });
    const server = await preview({
      configFile: false,
      root,
      logLevel: 'silent',
      build: { outDir: join(root, 'dist') },
      plugins: [telemetryCollectorPlugin()],
      preview: { port: 0, host: '127.0.0.1' },
    });
    onTestFinished(() => server.close());
    const base = server.resolvedUrls?.local[0]?.replace(/\/$/, '') ?? '';
    expect(await (await fetch(`${base}/`, { headers: { accept: 'text/html' } })).text()).not.toContain(
      COLLECTOR_META_NAME,
    );
  });
});
