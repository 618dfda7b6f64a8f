import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createRouter,
  entryUrl,
  followBrowserHistory,
  type PageRef,
  type Router,
} from '../../../router/index.ts';
import { FakeBrowser } from './fake-browser.ts';
import { FakePorts, pageId, settle } from './fake-ports.ts';

const SESSION = 'test-session';

interface App {
  readonly router: Router;
  readonly ports: FakePorts;
  readonly browser: FakeBrowser;
  readonly follower: ReturnType<typeof followBrowserHistory>;
  readonly started: Promise<void>;
}

/** A router on fake ports, followed by a fake browser landed on `landingUrl`, start sent. */
function app(
  options: {
    landingUrl?: string;
    initial?: PageRef;
    parentsOf?: (page: PageRef) => readonly PageRef[];
    held?: boolean;
  } = {},
): App {
  const ports = new FakePorts();
  ports.worldFor = (route) => (route === 'collections' || route === 'home' ? 'wasm' : 'legacy');
  if (options.held === true) {
    ports.autoLoad = false;
    ports.autoMount = false;
  }
  const router = createRouter(ports, {
    rootRoute: 'home',
    ...(options.initial === undefined ? {} : { initial: options.initial }),
    ...(options.parentsOf === undefined ? {} : { parentsOf: options.parentsOf }),
  });
  const browser = new FakeBrowser(options.landingUrl ?? '/');
  const follower = followBrowserHistory(router, browser, {
    session: SESSION,
    urlOf: (entry) => entryUrl(entry),
  });
  browser.onPopstate = (state) => follower.popstate(state);
  return { router, ports, browser, follower, started: router.start() };
}

/** Lets the worlds answer everything and the browser run every traversal, until nothing moves. */
async function settleAll({ ports, browser, router }: App): Promise<void> {
  for (let round = 0; round < 100; round += 1) {
    await settle();
    const open = [...ports.loads, ...ports.mounts].filter((call) => !call.deferred.settled);
    for (const call of open) call.deferred.resolve();
    const travelled = browser.traverse();
    if (open.length === 0 && !travelled && !router.isSwitching()) return;
  }
  throw new Error('the app did not come to rest');
}

/**
 * The three followers of one history agree: the visible page is the router's current entry, the
 * browser shows its URL, and the browser's entries around it are the router's stack, so its back
 * and forward buttons lead where the router's would.
 */
function expectAgreement({ router, ports, browser }: App): void {
  expect(router.isSwitching()).toBe(false);
  expect(ports.violations).toEqual([]);
  const { entries, index } = router.history();
  const current = entries[index];
  if (current === undefined) throw new Error('nothing committed');
  expect(router.visible()).toEqual(current);
  expect(ports.visible).toBe(pageId(current.world, current.key));
  expect(browser.url).toBe(entryUrl(current));
  expect(browser.currentKey()).toBe(current.key);
  const base = browser.index - index;
  expect(browser.keys().slice(base, base + entries.length)).toEqual(entries.map((entry) => entry.key));
}

