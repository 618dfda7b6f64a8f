import { afterEach, describe, expect, it } from 'vitest';
import { apiPaths } from '../../../../bridge/api/paths.ts';
import { createMockBackend } from '../../../../host/mock-backend/mock-backend.ts';
import { startNodeBackend } from '../../../../host/mock-backend/node.ts';
import { type RunningCollector, startCollector } from '../../../../host/telemetry-collector/server.ts';
import { served, tempDbPath } from '../telemetry-collector/telemetry-db.ts';

// With `telemetry: 'passthrough'` (what the app asks for under npm start), the mock backend lets
// telemetry batches go to the network, where a real collector stores them; the backend answers
// every other endpoint as before and keeps no telemetry of its own.

let stop: (() => void) | undefined;
let collector: RunningCollector | undefined;
afterEach(async () => {
  stop?.();
  stop = undefined;
  await collector?.close();
  collector = undefined;
});

const batch = { events: [served('profiles', 'wasm', 10), served('collections', 'wasm', 20)] };
const send = (base: string) =>
  fetch(`${base}${apiPaths.telemetry()}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(batch),
  });

describe("the mock backend's telemetry endpoint", () => {
  it('passes batches through to the collector behind it, and still answers the other endpoints', async () => {
    collector = await startCollector({ dbPath: tempDbPath(), port: 0 });
    const backend = createMockBackend({ telemetry: 'passthrough' });
    stop = startNodeBackend(backend);

    expect((await send(collector.url)).status).toBe(204);
    expect(collector.store.events().map((event) => event.data['page'])).toEqual(['profiles', 'collections']);
    expect(backend.telemetryEvents()).toEqual([]);
    // The same origin's other API paths are still the mock backend's.
    const profiles = await fetch(`${collector.url}${apiPaths.profiles()}`);
    expect(profiles.status).toBe(200);
    expect(((await profiles.json()) as { profiles: unknown[] }).profiles.length).toBeGreaterThan(0);
  });

  it('still applies an armed failure before passing through', async () => {
    collector = await startCollector({ dbPath: tempDbPath(), port: 0 });
    const backend = createMockBackend({ telemetry: 'passthrough' });
    stop = startNodeBackend(backend);
    backend.fail('telemetry', { kind: 'status', status: 500 }, { times: 1 });

    expect((await send(collector.url)).status).toBe(500);
    expect(collector.store.counts().events).toBe(0);
    expect((await send(collector.url)).status).toBe(204);
    expect(collector.store.counts().events).toBe(2);
  });

  it('keeps batches in its own log by default', async () => {
    const backend = createMockBackend();
    stop = startNodeBackend(backend);
    expect((await send('http://ficus.test')).status).toBe(204);
    expect(backend.telemetryEvents().map((event) => event.data?.['page'])).toEqual([
      'profiles',
      'collections',
    ]);
  });
});
