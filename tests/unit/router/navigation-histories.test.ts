import { describe, expect, it } from 'vitest';
import { settle } from './fake-ports.ts';
import { expectSettledScreen, routes, startedRouter } from './router-harness.ts';

describe('navigation histories', () => {
  it('start commits the root as a one-entry history with seq 0', async () => {
    const harness = await startedRouter();
    expect(routes(harness.router)).toEqual(['home*']);
    expect(harness.ports.syncs().map((sync) => sync.seq)).toEqual([0]);
    expect(harness.ports.callsTo('syncUrl')).toEqual([
      { port: 'syncUrl', key: 'e1', route: 'home', mode: 'replace' },
    ]);
    expectSettledScreen(harness);
  });

  it('push opens entries and drops the forward part; the browser is pushed', async () => {
    const harness = await startedRouter();
    const { router, ports } = harness;
    router.navigate('details', { id: 't1' });
    await settle();
    router.navigate('playback', { id: 't1' });
    await settle();
    expect(routes(router)).toEqual(['home', 'details', 'playback*']);
    router.back();
    await settle();
    router.back();
    await settle();
    expect(routes(router)).toEqual(['home*', 'details', 'playback']);
    router.navigate('search', {});
    await settle();
    expect(routes(router)).toEqual(['home', 'search*']);
    expect(ports.callsTo('syncUrl').map((call) => call.mode)).toEqual([
      'replace',
      'push',
      'push',
      'back',
      'back',
      'push',
    ]);
    expect(router.history().entries.at(-1)?.params).toEqual({});
    expectSettledScreen(harness);
  });

  it('replace swaps the current entry (new key), keeps the forward part and replaces the URL', async () => {
    const harness = await startedRouter();
    const { router, ports } = harness;
    router.navigate('details', { id: 't1' });
    await settle();
    router.navigate('playback', { id: 't1' });
    await settle();
    router.back();
    await settle();
    const replacedKey = router.history().entries[1]?.key;
    router.replace('search', { q: 'star' });
    await settle();
    expect(routes(router)).toEqual(['home', 'search*', 'playback']);
    expect(router.history().entries[1]?.key).not.toBe(replacedKey);
    expect(ports.callsTo('syncUrl').at(-1)?.mode).toBe('replace');
    expectSettledScreen(harness);
  });

  it('reload serves the page on screen again: same position and URL, a fresh mount, focus kept', async () => {
    const harness = await startedRouter();
    const { router, ports } = harness;
    router.navigate('details', { id: 't1' });
    await settle();
    router.navigate('playback', { id: 't1' });
    await settle();
    router.back();
    await settle();
    const before = router.history().entries[1];
    const urlCalls = ports.callsTo('syncUrl').length;
    ports.focusKey = 'details:back';
    expect(router.reload()).toBe(true);
    await settle();
    expect(routes(router)).toEqual(['home', 'details*', 'playback']);
    const after = router.history().entries[1];
    expect(after).toMatchObject({ route: 'details', params: { id: 't1' } });
    expect(after?.key).not.toBe(before?.key);
    expect(ports.callsTo('mountOffscreen').at(-1)).toMatchObject({ key: after?.key });
    expect(ports.callsTo('handOverFocus').at(-1)).toMatchObject({
      key: after?.key,
      focusKey: 'details:back',
    });
    // The URL already shows the page: told with mode 'none' (the browser follower records the new key).
    expect(ports.callsTo('syncUrl').slice(urlCalls)).toEqual([
      { port: 'syncUrl', key: after?.key, route: 'details', mode: 'none' },
    ]);
    expectSettledScreen(harness);
  });

  it('forward returns to the entry Back left, with the browser moved forward', async () => {
    const harness = await startedRouter();
    const { router, ports } = harness;
    router.navigate('details', { id: 't1' });
    await settle();
    router.back();
    await settle();
    router.forward();
    await settle();
    expect(routes(router)).toEqual(['home', 'details*']);
    expect(ports.callsTo('syncUrl').at(-1)).toMatchObject({ route: 'details', mode: 'forward' });
    const before = ports.calls.length;
    router.forward(); // nothing forward: no call at all
    await settle();
    expect(ports.calls.length).toBe(before);
    expectSettledScreen(harness);
  });

  it('reset leaves a one-entry history: the given page, or the root', async () => {
    const harness = await startedRouter();
    const { router } = harness;
    router.navigate('details', { id: 't1' });
    await settle();
    router.navigate('search', {});
    await settle();
    router.reset({ route: 'profiles', params: {} });
    await settle();
    expect(routes(router)).toEqual(['profiles*']);
    router.navigate('details', { id: 't2' });
    await settle();
    router.reset();
    await settle();
    expect(routes(router)).toEqual(['home*']);
    expectSettledScreen(harness);
  });

  it('saves the focus key of the page being left and restores it on Back', async () => {
    const harness = await startedRouter();
    const { router, ports } = harness;
    ports.focusKey = 'rail-2.tile-5';
    router.navigate('details', { id: 't1' });
    await settle();
    expect(router.history().entries[0]?.focusKey).toBe('rail-2.tile-5');
    // A new page gets its initial focus.
    expect(ports.callsTo('handOverFocus').at(-1)).toEqual({
      port: 'handOverFocus',
      world: 'legacy',
      key: 'e2',
      focusKey: null,
    });

    ports.focusKey = 'play-button';
    router.back();
    await settle();
    expect(ports.callsTo('handOverFocus').at(-1)).toMatchObject({ key: 'e1', focusKey: 'rail-2.tile-5' });
    // Forward restores the key saved when Back left details.
    ports.focusKey = 'rail-3.tile-1';
    router.forward();
    await settle();
    expect(ports.callsTo('handOverFocus').at(-1)).toMatchObject({ key: 'e2', focusKey: 'play-button' });
    expect(router.history().entries.map((entry) => entry.focusKey)).toEqual(['rail-3.tile-1', 'play-button']);
    expectSettledScreen(harness);
  });

  it('asks for the focus key only when the page left stays in the history', async () => {
    const { router, ports } = await startedRouter();
    expect(ports.callsTo('currentFocusKey')).toHaveLength(0); // nothing was on screen
    router.replace('details', { id: 't1' });
    await settle();
    router.reset();
    await settle();
    expect(ports.callsTo('currentFocusKey')).toHaveLength(0);
    router.navigate('details', { id: 't1' });
    await settle();
    expect(ports.callsTo('currentFocusKey')).toHaveLength(1);
  });

  it('sends one history.sync per commit, seq growing by one, each with the whole stack', async () => {
    const harness = await startedRouter();
    const { router, ports } = harness;
    const seen: unknown[] = [];
    router.navigate('details', { id: 't1' });
    await settle();
    seen.push(router.history());
    router.navigate('search', {});
    await settle();
    seen.push(router.history());
    router.back();
    await settle();
    seen.push(router.history());
    const syncs = ports.syncs();
    expect(syncs.map((sync) => sync.seq)).toEqual([0, 1, 2, 3]);
    expect(syncs.slice(1).map(({ entries, index }) => ({ entries, index }))).toEqual(seen);
    expectSettledScreen(harness);
  });

  it('asks for the world on every visit and records the world that served the entry', async () => {
    const worlds: Record<string, 'legacy' | 'wasm'> = { home: 'wasm', details: 'legacy' };
    const harness = await startedRouter((ports) => {
      ports.worldFor = (route) => worlds[route] ?? 'legacy';
    });
    const { router, ports } = harness;
    router.navigate('details', { id: 't1' });
    await settle();
    expect(router.history().entries.map((entry) => entry.world)).toEqual(['wasm', 'legacy']);
    worlds['home'] = 'legacy'; // e.g. the host's breaker tripped for home
    router.back();
    await settle();
    expect(router.history().entries.map((entry) => entry.world)).toEqual(['legacy', 'legacy']);
    expect(ports.callsTo('chooseWorld').map((call) => call.route)).toEqual(['home', 'details', 'home']);
    expectSettledScreen(harness);
  });
});
