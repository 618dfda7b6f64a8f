import { afterEach, describe, expect, it, vi } from 'vitest';
import { setupMockBackend } from '../support/backend-harness.ts';
import { waitUntil } from '../support/wait-until.ts';
import { type RunningApp, startApp } from './app-host-harness.ts';

// A page stuck in an infinite loop blocks the WASM world's worker thread, so nothing inside the
// worker can report it: the worker said "busy: event" before it called the page, and the host's
// watchdog sees that stretch outlive its budget; it reports the page crashed, terminates the
// worker and starts a fresh one. The router serves the React page meanwhile.

setupMockBackend();
let app: RunningApp | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
  vi.restoreAllMocks();
});

/** Short for a test, still generous for a slow 2-core machine (the default is 2000 ms). */
const DEADLINE_MS = 500;
const REASON = `the WASM world ran "event" for more than ${DEADLINE_MS} ms without finishing; restarted`;

/** Polls until `condition` holds (no timing assertions: only the test's own timeout bounds it). */
async function until(condition: () => boolean, what: string): Promise<void> {
  await waitUntil(condition, what);
}

describe('a WASM page that hangs', () => {
  it('restarts the worker, serves the React page for the same entry, and the app keeps working', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const warnings = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    app = await startApp({ substitute: { profiles: 'fixture-hang-on-select' }, wasmDeadlineMs: DEADLINE_MS });
    const running = app;
    await running.settled('the fixture page');
    expect(running.host.router.visible()).toMatchObject({ route: 'profiles', world: 'wasm' });
    expect(running.focusedKey()).toBe('hang:box');
    const entryKey = running.host.router.visible()?.key;
    expect(running.workers).toHaveLength(1);
    const [hung] = running.workers;

    running.host.input({ kind: 'select' }); // the fixture loops forever on select
    await until(() => running.visibleWorld() === 'legacy', 'the React profiles page');
    await running.settled('the React profiles page');
    expect(running.host.router.visible()).toMatchObject({
      route: 'profiles',
      world: 'legacy',
      key: entryKey,
    });
    expect(running.host.router.history().entries).toHaveLength(1);
    expect(running.focusedKey()).toBe('profile:p1');
    expect(running.host.breaker.isOpen('profiles')).toBe(true);
    expect(errors).toHaveBeenCalledWith(`page "profiles" crashed in the wasm world (event): ${REASON}`);
    expect(warnings).toHaveBeenCalledWith(
      `page "profiles" failed in the wasm world: page crashed: ${REASON}`,
    );
    // What the hung worker drew is gone (the fresh one reuses its node ids).
    expect(running.store.root('wasm').children).toEqual([]);
    // The hung worker is gone; a fresh one took its place.
    await until(() => hung?.exited === true, 'the hung worker to exit');
    await until(() => running.workers.length === 2, 'the fresh worker');

    // The app keeps working: the next page is served by the WASM world on the fresh worker.
    running.host.input({ kind: 'select' });
    await running.settled('collections');
    expect(running.host.router.visible()).toMatchObject({
      route: 'collections',
      world: 'wasm',
      params: { profile: 'p1' },
    });
    const [, fresh] = running.workers;
    expect(fresh?.mounts).toEqual(['collections']);
    expect(fresh?.exited).toBe(false);
    expect(hung?.mounts).toEqual(['profiles']);
    expect(running.workers).toHaveLength(2);
  });
});
