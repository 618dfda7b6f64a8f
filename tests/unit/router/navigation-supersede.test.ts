import { describe, expect, it } from 'vitest';
import { settle } from './fake-ports.ts';
import { expectSettledScreen, routes, startedRouter, startingRouter } from './router-harness.ts';

/** A started router whose later loads and mounts wait for the test. */
async function heldRouter(worlds: Record<string, 'legacy' | 'wasm'> = {}) {
  const harness = await startedRouter((ports) => {
    ports.worldFor = (route) => worlds[route] ?? 'legacy';
  });
  harness.ports.autoLoad = false;
  harness.ports.autoMount = false;
  return harness;
}

describe('rapid input supersedes a pending switch', () => {
  it('three NAVIGATEs while the first mount is pending: only the last commits', async () => {
    const harness = await heldRouter();
    const { router, ports } = harness;
    router.navigate('details', { id: 't1' });
    ports.lastLoad().deferred.resolve();
    await settle();
    const first = ports.lastMount();
    expect(first.entry.route).toBe('details');

    router.navigate('details', { id: 't2' }); // supersedes while mounting: its page is unmounted
    expect(ports.callsTo('unmount')).toEqual([{ port: 'unmount', world: 'legacy', key: first.entry.key }]);
    const secondLoad = ports.lastLoad();
    router.navigate('details', { id: 't3' }); // supersedes while loading: nothing mounted yet
    expect(ports.callsTo('unmount')).toHaveLength(1);
    expect(ports.mounts).toHaveLength(2); // home and the first details

    // Late answers for the superseded attempts change nothing.
    first.deferred.resolve();
    secondLoad.deferred.resolve();
    await settle();
    expect(ports.mounts).toHaveLength(2);
    expect(ports.callsTo('reveal')).toHaveLength(1); // only home, at start
    expect(router.isSwitching()).toBe(true);

    ports.lastLoad().deferred.resolve();
    await settle();
    const last = ports.lastMount();
    expect(last.entry.params).toEqual({ id: 't3' });
    last.deferred.resolve();
    await settle();
    expect(routes(router)).toEqual(['home', 'details*']);
    expect(router.history().entries[1]?.params).toEqual({ id: 't3' });
    expect(ports.syncs()).toHaveLength(2); // start, then t3: the superseded never reached the worlds
    expectSettledScreen(harness);
  });

  it('ignores a late rejection of a superseded WASM mount (no fallback, no pageFailed)', async () => {
    const harness = await heldRouter({ details: 'wasm' });
    const { router, ports } = harness;
    router.navigate('details', { id: 't1' });
    ports.lastLoad().deferred.resolve();
    await settle();
    const wasmMount = ports.lastMount();
    router.navigate('search', {});
    wasmMount.deferred.reject(new Error('trap'));
    await settle();
    expect(ports.callsTo('pageFailed')).toEqual([]);
    expect(ports.mounts.filter((mount) => mount.entry.route === 'details')).toHaveLength(1);
    ports.lastLoad().deferred.resolve();
    await settle();
    ports.lastMount().deferred.resolve();
    await settle();
    expect(routes(router)).toEqual(['home', 'search*']);
    expectSettledScreen(harness);
  });

  it('never reuses the key of a superseded entry', async () => {
    const { router, ports } = await heldRouter();
    router.navigate('details', { id: 't1' });
    ports.lastLoad().deferred.resolve();
    await settle();
    const superseded = ports.lastMount().entry.key;
    router.navigate('search', {});
    ports.lastLoad().deferred.resolve();
    await settle();
    expect(ports.lastMount().entry.key).not.toBe(superseded);
  });
});

