import { describe, expect, it } from 'vitest';
import { createRouter, type PageRef } from '../../../router/index.ts';
import { FakePorts, settle } from './fake-ports.ts';
import { expectSettledScreen, type Harness, routes } from './router-harness.ts';

/** The app's parents: details and search sit on collections (which needs `profile`), home at the bottom. */
function parentsOf(page: PageRef): PageRef[] {
  if (page.route === 'home') return [];
  const profile = page.params['profile'];
  if ((page.route === 'details' || page.route === 'search') && profile !== undefined) {
    return [
      { route: 'home', params: {} },
      { route: 'collections', params: { profile } },
    ];
  }
  return [{ route: 'home', params: {} }];
}

async function deepLinked(initial: PageRef): Promise<Harness> {
  const ports = new FakePorts();
  ports.worldFor = (route) => (route === 'collections' ? 'wasm' : 'legacy');
  const router = createRouter(ports, { rootRoute: 'home', initial, parentsOf });
  await router.start();
  return { router, ports };
}

describe('a deep link', () => {
  it('starts the history with its parents beneath it; only the linked page is mounted', async () => {
    const harness = await deepLinked({ route: 'details', params: { id: 't0164', profile: 'p2' } });
    const { router, ports } = harness;
    expect(router.history().entries).toEqual([
      { key: 'e1', route: 'home', params: {}, world: 'legacy', focusKey: null },
      { key: 'e2', route: 'collections', params: { profile: 'p2' }, world: 'wasm', focusKey: null },
      {
        key: 'e3',
        route: 'details',
        params: { id: 't0164', profile: 'p2' },
        world: 'legacy',
        focusKey: null,
      },
    ]);
    expect(router.history().index).toBe(2);
    expect(ports.callsTo('mountOffscreen').map((call) => call.route)).toEqual(['details']);
    expect(ports.syncs()).toHaveLength(1);
    expectSettledScreen(harness);
  });

  it('has a way back: Back lands on the parent, then on the root', async () => {
    const harness = await deepLinked({ route: 'details', params: { id: 't0164', profile: 'p2' } });
    const { router, ports } = harness;
    router.back();
    await settle();
    expect(routes(router)).toEqual(['home', 'collections*', 'details']);
    expect(ports.lastMount()).toMatchObject({ world: 'wasm', entry: { route: 'collections' } });
    router.back();
    await settle();
    expect(routes(router)).toEqual(['home*', 'collections', 'details']);
    router.forward();
    await settle();
    expect(routes(router)).toEqual(['home', 'collections*', 'details']);
    expectSettledScreen(harness);
  });

  it('falls back to the root page beneath it when a parent cannot be built', async () => {
    const harness = await deepLinked({ route: 'details', params: { id: 't0164' } });
    expect(routes(harness.router)).toEqual(['home', 'details*']);
    harness.router.back();
    await settle();
    expect(routes(harness.router)).toEqual(['home*', 'details']);
    expectSettledScreen(harness);
  });

  it('the root page itself has nothing beneath it', async () => {
    const harness = await deepLinked({ route: 'home', params: {} });
    expect(routes(harness.router)).toEqual(['home*']);
  });

  it('a deep link the app does not have opens the root page alone', async () => {
    const ports = new FakePorts();
    const router = createRouter(ports, {
      rootRoute: 'home',
      routes: ['home', 'details'],
      initial: { route: 'nope', params: {} },
      parentsOf,
    });
    await router.start();
    expect(routes(router)).toEqual(['home*']);
  });
});
