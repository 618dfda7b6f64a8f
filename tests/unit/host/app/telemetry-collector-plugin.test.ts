import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import {
  COLLECTOR_META_NAME,
  telemetryCollectorPlugin,
} from '../../../../host/app/telemetry-collector-plugin.ts';
import { startCollector } from '../../../../host/telemetry-collector/server.ts';
import { TelemetryStore } from '../../../../host/telemetry-collector/store.ts';
import type { TelemetrySummary } from '../../../../host/telemetry-collector/summary.ts';
import { served, tempDbPath } from '../telemetry-collector/telemetry-db.ts';

// `npm start`'s wiring: the dev server starts a collector and forwards the app's batches and the
// collector's own paths to it from its own origin (so `connect-src 'self'` holds), and tells the
// page with a meta tag. Real Vite dev servers on free ports of this machine, real collectors.

const servers: ViteDevServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

function siteDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ficus-telemetry-site-'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html><head><title>t</title></head><body></body></html>',
  );
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function devServer(plugin: ReturnType<typeof telemetryCollectorPlugin>, root = siteDir()) {
  const server = await createServer({
    configFile: false,
    root,
    logLevel: 'silent',
    plugins: [plugin],
    server: { port: 0, host: '127.0.0.1', strictPort: false },
  });
  servers.push(server);
  await server.listen();
  const base = server.resolvedUrls?.local[0]?.replace(/\/$/, '') ?? '';
  return { server, base };
}

const batch = JSON.stringify({
  events: [served('profiles', 'wasm', 10), served('collections', 'wasm', 510)],
});
const post = (base: string) =>
  fetch(`${base}/api/telemetry`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: batch,
  });

describe('the dev server telemetry collector plugin', () => {
  it("tells the page, forwards batches and the collector's paths from its own origin, and closes with the server", async () => {
    const dbPath = tempDbPath();
    const { server, base } = await devServer(telemetryCollectorPlugin({ dbPath }));

    const html = await (await fetch(`${base}/`)).text();
    expect(html).toContain(`<meta name="${COLLECTOR_META_NAME}" content="on">`);

    expect((await post(base)).status).toBe(204);
    const summary = (await (await fetch(`${base}/telemetry/summary`)).json()) as TelemetrySummary;
    expect(summary.rows.map((row) => [row.page, row.world, row.viewerTimeMs])).toEqual([
      ['collections', 'wasm', 0],
      ['profiles', 'wasm', 500],
    ]);
    expect(await (await fetch(`${base}/telemetry/health`)).json()).toEqual({
      ok: true,
      batches: 1,
      events: 2,
    });
    // The collector names the browser's address as the client, not the dev server's forward.
    const events = (await (await fetch(`${base}/telemetry/events?limit=1`)).json()) as {
      events: { client: string }[];
    };
    expect(events.events[0]?.client).toBe('127.0.0.1');
    // A refusal comes back as the collector said it.
    const refused = await fetch(`${base}/api/telemetry`, { method: 'POST', body: '{' });
    expect(refused.status).toBe(400);

    await server.close();
    servers.length = 0;
    expect(existsSync(`${dbPath}.owner`)).toBe(false);
    const store = TelemetryStore.open(dbPath);
    expect(store.counts()).toEqual({ batches: 1, events: 2 });
    store.close();
  });

  it('forwards to a collector already running elsewhere instead of starting one', async () => {
    const collector = await startCollector({ dbPath: tempDbPath(), port: 0 });
    onTestFinished(() => collector.close());
    const dbPath = tempDbPath();
    const { base } = await devServer(telemetryCollectorPlugin({ url: collector.url, dbPath }));
    expect((await post(base)).status).toBe(204);
    expect(collector.store.counts().events).toBe(2);
    expect(existsSync(dbPath)).toBe(false);
  });

  it('forwards to the collector that holds its database (npm run telemetry on the same file)', async () => {
    const dbPath = tempDbPath();
    const collector = await startCollector({ dbPath, port: 0 });
    onTestFinished(() => collector.close());
    const { base } = await devServer(telemetryCollectorPlugin({ dbPath }));
    expect((await post(base)).status).toBe(204);
    expect(collector.store.counts().events).toBe(2);
  });

  it('shares one collector between dev servers of one process (Vite restarts start the new before closing the old)', async () => {
    const dbPath = tempDbPath();
    const first = await devServer(telemetryCollectorPlugin({ dbPath }));
    const second = await devServer(telemetryCollectorPlugin({ dbPath }));
    expect((await post(first.base)).status).toBe(204);
    await first.server.close();
    expect((await post(second.base)).status).toBe(204);
    expect(await (await fetch(`${second.base}/telemetry/health`)).json()).toMatchObject({ events: 4 });
  });

  it('starts the dev server all the same when no collector can be had, and leaves the page without the tag', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ficus-telemetry-blocked-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    // The database's folder is a file: nothing can be created there.
    writeFileSync(join(dir, 'blocked'), '');
    const { base } = await devServer(
      telemetryCollectorPlugin({ dbPath: join(dir, 'blocked', 'telemetry.sqlite') }),
    );
    expect(await (await fetch(`${base}/`)).text()).not.toContain(COLLECTOR_META_NAME);
  });

  it('does nothing when disabled', async () => {
    const { base } = await devServer(telemetryCollectorPlugin({ enabled: false, dbPath: tempDbPath() }));
    expect(await (await fetch(`${base}/`)).text()).not.toContain(COLLECTOR_META_NAME);
    expect((await post(base)).status).not.toBe(204);
  });
});

describe("the app's dev server (host/app/vite.config.ts)", () => {
  it('runs the collector plugin: the page is told, and the summary answers on its origin', async () => {
    const dbPath = tempDbPath();
    process.env['FICUS_TELEMETRY_DB'] = dbPath;
    onTestFinished(() => {
      delete process.env['FICUS_TELEMETRY_DB'];
    });
    const server = await createServer({
      configFile: fileURLToPath(new URL('../../../../host/app/vite.config.ts', import.meta.url)),
      logLevel: 'silent',
      server: { port: 0, host: '127.0.0.1', strictPort: false },
    });
    servers.push(server);
    await server.listen();
    const base = server.resolvedUrls?.local[0]?.replace(/\/$/, '') ?? '';
    expect(await (await fetch(`${base}/`)).text()).toContain(
      `<meta name="${COLLECTOR_META_NAME}" content="on">`,
    );
    const summary = await fetch(`${base}/telemetry/summary`);
    expect(summary.status).toBe(200);
    expect(summary.headers.get('content-security-policy')).toContain("connect-src 'self'");
    expect(existsSync(dbPath)).toBe(true);
  });
});
