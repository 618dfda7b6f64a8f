import { afterEach, describe, expect, it, vi } from 'vitest';
import { setupMockBackend } from '../support/backend-harness.ts';
import { waitUntil } from '../support/wait-until.ts';
import { type RunningApp, startApp } from './app-host-harness.ts';
import { focusRuleProblem, paintedFocusWatch } from './focus-rule.ts';

// ARCHITECTURE.md, The WASM world: a page that crashes is served by the React page for the same
// history entry, "keeping the viewer's focus key", with no frame in which the visible page offers
// something focusable and shows no focus.

setupMockBackend();
let app: RunningApp | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
  vi.restoreAllMocks();
});

/** Polls until `check` holds; bounded by a generous budget, never asserting on time. */
async function until(check: () => boolean, what: string): Promise<void> {
  await waitUntil(check, what);
}

describe('focus on fallback', () => {
  it('the React page comes up on the focus key the viewer had on the crashed WASM page', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const frames = paintedFocusWatch();
    // A stand-in for profiles with the React page's focus keys, which traps on select.
    app = await startApp({
      substitute: { profiles: 'fixture-trap-with-profile-keys' },
      onPaint: frames.onPaint,
      onFocusMarked: frames.onFocusMarked,
    });
    const running = app;
    await running.settled('the WASM stand-in');
    expect(running.host.router.visible()).toMatchObject({ route: 'profiles', world: 'wasm' });
    expect(running.focusedKey()).toBe('profile:p1');
    const entryKey = running.host.router.visible()?.key;

    running.host.input({ kind: 'move', direction: 'right' });
    expect(running.focusedKey()).toBe('profile:p2');
    running.host.input({ kind: 'select' }); // traps
    await until(() => running.visibleWorld() === 'legacy', 'the React profiles page');
    await until(() => running.host.focus.engines.legacy.focused !== null, 'focus on the React page');
    await frames.frames(3);
    expect(running.host.router.visible()).toMatchObject({
      route: 'profiles',
      world: 'legacy',
      key: entryKey,
    });
    expect(running.focusedKey()).toBe('profile:p2');
    expect(focusRuleProblem(running.host, 'legacy')).toBeUndefined();
    expect(frames.problems).toEqual([]);
  });
});

describe('focus on page switches', () => {
  it('moves with the page the viewer sees, within a world and across worlds, and comes back on Back', async () => {
    const frames = paintedFocusWatch();
    /** Frames that showed a world with nothing in it, once a page had been shown. */
    const blank: string[] = [];
    let shownOnce = false;
    app = await startApp({
      onPaint: (host, shown) => {
        frames.onPaint(host, shown);
        if (shown === null) return;
        const empty = host.store.root(shown).children.length === 0;
        if (!empty) shownOnce = true;
        else if (shownOnce) blank.push(`${shown} at ${host.router.visible()?.route ?? '?'}`);
      },
      onFocusMarked: frames.onFocusMarked,
    });
    const running = app;
    await running.settled('profiles');
    expect(running.host.router.visible()).toMatchObject({ route: 'profiles', world: 'wasm' });

    // WASM → WASM: profiles → collections.
    running.host.input({ kind: 'select' });
    await until(
      () =>
        running.host.router.visible()?.route === 'collections' &&
        /^tile:[^:]+:0$/.test(running.focusedKey() ?? ''),
      'focus on the first tile of collections',
    );
    running.host.input({ kind: 'move', direction: 'right' });
    const tileKey = running.focusedKey();
    expect(tileKey).toMatch(/^tile:[^:]+:1$/);

    // WASM → React: collections → details.
    running.host.input({ kind: 'select' });
    await until(
      () => running.host.router.visible()?.route === 'details' && running.focusedKey() === 'details:play',
      'focus on details',
    );

    // React → WASM: Back to collections, focus restored to the tile the viewer had.
    running.host.input({ kind: 'back' });
    await until(
      () => running.host.router.visible()?.route === 'collections' && running.focusedKey() === tileKey,
      'focus back on the tile',
    );
    await frames.frames(3);
    expect(focusRuleProblem(running.host, 'wasm')).toBeUndefined();
    expect(frames.problems).toEqual([]);
    // The page being left stays on screen until the next one is: no blank frame between worlds.
    expect(blank).toEqual([]);
  });
});
