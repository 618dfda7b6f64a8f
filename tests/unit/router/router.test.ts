import { describe, expect, it } from 'vitest';
import { createRouter, keyCounter, type RouterState } from '../../../router/index.ts';
import { FakePorts, settle } from './fake-ports.ts';
import { expectSettledScreen, routes, startedRouter } from './router-harness.ts';

describe('createRouter', () => {
  it('starts at a deep link as a one-entry history, where Back does nothing', async () => {
    const harness = await startedRouter(() => {}, { route: 'details', params: { id: 't1' } });
    const { router, ports } = harness;
    expect(router.history().entries).toEqual([
      { key: 'e1', route: 'details', params: { id: 't1' }, world: 'legacy', focusKey: null },
    ]);
    expect(ports.callsTo('syncUrl')).toEqual([
      { port: 'syncUrl', key: 'e1', route: 'details', mode: 'replace' },
    ]);
    const before = ports.calls.length;
    router.back();
    await settle();
    expect(ports.calls.length).toBe(before);
    expectSettledScreen(harness);
  });

  it('does nothing at all on Back at the root: no state change, no port call', async () => {
    const { router, ports } = await startedRouter();
    const states: RouterState[] = [];
    router.subscribe((state) => states.push(state));
    const before = ports.calls.length;
    router.back();
    router.back();
    await settle();
    expect(ports.calls.length).toBe(before);
    expect(routes(router)).toEqual(['home*']);
    expect(states.every((state) => !state.switching && state.history.entries.length === 1)).toBe(true);
  });

  it('tells subscribers about every change until they unsubscribe', async () => {
    const { router } = await startedRouter();
    const states: RouterState[] = [];
    const unsubscribe = router.subscribe((state) => states.push(state));
    router.navigate('details', { id: 't1' });
    await settle();
    expect(states.at(0)?.switching).toBe(true);
    expect(states.at(-1)).toEqual({
      switching: false,
      visible: router.visible(),
      history: router.history(),
      failure: null,
    });
    unsubscribe();
    const seen = states.length;
    router.back();
    await settle();
    expect(states.length).toBe(seen);
  });

  it('uses the injected key counter', async () => {
    const router = createRouter(new FakePorts(), { rootRoute: 'home', keys: keyCounter('s2-', 40) });
    await router.start();
    router.navigate('details', {});
    await settle();
    expect(router.history().entries.map((entry) => entry.key)).toEqual(['s2-40', 's2-41']);
  });

  it('refuses routes and params that would break the history.sync contract, without throwing', async () => {
    const { router, ports } = await startedRouter();
    expect(router.navigate('Details Page', {})).toBe(false);
    expect(router.replace('details', { id: 'x'.repeat(3000) })).toBe(false);
    expect(router.reset({ route: '', params: {} })).toBe(false);
    expect(ports.callsTo('navigationRefused').map((call) => call.refusal.message)).toEqual([
      expect.stringMatching(
        /^navigate to "Details Page" refused, asked by the host: the route at \(root\): /,
      ),
      expect.stringMatching(/^replace to "details" refused, asked by the host: params at \.id/),
      expect.stringMatching(/^reset to "" refused, asked by the host: the route/),
    ]);
    expect(() => createRouter(new FakePorts(), { rootRoute: 'Home' })).toThrow(TypeError);
    expect(routes(router)).toEqual(['home*']);
  });

  it('can be started only once', async () => {
    const { router } = await startedRouter();
    await expect(router.start()).rejects.toThrow(/already started/);
  });

  it('ignores everything after stop()', async () => {
    const { router, ports } = await startedRouter();
    router.stop();
    const before = ports.calls.length;
    router.navigate('details', {});
    await settle();
    expect(ports.calls.length).toBe(before);
  });
});