describe('the browser follows the router', () => {
  it('writes the first page over the landing entry, then pushes, and the remote Back is a go(-1)', async () => {
    const a = app();
    await a.started;
    expect(a.browser.entries.map((e) => e.url)).toEqual(['/home']);
    a.router.navigate('details', { id: 't1' });
    await settleAll(a);
    expect(a.browser.entries.map((e) => e.url)).toEqual(['/home', '/details?id=t1']);
    a.router.back();
    await settle();
    expect(a.browser.queue).toEqual([-1]);
    expect(a.follower.mirror().travelling).toBe(0);
    await settleAll(a);
    // The echo of our own go(-1) was not taken for the viewer's move.
    expect(a.ports.callsTo('mountOffscreen').map((call) => call.route)).toEqual(['home', 'details', 'home']);
    expectAgreement(a);
  });

  it("hands the viewer's back and forward buttons to the router", async () => {
    const a = app();
    await a.started;
    a.router.navigate('details', { id: 't1' });
    await settleAll(a);
    a.browser.back();
    await settleAll(a);
    expect(a.router.history().index).toBe(0);
    a.browser.forward();
    await settleAll(a);
    expect(a.router.history().index).toBe(1);
    expectAgreement(a);
  });

  it('puts a deep link on top of its parents in the browser too, so the back button agrees', async () => {
    const a = app({
      landingUrl: '/details?id=t0164&profile=p2',
      initial: { route: 'details', params: { id: 't0164', profile: 'p2' } },
      parentsOf: (page) => [
        { route: 'home', params: {} },
        { route: 'collections', params: { profile: page.params['profile'] ?? '' } },
      ],
    });
    await a.started;
    expect(a.browser.entries.map((e) => e.url)).toEqual([
      '/home',
      '/collections?profile=p2',
      '/details?id=t0164&profile=p2',
    ]);
    expect(a.browser.index).toBe(2);
    a.browser.back();
    await settleAll(a);
    expect(a.router.visible()?.route).toBe('collections');
    a.router.back(); // the remote's Back, from collections
    await settleAll(a);
    expect(a.router.visible()?.route).toBe('home');
    expectAgreement(a);
  });

  it('Back while a browser-back is still mounting: one step, and the URL stays with the page', async () => {
    // The reported walk: search on [profiles, collections, search]; the browser's back button
    // starts a move to collections (the browser is already there), then Escape arrives.
    const a = app();
    await a.started;
    a.router.navigate('collections', { profile: 'p2' });
    await settleAll(a);
    a.router.navigate('search', { profile: 'p2' });
    await settleAll(a);
    a.ports.autoMount = false;
    a.browser.back();
    a.browser.traverse(); // popstate: the router starts mounting collections
    expect(a.router.isSwitching()).toBe(true);
    a.router.back(); // Escape, from what is on screen (search): to collections
    await settleAll(a);
    expect(a.router.visible()?.route).toBe('collections');
    expectAgreement(a);
    a.browser.back();
    await settleAll(a);
    expect(a.router.visible()?.route).toBe('home');
    expectAgreement(a);
  });

  it("a page's navigate while a browser-back is mounting pushes from the right entry", async () => {
    const a = app();
    await a.started;
    a.router.navigate('collections', { profile: 'p2' });
    await settleAll(a);
    a.router.navigate('search', { profile: 'p2' });
    await settleAll(a);
    a.ports.autoMount = false;
    a.browser.back();
    a.browser.traverse();
    a.router.navigate('details', { id: 't1' }, 'legacy'); // search's select, already on its way
    await settleAll(a);
    expectAgreement(a);
    a.router.back();
    await settleAll(a);
    expect(a.router.visible()?.route).toBe('search');
    expectAgreement(a);
  });

  it('moves the browser back to the current entry when it lands on one the router no longer has', async () => {
    const a = app();
    await a.started;
    a.router.navigate('details', { id: 't1' });
    await settleAll(a);
    a.router.reset({ route: 'settings', params: {} });
    await settleAll(a);
    expect(a.router.history().entries).toHaveLength(1);
    a.browser.back(); // to /home, from before the reset
    await settleAll(a);
    expect(a.router.visible()?.route).toBe('settings');
    expectAgreement(a);
  });

  it('ignores a popstate for an entry of another page load, and takes the browser back to the app', async () => {
    const a = app();
    await a.started;
    a.follower.popstate({ ficus: { session: 'an-older-load', key: 'e1' } });
    a.follower.popstate(null);
    await settleAll(a);
    expectAgreement(a);
  });
});

type Step =
  | { readonly kind: 'navigate'; readonly route: string; readonly from: 'legacy' | 'wasm' }
  | { readonly kind: 'replace'; readonly route: string }
  | { readonly kind: 'remoteBack' | 'browserBack' | 'browserForward' | 'traverse' | 'settle' }
  | { readonly kind: 'answer'; readonly pick: number; readonly fail: boolean };

const ROUTES = ['home', 'collections', 'search', 'details'] as const;
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('navigate' as const),
      route: fc.constantFrom(...ROUTES),
      from: fc.constantFrom('legacy' as const, 'wasm' as const),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('replace' as const), route: fc.constantFrom(...ROUTES) }),
  },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('remoteBack' as const) }) },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constantFrom('browserBack' as const, 'browserForward' as const) }),
  },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('traverse' as const) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('settle' as const) }) },
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('answer' as const),
      pick: fc.nat(3),
      fail: fc.nat(9).map((n) => n === 0),
    }),
  },
);

function apply(s: Step, a: App): Promise<void> | undefined {
  switch (s.kind) {
    case 'navigate':
      a.router.navigate(s.route, { id: s.route }, s.from);
      return;
    case 'replace':
      a.router.replace(s.route, {}, 'legacy');
      return;
    case 'remoteBack':
      a.router.back();
      return;
    case 'browserBack':
      a.browser.back();
      return;
    case 'browserForward':
      a.browser.forward();
      return;
    case 'traverse':
      a.browser.traverse();
      return;
    case 'settle':
      return settle();
    case 'answer': {
      const open = [...a.ports.loads, ...a.ports.mounts].filter((call) => !call.deferred.settled);
      const call = open[open.length - 1 - (s.pick % Math.max(open.length, 1))];
      if (call === undefined) return;
      if (s.fail) call.deferred.reject(new Error('the world said no'));
      else call.deferred.resolve();
      return;
    }
  }
}

describe('the router, the page and the URL never part (property)', () => {
  it('agree once everything settles, whatever the order of keys, buttons, echoes and mounts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 80 }), async (steps) => {
        const a = app({ held: true });
        for (const s of steps) await apply(s, a);
        await settleAll(a);
        if (a.router.failure() === null) expectAgreement(a);
        else {
          // A page no world could serve: the page on screen stays, and so does its URL.
          const visible = a.router.visible();
          if (visible !== undefined) expect(a.browser.currentKey()).toBe(visible.key);
        }
        a.router.stop();
      }),
      { numRuns: 500 },
    );
  });
});
