import { afterEach, describe, expect, it } from 'vitest';
import { snapshotScene } from '../../host/scene/snapshot.ts';
import { setupMockBackend } from '../support/backend-harness.ts';
import { waitUntil } from '../support/wait-until.ts';
import { type RunningApp, startApp } from './app-host-harness.ts';

// The playback page served by its WASM port (`?world.playback=wasm`, as QA would open it; the plan
// keeps React as its default) inside the whole app: router, both worlds, the real worker thread on
// its own clock (frames on demand), the msw backend. Parity with the React page, on virtual time,
// is in tests/unit/parity/playback.parity.test.tsx; here the clock is real, so the test only waits
// for what time brings and never for how soon.

setupMockBackend();
let app: RunningApp | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

/** Seconds shown under the bar (TIME_TEXT at x=80, y=878), from `m:ss` or `h:mm:ss`; NaN if none. */
function elapsedSeconds(running: RunningApp): number {
  const shown = /text="([\d:]+)" width=300 x=80 y=878/.exec(snapshotScene(running.store, 'wasm'))?.[1];
  if (shown === undefined) return Number.NaN;
  return shown.split(':').reduce((sum, part) => sum * 60 + Number(part), 0);
}

const shows = (running: RunningApp, text: string) =>
  snapshotScene(running.store, 'wasm').includes(`text="${text}"`);

describe('playback in the WASM world, in the app', () => {
  it('details (React) → Play → playback (WASM) ticks, seeks, pauses; Back restores Play on details', async () => {
    app = await startApp({ overrides: { playback: 'wasm' } });
    const running = app;
    await running.settled('profiles');
    running.host.input({ kind: 'select' });
    await running.settled('collections');
    running.host.input({ kind: 'select' });
    await running.settled('details');
    expect(running.host.router.visible()).toMatchObject({ route: 'details', world: 'legacy' });
    expect(running.focusedKey()).toBe('details:play');
    const id = running.host.router.visible()?.params['id'] ?? '';

    running.host.input({ kind: 'select' });
    await running.settled('playback');
    expect(running.host.router.visible()).toMatchObject({ route: 'playback', world: 'wasm', params: { id } });
    expect(running.focusedKey()).toBe('playback:scrubber');
    expect(running.workers.at(-1)?.mounts).toContain('playback');

    // The worker runs the page's frames by itself when its tick is due: the bar moves on.
    await waitUntil(() => elapsedSeconds(running) >= 1, 'the first tick');
    const beforeSeek = elapsedSeconds(running);
    running.host.input({ kind: 'move', direction: 'right' });
    await waitUntil(() => elapsedSeconds(running) >= beforeSeek + 10, 'a seek of 10 s');
    expect(running.focusedKey()).toBe('playback:scrubber');

    running.host.input({ kind: 'select' });
    await waitUntil(() => shows(running, 'Paused') && shows(running, 'Play'), 'paused');

    running.host.input({ kind: 'back' });
    await running.settled('details again');
    expect(running.host.router.visible()).toMatchObject({
      route: 'details',
      world: 'legacy',
      params: { id },
    });
    expect(running.focusedKey()).toBe('details:play');
  });
});
