import { afterEach, describe, expect, it, vi } from 'vitest';
import { setupMockBackend } from '../support/backend-harness.ts';
import { type RunningApp, startApp } from './app-host-harness.ts';

// A WASM world whose worker cannot start (its script is missing, broken or refused) must not
// leave the viewer without a page: the router starts anyway and every WASM page is served by
// its React page.

setupMockBackend();
let app: RunningApp | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
  vi.restoreAllMocks();
});

describe('a WASM world that cannot start', () => {
  it('serves the WASM pages from React, and the viewer can go on', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    app = await startApp({ workerEntry: new URL('./no-such-worker-entry.js', import.meta.url) });
    const running = app;
    await running.settled('the first page');
    expect(running.host.router.visible()).toMatchObject({ route: 'profiles', world: 'legacy' });
    expect(running.focusedKey()).toBe('profile:p1');
    expect(errors.mock.calls.some(([message]) => /the WASM world did not start/.test(String(message)))).toBe(
      true,
    );

    running.host.input({ kind: 'select' });
    await running.settled('collections');
    expect(running.host.router.visible()).toMatchObject({ route: 'collections', world: 'legacy' });
  });
});