describe('Back while a switch is pending', () => {
  it('goes back from the committed page, dropping the pending one', async () => {
    const harness = await heldRouter();
    const { router, ports } = harness;
    ports.autoLoad = true;
    ports.autoMount = true;
    router.navigate('details', { id: 't1' });
    await settle();
    ports.autoLoad = false;
    router.navigate('playback', { id: 't1' }); // loading
    router.back();
    await settle();
    ports.lastLoad().deferred.resolve();
    await settle();
    expect(ports.lastMount().entry.route).toBe('home');
    ports.lastMount().deferred.resolve();
    await settle();
    expect(routes(router)).toEqual(['home*', 'details']);
    expect(ports.callsTo('syncUrl').at(-1)?.mode).toBe('back');
    expectSettledScreen(harness);
  });

  it('at the root it only cancels the pending switch: the root stays, nothing is committed', async () => {
    const harness = await heldRouter();
    const { router, ports } = harness;
    router.navigate('details', { id: 't1' });
    ports.lastLoad().deferred.resolve();
    await settle();
    const pending = ports.lastMount();
    router.back();
    expect(router.isSwitching()).toBe(false);
    expect(ports.callsTo('unmount')).toEqual([{ port: 'unmount', world: 'legacy', key: pending.entry.key }]);
    pending.deferred.resolve();
    await settle();
    expect(routes(router)).toEqual(['home*']);
    expect(ports.syncs()).toHaveLength(1);
    expectSettledScreen(harness);
  });

  it('does not cancel the very first switch: there is no page to stay on', async () => {
    const harness = startingRouter((ports) => {
      ports.autoMount = false;
    });
    const { router, ports } = harness;
    await settle();
    router.back();
    router.forward();
    expect(router.isSwitching()).toBe(true);
    ports.lastMount().deferred.resolve();
    await harness.started;
    expect(routes(router)).toEqual(['home*']);
    expectSettledScreen(harness);
  });
});

describe('browser back/forward (popstate)', () => {
  it('moves to the entry with that key, several entries at once, and leaves the URL alone', async () => {
    const harness = await startedRouter();
    const { router, ports } = harness;
    router.navigate('details', { id: 't1' });
    await settle();
    router.navigate('playback', { id: 't1' });
    await settle();
    const [home, , playback] = router.history().entries;
    if (home === undefined || playback === undefined) throw new Error('expected three entries');
    ports.focusKey = 'scrubber';

    expect(router.popstate(home.key)).toBe(true);
    await settle();
    expect(routes(router)).toEqual(['home*', 'details', 'playback']);
    expect(ports.callsTo('syncUrl').at(-1)).toMatchObject({ key: home.key, mode: 'none' });

    expect(router.popstate(playback.key)).toBe(true);
    await settle();
    expect(routes(router)).toEqual(['home', 'details', 'playback*']);
    expect(ports.callsTo('syncUrl').at(-1)).toMatchObject({ key: playback.key, mode: 'none' });
    expect(ports.callsTo('handOverFocus').at(-1)).toMatchObject({ key: playback.key, focusKey: 'scrubber' });
    expectSettledScreen(harness);
  });

  it('ignores an unknown key and the current key (e.g. the echo of history.back())', async () => {
    const harness = await startedRouter();
    const { router, ports } = harness;
    router.navigate('details', { id: 't1' });
    await settle();
    const before = ports.calls.length;
    expect(router.popstate('e999')).toBe(false);
    expect(router.popstate('e2')).toBe(true);
    await settle();
    expect(ports.calls.length).toBe(before);
    expect(router.isSwitching()).toBe(false);
    expectSettledScreen(harness);
  });

  it('cancels a popstate move when the browser returns to the committed entry before it is shown', async () => {
    const harness = await startedRouter();
    const { router, ports } = harness;
    router.navigate('details', { id: 't1' });
    await settle();
    ports.autoMount = false;
    router.popstate('e1'); // browser back: home is mounting
    await settle();
    expect(router.isSwitching()).toBe(true);
    expect(router.popstate('e404')).toBe(false); // unknown: ignored, the move goes on
    expect(router.isSwitching()).toBe(true);
    router.popstate('e2'); // browser forward again, to what is still on screen
    expect(router.isSwitching()).toBe(false);
    expect(ports.callsTo('unmount').at(-1)).toMatchObject({ key: 'e1' });
    expect(routes(router)).toEqual(['home', 'details*']);
    expectSettledScreen(harness);
  });

  it('does not let the echo of a committed move cancel a newer navigation', async () => {
    const harness = await startedRouter();
    const { router, ports } = harness;
    router.navigate('details', { id: 't1' });
    await settle();
    router.back(); // the host calls history.back(); its popstate names e1, now current
    await settle();
    ports.autoMount = false;
    router.navigate('search', {});
    router.popstate('e1'); // the echo arrives while search is mounting
    await settle();
    expect(router.isSwitching()).toBe(true);
    ports.lastMount().deferred.resolve();
    await settle();
    expect(routes(router)).toEqual(['home', 'search*']);
    expectSettledScreen(harness);
  });
});
