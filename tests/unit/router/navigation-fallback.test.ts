import { describe, expect, it } from 'vitest';
import { settle } from './fake-ports.ts';
import { expectSettledScreen, routes, startedRouter, startingRouter } from './router-harness.ts';

const wasmFor =
  (...routes: string[]) =>
  (route: string) =>
    routes.includes(route) ? ('wasm' as const) : ('legacy' as const);

describe('fallback to legacy while switching', () => {
  it('a WASM mount that fails is reported, retried in legacy, and the entry records legacy', async () => {
    const harness = await startedRouter((ports) => {
      ports.worldFor = wasmFor('details');
      ports.mountFails = (world) => (world === 'wasm' ? 'RuntimeError: unreachable' : undefined);
    });
    const { router, ports } = harness;
    const from = ports.calls.length;
    router.navigate('details', { id: 't1' });
    await settle();
    expect(ports.portsSince(from)).toEqual([
      'currentFocusKey',
      'chooseWorld',
      'loadWorld',
      'mountOffscreen',
      'pageFailed',
      'unmount',
      'loadWorld',
      'mountOffscreen',
      'reveal',
      'unmount',
      'handOverFocus',
      'syncHistory',
      'syncUrl',
    ]);
    expect(ports.callsTo('pageFailed')).toEqual([
      {
        port: 'pageFailed',
        world: 'wasm',
        key: 'e2',
        reason: 'mounting the page failed: RuntimeError: unreachable',
      },
    ]);
    // The same entry, retried: one key, first in wasm then in legacy.
    expect(ports.mounts.slice(1).map((mount) => `${mount.world}:${mount.entry.key}`)).toEqual([
      'wasm:e2',
      'legacy:e2',
    ]);
    expect(router.history().entries[1]).toMatchObject({ key: 'e2', route: 'details', world: 'legacy' });
    expect(ports.syncs().at(-1)?.entries[1]?.world).toBe('legacy');
    expectSettledScreen(harness);
  });

  it('a WASM world that fails to load falls back the same way', async () => {
    const harness = await startedRouter((ports) => {
      ports.worldFor = wasmFor('details');
      ports.loadFails = (world) => (world === 'wasm' ? 'worker did not start' : undefined);
    });
    const { router, ports } = harness;
    router.navigate('details', { id: 't1' });
    await settle();
    expect(ports.callsTo('pageFailed')).toEqual([
      {
        port: 'pageFailed',
        world: 'wasm',
        key: 'e2',
        reason: 'loading the wasm world failed: worker did not start',
      },
    ]);
    expect(ports.mounts.map((mount) => mount.world)).toEqual(['legacy', 'legacy']); // nothing mounted in wasm
    expect(router.history().entries[1]?.world).toBe('legacy');
    expectSettledScreen(harness);
  });

  it('a crash of the WASM page being mounted falls back, and its late answer is ignored', async () => {
    const harness = await startedRouter((ports) => {
      ports.worldFor = wasmFor('details');
    });
    const { router, ports } = harness;
    ports.autoMount = false;
    router.navigate('details', { id: 't1' });
    await settle();
    const wasmMount = ports.lastMount();
    router.pageCrashed('wasm', wasmMount.entry.key, 'abort: index out of range');
    expect(ports.callsTo('pageFailed')).toEqual([
      { port: 'pageFailed', world: 'wasm', key: 'e2', reason: 'page crashed: abort: index out of range' },
    ]);
    expect(ports.callsTo('unmount').at(-1)).toEqual({ port: 'unmount', world: 'wasm', key: 'e2' });
    wasmMount.deferred.resolve(); // too late: that attempt is gone
    await settle();
    expect(ports.callsTo('reveal').map((call) => call.world)).toEqual(['legacy']); // home only
    ports.lastMount().deferred.resolve();
    await settle();
    expect(router.history().entries[1]).toMatchObject({ key: 'e2', world: 'legacy' });
    expectSettledScreen(harness);
  });
});

