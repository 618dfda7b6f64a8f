import { afterEach, describe, expect, it } from 'vitest';
import { apiPaths } from '../../bridge/index.ts';
import { setupMockBackend, watchFetches } from '../support/backend-harness.ts';
import { waitUntil } from '../support/wait-until.ts';
import { type RunningApp, startApp } from './app-host-harness.ts';

// The details page served by its WASM port (`?world.details=wasm`, as QA would open it; the plan
// keeps React as its default) inside the whole app: router, both worlds, the real worker thread,
// the msw backend. Parity with the React page is in tests/unit/parity/details.parity.test.tsx.

const backend = setupMockBackend();
let app: RunningApp | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

/**
 * Waits until the router shows `route` and is at rest. `settled` alone can return before a
 * select has reached the router (a WASM page's navigate comes back from the worker later).
 */
async function arrive(running: RunningApp, route: string, what = route): Promise<void> {
  await waitUntil(() => running.host.router.visible()?.route === route, `the ${what} page`);
  await running.settled(what);
}

async function openDetailsFromTheHome(running: RunningApp): Promise<string> {
  await arrive(running, 'profiles');
  running.host.input({ kind: 'select' });
  await arrive(running, 'collections');
  await waitUntil(() => /^tile:[^:]+:0$/.test(running.focusedKey() ?? ''), 'focus on the first tile');
  running.host.input({ kind: 'move', direction: 'right' });
  await waitUntil(() => /^tile:[^:]+:1$/.test(running.focusedKey() ?? ''), 'focus on the second tile');
  const tileKey = running.focusedKey() ?? '';
  running.host.input({ kind: 'select' });
  await arrive(running, 'details');
  return tileKey;
}

describe('details in the WASM world, in the app', () => {
  it('collections → details (WASM) → playback (React) → back restores Play → back restores the tile', async () => {
    app = await startApp({ overrides: { details: 'wasm' } });
    const running = app;
    const tileKey = await openDetailsFromTheHome(running);
    const details = running.host.router.visible();
    expect(details).toMatchObject({ route: 'details', world: 'wasm' });
    expect(running.focusedKey()).toBe('details:play');
    const id = details?.params['id'] ?? '';
    expect(id).toMatch(/^t\d+$/);
    expect(running.workers.at(-1)?.mounts).toContain('details');

    running.host.input({ kind: 'select' });
    await arrive(running, 'playback');
    expect(running.host.router.visible()).toMatchObject({
      route: 'playback',
      world: 'legacy',
      params: { id },
    });

    running.host.input({ kind: 'back' });
    await arrive(running, 'details', 'details page again');
    expect(running.host.router.visible()).toMatchObject({ route: 'details', world: 'wasm', params: { id } });
    expect(running.focusedKey()).toBe('details:play');

    // The page's own Back button, then the router's.
    running.host.input({ kind: 'move', direction: 'right' });
    await waitUntil(() => running.focusedKey() === 'details:back', 'focus on Back');
    running.host.input({ kind: 'select' });
    await arrive(running, 'collections', 'collections page again');
    expect(running.host.router.visible()).toMatchObject({ route: 'collections', world: 'wasm' });
    expect(running.focusedKey()).toBe(tileKey);
  });

  it('a failing title shows the error panel in WASM, and Retry loads it', async () => {
    const fetches = watchFetches(); // before the app starts: the host binds fetch when it starts
    app = await startApp({ overrides: { details: 'wasm' } });
    const running = app;
    backend.fail('title', { kind: 'status', status: 500 }, { times: 1 });
    await openDetailsFromTheHome(running);
    expect(running.host.router.visible()).toMatchObject({ route: 'details', world: 'wasm' });
    expect(running.focusedKey()).toBe('error-retry');
    const id = running.host.router.visible()?.params['id'] ?? '';
    expect(fetches.started(apiPaths.title(id))).toBe(1);

    running.host.input({ kind: 'select' });
    await waitUntil(() => running.focusedKey() === 'details:play', 'the title after Retry, focus on Play');
    expect(fetches.started(apiPaths.title(id))).toBe(2);
    expect(running.host.router.visible()).toMatchObject({ route: 'details', world: 'wasm' });
  });
});
