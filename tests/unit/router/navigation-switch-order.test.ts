import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import {
  committedStack,
  createRouter,
  isSwitching,
  navigationMachine,
  routerFailure,
  visibleEntry,
} from '../../../router/index.ts';
import { FakePorts, settle } from './fake-ports.ts';
import { expectSettledScreen, routes, startedRouter, startingRouter } from './router-harness.ts';

describe('a page switch', () => {
  it('calls the ports in order: mount offscreen, reveal, unmount the old page, focus, then commit', async () => {
    const harness = await startedRouter();
    const { router, ports } = harness;
    const from = ports.calls.length;
    router.navigate('details', { id: 't1' });
    await settle();
    expect(ports.portsSince(from)).toEqual([
      'currentFocusKey',
      'chooseWorld',
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
      { port: 'unmount', world: 'legacy', key: 'e1' },
      { port: 'handOverFocus', world: 'legacy', key: 'e2', focusKey: null },
      {
        port: 'syncHistory',
        sync: { type: 'history.sync', seq: 1, entries: router.history().entries, index: 1 },
      },
      { port: 'syncUrl', key: 'e2', route: 'details', mode: 'push' },
    ]);
    expectSettledScreen(harness);
  });

  it('has nothing to unmount on the first switch', async () => {
    const { ports } = await startedRouter();
    expect(ports.portsSince(0)).toEqual([
      'chooseWorld',
      'loadWorld',
      'mountOffscreen',
      'reveal',
      'handOverFocus',
      'syncHistory',
      'syncUrl',
    ]);
  });

  it('walks the explicit states and is switching from the start until the commit', async () => {
    const ports = new FakePorts();
    ports.autoLoad = false;
    ports.autoMount = false;
    const actor = createActor(navigationMachine, { input: { ports, rootRoute: 'home' } }).start();
    const states: unknown[] = [actor.getSnapshot().value];
    actor.subscribe((snapshot) => states.push(snapshot.value));
    expect(isSwitching(actor.getSnapshot())).toBe(false);

    actor.send({ type: 'RESET' });
    expect(isSwitching(actor.getSnapshot())).toBe(true);
    expect(ports.lastLoad().world).toBe('legacy');
    ports.lastLoad().deferred.resolve();
    await settle();
    expect(isSwitching(actor.getSnapshot())).toBe(true);
    expect(visibleEntry(actor.getSnapshot())).toBeUndefined();
    expect(committedStack(actor.getSnapshot()).entries).toEqual([]);
    ports.lastMount().deferred.resolve();
    await settle();
    expect(isSwitching(actor.getSnapshot())).toBe(false);
    expect(states).toEqual(['idle', 'loadingWorld', 'mountingOffscreen', 'idle']);
    expect(visibleEntry(actor.getSnapshot())?.route).toBe('home');
    expect(routerFailure(actor.getSnapshot())).toBeNull();
    actor.stop();
  });

  it('keeps exactly one page visible: the old page until the new one is revealed', async () => {
    const harness = startingRouter((ports) => {
      ports.autoMount = false;
    });
    const { router, ports } = harness;
    await settle();
    expect(ports.visible).toBeNull(); // start is still mounting home
    ports.lastMount().deferred.resolve();
    await harness.started;
    expect(ports.visible).toBe('legacy:e1');

    router.navigate('details', { id: 't1' });
    await settle();
    expect(router.isSwitching()).toBe(true);
    expect(ports.visible).toBe('legacy:e1'); // details is mounting offscreen
    expect([...ports.mounted]).toEqual(['legacy:e1', 'legacy:e2']);
    ports.lastMount().deferred.resolve();
    await settle();
    expect(ports.visible).toBe('legacy:e2');
    expectSettledScreen(harness);
  });

  it('handles a request a port sends during the synchronous steps after the commit', async () => {
    const ports = new FakePorts();
    const router = createRouter(ports, { rootRoute: 'home' });
    await router.start();
    let sent = false;
    const reveal = ports.reveal.bind(ports);
    ports.reveal = (world, entry) => {
      reveal(world, entry);
      // e.g. the page's first frame asks to redirect at once
      if (!sent && entry.route === 'details') {
        sent = true;
        router.replace('search', {});
      }
    };
    const from = ports.calls.length;
    router.navigate('details', { id: 't1' });
    await settle();
    // details committed completely before the replace started.
    const order = ports.calls
      .slice(from)
      .map((call) => ('route' in call ? `${call.port}:${call.route}` : call.port));
    expect(order.indexOf('syncUrl:details')).toBeLessThan(order.indexOf('chooseWorld:search'));
    expect(routes(router)).toEqual(['home', 'search*']);
    expectSettledScreen({ router, ports });
  });

  it('start() resolves only once the first page is committed', async () => {
    const {
      router,
      ports,
      started: starting,
    } = startingRouter((fake) => {
      fake.autoMount = false;
    });
    let resolved = false;
    const started = starting.then(() => {
      resolved = true;
    });
    await settle();
    expect(resolved).toBe(false);
    expect(router.isSwitching()).toBe(true);
    ports.lastMount().deferred.resolve();
    await started;
    expect(router.visible()?.route).toBe('home');
  });
});
