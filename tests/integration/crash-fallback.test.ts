import { afterEach, describe, expect, it, vi } from 'vitest';
import { setupMockBackend } from '../support/backend-harness.ts';
import { type RunningApp, startApp } from './app-host-harness.ts';

// A page that crashes in the WASM world must never take the app down: the router serves the same
// entry with the React page and the page's breaker keeps it there for the session.

const backend = setupMockBackend();
let app: RunningApp | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
  vi.restoreAllMocks();
});

describe('a WASM page that crashes', () => {
  it('falls back to the React page when it aborts while mounting', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    app = await startApp({ substitute: { profiles: 'fixture-abort-on-mount' } });
    await app.settled('the fallback page');
    expect(app.host.router.visible()).toMatchObject({ route: 'profiles', world: 'legacy' });
    expect(app.focusedKey()).toBe('profile:p1');
    expect(app.host.breaker.isOpen('profiles')).toBe(true);
    // Leads see it: the crash and the fallback reach the backend's telemetry sink.
    await app.host.telemetry.flush(1);
    const names = backend.telemetryEvents().map((event) => `${event.name}:${String(event.data?.['page'])}`);
    expect(names).toContain('page.crashed:profiles');
    expect(names).toContain('page.fallback:profiles');
    // The app keeps working: the next page is served normally.
    app.host.input({ kind: 'select' });
    await app.settled('collections');
    expect(app.host.router.visible()).toMatchObject({ route: 'collections', world: 'wasm' });
  });

  it('replaces the visible page with its React version when it traps on an event', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    app = await startApp({ substitute: { profiles: 'fixture-trap-on-select' } });
    await app.settled('the fixture page');
    expect(app.host.router.visible()).toMatchObject({ route: 'profiles', world: 'wasm' });
    const entryKey = app.host.router.visible()?.key;
    app.host.input({ kind: 'select' }); // the fixture traps on select
    for (let i = 0; i < 200 && app.host.router.visible()?.world !== 'legacy'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await app.settled('the React profiles page');
    expect(app.host.router.visible()).toMatchObject({ route: 'profiles', world: 'legacy', key: entryKey });
    expect(app.host.router.history().entries).toHaveLength(1);
  });
});
