import { describe, expect, it } from 'vitest';
import { createRouter } from '../../../router/index.ts';
import { FakePorts, settle } from './fake-ports.ts';
import { expectSettledScreen, type Harness, routes } from './router-harness.ts';

const ROUTES = ['home', 'details', 'search'] as const;

/** A router that knows the app's routes, started on `initial` (or home) and at rest. */
async function routerWithRoutes(initial?: {
  route: string;
  params: Record<string, string>;
}): Promise<Harness> {
  const ports = new FakePorts();
  // A host whose world choice throws for a route it does not know, as the plan's policy does.
  ports.worldFor = (route) => {
    if (!(ROUTES as readonly string[]).includes(route)) throw new Error(`unknown route "${route}"`);
    return 'legacy';
  };
  const router = createRouter(ports, {
    rootRoute: 'home',
    routes: ROUTES,
    ...(initial === undefined ? {} : { initial }),
  });
  await router.start();
  return { router, ports };
}

const refusals = ({ ports }: Harness) => ports.callsTo('navigationRefused').map((call) => call.refusal);

describe('a request for a route the app does not have', () => {
  it('is refused, naming the route and who asked, and a good navigate still works', async () => {
    const harness = await routerWithRoutes();
    const { router, ports } = harness;
    expect(router.navigate('nope', {}, 'wasm')).toBe(false);
    expect(router.replace('nope-either', { a: '1' }, 'legacy')).toBe(false);
    await settle();
    expect(refusals(harness)).toEqual([
      {
        request: 'navigate',
        route: 'nope',
        origin: 'wasm',
        message:
          'navigate to "nope" refused, asked by a page of the wasm world: the app has no such page (routes: home, details, search)',
      },
      {
        request: 'replace',
        route: 'nope-either',
        origin: 'legacy',
        message:
          'replace to "nope-either" refused, asked by a page of the legacy world: the app has no such page (routes: home, details, search)',
      },
    ]);
    expect(router.isSwitching()).toBe(false);
    expect(ports.callsTo('chooseWorld').map((call) => call.route)).toEqual(['home']);

    expect(router.navigate('details', { id: 't1' }, 'wasm')).toBe(true);
    await settle();
    expect(routes(router)).toEqual(['home', 'details*']);
    expectSettledScreen(harness);
  });

  it('from the URL opens the root page instead, and says so', async () => {
    const harness = await routerWithRoutes({ route: 'nope', params: { id: 't1' } });
    expect(routes(harness.router)).toEqual(['home*']);
    expect(refusals(harness)).toEqual([
      expect.objectContaining({ request: 'start', route: 'nope', origin: 'url' }),
    ]);
    expect(refusals(harness)[0]?.message).toMatch(/^start to "nope" refused, asked by the URL: /);
    expectSettledScreen(harness);
  });

  it('refuses a root route that is not one of the routes when the router is made', () => {
    expect(() => createRouter(new FakePorts(), { rootRoute: 'home', routes: ['details'] })).toThrow(
      'rootRoute "home" is not one of the routes (details)',
    );
  });
});

describe('a world choice that throws (a host bug)', () => {
  it('fails that switch, keeps the page on screen, and the router keeps working', async () => {
    const ports = new FakePorts();
    ports.worldFor = (route) => {
      if (route === 'search') throw new Error('no plan entry');
      return 'legacy';
    };
    const router = createRouter(ports, { rootRoute: 'home' });
    await router.start();
    router.navigate('search', {});
    await settle();
    expect(router.failure()?.reason).toBe('choosing a world for "search" failed: no plan entry');
    expect(router.visible()?.route).toBe('home');
    router.navigate('details', { id: 't1' });
    await settle();
    expect(routes(router)).toEqual(['home', 'details*']);
    expectSettledScreen({ router, ports });
  });
});
