import { afterEach, describe, expect, it, vi } from 'vitest';
import { setupMockBackend } from '../support/backend-harness.ts';
import { type RunningApp, startApp } from './app-host-harness.ts';

// Every page the viewer is shown is one `page.served` event: the page, the world that served it,
// why (the policy's reason, or "fallback" after the chosen world failed it) and the app's session,
// so a telemetry collector can count sessions and viewer time per page and world.

const backend = setupMockBackend();
let app: RunningApp | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
  vi.restoreAllMocks();
});

/** The page.served events the backend received after the first `since` events (kept across tests). */
const served = (since: number) =>
  backend
    .telemetryEvents()
    .slice(since)
    .filter((event) => event.name === 'page.served')
    .map((event) => event.data ?? {});

describe('page.served telemetry', () => {
  it('names the page, its world, the reason and one session for the whole walk', async () => {
    const since = backend.telemetryEvents().length;
    app = await startApp();
    await app.settled('profiles');
    app.host.input({ kind: 'select' });
    await app.settled('collections');
    await app.host.telemetry.flush(1);

    const events = served(since);
    expect(events.map(({ page, world, reason }) => ({ page, world, reason }))).toEqual([
      { page: 'profiles', world: 'wasm', reason: app.host.worldChoice('profiles')?.reason },
      { page: 'collections', world: 'wasm', reason: app.host.worldChoice('collections')?.reason },
    ]);
    const sessions = new Set(events.map((event) => event['session']));
    expect(sessions.size).toBe(1);
    expect([...sessions][0]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('says "fallback" when React serves a page whose WASM version crashed while mounting', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const since = backend.telemetryEvents().length;
    app = await startApp({ substitute: { profiles: 'fixture-abort-on-mount' } });
    await app.settled('the fallback page');
    await app.host.telemetry.flush(1);

    expect(served(since).map(({ page, world, reason }) => ({ page, world, reason }))).toEqual([
      { page: 'profiles', world: 'legacy', reason: 'fallback' },
    ]);
  });
});