describe('a crash of the visible WASM page', () => {
  it('remounts the same entry in legacy, in place, with focus where the viewer was', async () => {
    const harness = await startedRouter((ports) => {
      ports.worldFor = wasmFor('details');
    });
    const { router, ports } = harness;
    router.navigate('details', { id: 't1' });
    await settle();
    expect(router.visible()).toMatchObject({ key: 'e2', world: 'wasm' });
    const before = router.history();
    ports.focusKey = 'play-button';
    const from = ports.calls.length;

    router.pageCrashed('wasm', 'e2', 'RuntimeError: unreachable');
    await settle();
    expect(ports.portsSince(from)).toEqual([
      'pageFailed',
      'currentFocusKey',
      'loadWorld',
      'mountOffscreen',
      'reveal',
      'unmount',
      'handOverFocus',
      'syncHistory',
      'syncUrl',
    ]);
    expect(ports.calls.slice(from + 3)).toEqual([
      { port: 'mountOffscreen', world: 'legacy', key: 'e2', route: 'details' },
      { port: 'reveal', world: 'legacy', key: 'e2' },
      { port: 'unmount', world: 'wasm', key: 'e2' },
      { port: 'handOverFocus', world: 'legacy', key: 'e2', focusKey: 'play-button' },
      { port: 'syncHistory', sync: { type: 'history.sync', seq: 2, ...router.history() } },
      { port: 'syncUrl', key: 'e2', route: 'details', mode: 'none' },
    ]);
    expect(router.history().entries.map((entry) => entry.key)).toEqual(
      before.entries.map((entry) => entry.key),
    );
    expect(router.history().index).toBe(before.index);
    expect(router.visible()).toMatchObject({ key: 'e2', world: 'legacy' });
    expectSettledScreen(harness);
  });

  it('restores the focus key the entry saved when the host no longer knows the focus', async () => {
    const harness = await startedRouter((ports) => {
      ports.worldFor = wasmFor('details');
    });
    const { router, ports } = harness;
    router.navigate('details', { id: 't1' });
    await settle();
    ports.focusKey = 'episode-3';
    router.navigate('playback', { id: 't1' });
    await settle();
    router.back(); // details again, in wasm, focus restored to episode-3
    await settle();
    ports.focusKey = null;
    router.pageCrashed('wasm', 'e2');
    await settle();
    expect(ports.callsTo('handOverFocus').at(-1)).toEqual({
      port: 'handOverFocus',
      world: 'legacy',
      key: 'e2',
      focusKey: 'episode-3',
    });
    expect(ports.callsTo('pageFailed').at(-1)?.reason).toBe('page crashed: no reason given');
    expectSettledScreen(harness);
  });

  it('ignores crash reports for pages that are neither visible nor being mounted', async () => {
    const harness = await startedRouter((ports) => {
      ports.worldFor = wasmFor('details');
    });
    const { router, ports } = harness;
    router.navigate('details', { id: 't1' });
    await settle();
    const before = ports.calls.length;
    router.pageCrashed('wasm', 'e1'); // home is legacy
    router.pageCrashed('legacy', 'e2'); // details is wasm
    router.pageCrashed('wasm', 'e99');
    await settle();
    expect(ports.calls.length).toBe(before);
    expectSettledScreen(harness);
  });

  it('while switching away from it: reports it and lets the switch replace it', async () => {
    const harness = await startedRouter((ports) => {
      ports.worldFor = wasmFor('details');
    });
    const { router, ports } = harness;
    router.navigate('details', { id: 't1' });
    await settle();
    ports.autoMount = false;
    router.navigate('playback', { id: 't1' });
    await settle();
    router.pageCrashed('wasm', 'e2', 'trap');
    expect(ports.callsTo('pageFailed')).toEqual([
      { port: 'pageFailed', world: 'wasm', key: 'e2', reason: 'page crashed: trap' },
    ]);
    expect(router.isSwitching()).toBe(true);
    ports.lastMount().deferred.resolve();
    await settle();
    expect(routes(router)).toEqual(['home', 'details', 'playback*']);
    expectSettledScreen(harness);
  });
});

describe('when legacy fails too', () => {
  it('goes to failed with the reason, keeps the previous page on screen, and a navigation recovers', async () => {
    const harness = await startedRouter((ports) => {
      ports.worldFor = wasmFor('details');
    });
    const { router, ports } = harness;
    ports.mountFails = (world, route) => (route === 'details' ? `${world} says no` : undefined);
    router.navigate('details', { id: 't1' });
    await settle();
    expect(router.isSwitching()).toBe(false);
    expect(router.failure()).toEqual({
      world: 'legacy',
      entry: { key: 'e2', route: 'details', params: { id: 't1' }, world: 'legacy', focusKey: null },
      reason: 'mounting the page failed: legacy says no',
    });
    expect(ports.callsTo('pageFailed').map((call) => call.world)).toEqual(['wasm', 'legacy']);
    expect(routes(router)).toEqual(['home*']); // nothing committed
    expectSettledScreen(harness); // home is still the one page on screen

    router.navigate('search', {});
    await settle();
    expect(router.failure()).toBeNull();
    expect(routes(router)).toEqual(['home', 'search*']);
    expectSettledScreen(harness);
  });

  it('a first navigation failing everywhere leaves nothing on screen until a reset works', async () => {
    let broken = true;
    const { router, ports, started } = startingRouter((fake) => {
      fake.mountFails = () => (broken ? 'no' : undefined);
    });
    await started;
    expect(router.failure()?.entry.route).toBe('home');
    expect(router.visible()).toBeUndefined();
    expect(router.history().entries).toEqual([]);
    expect(ports.mounted.size).toBe(0);
    router.back(); // nothing to go back to
    broken = false;
    router.reset();
    await settle();
    expect(routes(router)).toEqual(['home*']);
    expectSettledScreen({ router, ports });
  });

  it('a crash of the visible legacy page goes to failed; Back recovers', async () => {
    const harness = await startedRouter();
    const { router, ports } = harness;
    router.navigate('details', { id: 't1' });
    await settle();
    router.pageCrashed('legacy', 'e2', 'render error');
    expect(router.failure()).toMatchObject({ world: 'legacy', reason: 'page crashed: render error' });
    expect(ports.callsTo('pageFailed')).toHaveLength(1);
    expect(router.visible()?.key).toBe('e2');
    router.back();
    await settle();
    expect(router.failure()).toBeNull();
    expect(routes(router)).toEqual(['home*', 'details']);
    expectSettledScreen(harness);
  });

  it('a failed legacy remount of a crashed WASM page leaves it on screen until the next navigation', async () => {
    const harness = await startedRouter((ports) => {
      ports.worldFor = wasmFor('details');
    });
    const { router, ports } = harness;
    router.navigate('details', { id: 't1' });
    await settle();
    ports.mountFails = (world, route) =>
      world === 'legacy' && route === 'details' ? 'legacy broken' : undefined;
    router.pageCrashed('wasm', 'e2');
    await settle();
    expect(router.failure()?.reason).toBe('mounting the page failed: legacy broken');
    expect(router.visible()).toMatchObject({ key: 'e2', world: 'wasm' });
    expect(ports.visible).toBe('wasm:e2');
    router.back();
    await settle();
    expect(routes(router)).toEqual(['home*', 'details']);
    expectSettledScreen(harness);
  });
});
