import { afterEach, describe, expect, it } from 'vitest';
import { WORLD_IDS } from '../../bridge/index.ts';
import { setupMockBackend } from '../support/backend-harness.ts';
import { waitUntil } from '../support/wait-until.ts';
import { type RunningApp, startApp } from './app-host-harness.ts';

setupMockBackend();
let app: RunningApp | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

/** Polls (never a wall-clock assertion) until `check` holds. */
async function until(check: () => boolean, what: string): Promise<void> {
  await waitUntil(check, what);
}

/** The invariants of ARCHITECTURE.md "Navigation", checked after every step of a journey. */
function expectOneCoherentScreen(running: RunningApp): void {
  const { host, store } = running;
  const visible = host.router.visible();
  if (visible === undefined) throw new Error('no visible page');
  // One visible world holding exactly one page; the other world holds none.
  for (const world of WORLD_IDS) {
    const pages = store.root(world).children.filter((id) => store.get(world, id)?.props.visible !== false);
    expect(pages.length, `visible pages in the ${world} world`).toBe(world === visible.world ? 1 : 0);
  }
  // One focused node, inside the visible world.
  for (const world of WORLD_IDS) {
    const focused = host.focus.engines[world].focused;
    if (world === visible.world) expect(focused, 'focus in the visible world').not.toBeNull();
    else expect(focused, `focus in the hidden ${world} world`).toBeNull();
  }
  // The router's history, and the same history in both worlds' copies.
  const history = host.router.history();
  const legacyCopy = host.legacy.world.historyCopy.current;
  expect(legacyCopy.entries).toEqual(history.entries);
  expect(legacyCopy.index).toBe(history.index);
  const wasmCopy = running.wasmSyncs.at(-1);
  if (wasmCopy !== undefined && visible.world === 'wasm') {
    expect(wasmCopy.entries).toEqual(history.entries);
    expect(wasmCopy.index).toBe(history.index);
  }
}

describe('a viewer journey across both worlds', () => {
  it('profiles (WASM) → collections (WASM) → details (React) → playback (React) → back → back', async () => {
    app = await startApp();
    await app.settled('profiles');
    expect(app.host.router.visible()?.route).toBe('profiles');
    expect(app.visibleWorld()).toBe('wasm');
    expectOneCoherentScreen(app);

    app.host.input({ kind: 'select' });
    await app.settled('collections');
    expect(app.host.router.visible()).toMatchObject({
      route: 'collections',
      world: 'wasm',
      params: { profile: 'p1' },
    });
    expectOneCoherentScreen(app);

    // The home's data must be in (focus on the first tile) before the viewer moves.
    await until(() => /^tile:[^:]+:0$/.test(app?.focusedKey() ?? ''), 'focus on the first tile');
    app.host.input({ kind: 'move', direction: 'right' });
    app.host.input({ kind: 'move', direction: 'right' });
    await until(() => /^tile:[^:]+:2$/.test(app?.focusedKey() ?? ''), 'focus on the third tile');
    const tileKey = app.focusedKey();
    expect(tileKey).toMatch(/^tile:[^:]+:2$/);

    app.host.input({ kind: 'select' });
    await app.settled('details');
    expect(app.host.router.visible()).toMatchObject({ route: 'details', world: 'legacy' });
    expect(app.focusedKey()).toBe('details:play');
    expectOneCoherentScreen(app);

    app.host.input({ kind: 'select' });
    await app.settled('playback');
    expect(app.host.router.visible()).toMatchObject({ route: 'playback', world: 'legacy' });
    expectOneCoherentScreen(app);

    app.host.input({ kind: 'back' });
    await app.settled('back to details');
    expect(app.host.router.visible()?.route).toBe('details');
    expect(app.focusedKey()).toBe('details:play');
    expectOneCoherentScreen(app);

    app.host.input({ kind: 'back' });
    await app.settled('back to collections');
    expect(app.host.router.visible()).toMatchObject({ route: 'collections', world: 'wasm' });
    // Focus comes back where it was, in the other world.
    for (let i = 0; i < 100 && app.focusedKey() !== tileKey; i++) await new Promise((r) => setTimeout(r, 10));
    expect(app.focusedKey()).toBe(tileKey);
    expectOneCoherentScreen(app);
  });

  it('opens a deep link on the right page with its params', async () => {
    app = await startApp({ initial: { route: 'details', params: { id: 't0042' } } });
    await app.settled('details');
    expect(app.host.router.visible()).toMatchObject({
      route: 'details',
      params: { id: 't0042' },
      world: 'legacy',
    });
    // Its parent (collections) needs a profile the link lacks, so the root page is beneath it.
    expect(app.host.router.history().entries.map((entry) => entry.route)).toEqual(['profiles', 'details']);
    expectOneCoherentScreen(app);
  });
});
