import { createActor, type InspectionEvent, waitFor } from 'xstate';
import {
  describeIssue,
  type HistoryEntry,
  type Params,
  ParamsSchema,
  RouteSchema,
  type WorldId,
} from '../bridge/index.ts';
import {
  currentEntry,
  type HistoryStack,
  indexOfKey,
  type KeyCounter,
  type PageRef,
} from './history-stack.ts';
import type { RouterFailure } from './navigation-context.ts';
import type { NavigationEvent } from './navigation-events.ts';
import { navigationMachine } from './navigation-machine.ts';
import type { NavigationRefusal, RequestOrigin, RouterPorts } from './ports.ts';
import {
  committedStack,
  isSwitching,
  type NavigationSnapshot,
  routerFailure,
  visibleEntry,
} from './selectors.ts';

export interface RouterOptions {
  /** The app's home page: where `/` and a bare `reset()` lead. */
  readonly rootRoute: string;
  /**
   * The routes the app has (the plan's pages). A request for any other route is refused through
   * `navigationRefused` and changes nothing. Absent: every well-formed route is accepted.
   */
  readonly routes?: readonly string[];
  /**
   * The page to start on (a deep link, from the URL); the root route when absent. One the app
   * does not have is refused (origin `url`) and the root page opens instead.
   */
  readonly initial?: PageRef;
  /**
   * The pages beneath a deep link, oldest first (its parents, down to the root page), so Back
   * from it lands on a real page: the synthetic back stack. Asked once, at start. Absent: none.
   */
  readonly parentsOf?: (page: PageRef) => readonly PageRef[];
  /** Where entry keys start (default e1, e2, ...). */
  readonly keys?: KeyCounter;
  /**
   * Watches the navigation machine with XState's inspection API (`createActor`'s `inspect`):
   * every event, transition, snapshot and action, as they happen. For devtools; absent, nothing
   * is recorded. It must not throw, nor send the router anything.
   *
   * @example
   * createRouter(ports, { rootRoute: 'home', inspect: (e) => e.type === '@xstate.event' && console.debug(e.event) });
   */
  readonly inspect?: (event: InspectionEvent) => void;
}

/** What a subscriber sees after every change. */
export interface RouterState {
  readonly switching: boolean;
  readonly visible: HistoryEntry | undefined;
  readonly history: HistoryStack;
  readonly failure: RouterFailure | null;
}

export interface Router {
  /**
   * The first navigation: the deep-linked page with its parents beneath it (`parentsOf`), or the
   * root. Resolves when the router is at rest again (committed, or `failed`: see `failure()`).
   * Call it once.
   */
  start(): Promise<void>;
  /**
   * Opens a page on top of the current one. False when the request was refused (see
   * `RouterOptions.routes`); `origin` says who asked, for the refusal's message (default `host`).
   */
  navigate(route: string, params?: Params, origin?: RequestOrigin): boolean;
  /** Swaps the current entry for another page; false when refused, like `navigate`. */
  replace(route: string, params?: Params, origin?: RequestOrigin): boolean;
  /**
   * Serves the page on screen again, freshly mounted, on the same history entry position and URL,
   * focus kept where the viewer is when the new page has that key (a live reload of its module).
   * False when nothing is on screen yet.
   */
  reload(): boolean;
  /** One entry back; nothing at the root. */
  back(): void;
  /** One entry forward; nothing at the end. */
  forward(): void;
  /** Starts over with a one-entry stack (`page`, or the root); false when `page` was refused. */
  reset(page?: PageRef, origin?: RequestOrigin): boolean;
  /**
   * The browser moved to the entry with this key. False when the key is not in the history (an
   * entry from before a reset): the router stays put and the host may restore the URL.
   */
  popstate(entryKey: string): boolean;
  /** A page of `world` serving `entryKey` crashed (visible, or still mounting). */
  pageCrashed(world: WorldId, entryKey: string, reason?: string): void;
  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: (state: RouterState) => void): () => void;
  /** True while a page switch is in progress: keys must not reach any page. */
  isSwitching(): boolean;
  /** The page on screen. */
  visible(): HistoryEntry | undefined;
  /** The committed history. */
  history(): HistoryStack;
  /** Why the last navigation failed in both worlds, or null. */
  failure(): RouterFailure | null;
  /** Stops the machine; later calls are ignored. */
  stop(): void;
}

/**
 * The router a host uses: the navigation machine running as an actor, behind plain methods.
 * Routes and params are checked against the bridge's schemas here, because an entry that breaks
 * the `history.sync` contract would make every follower reject the history from then on.
 *
 * @example
 * const router = createRouter(ports, {
 *   rootRoute: 'home',
 *   routes: ['home', 'details', 'playback'],
 *   initial: { route: 'details', params: { id: 't1' } },
 *   parentsOf: () => [{ route: 'home', params: {} }],
 * });
 * await router.start();                 // history: [home, details*]
 * router.navigate('nope', {}, 'wasm');  // false: refused through ports.navigationRefused
 * router.navigate('playback', { id: 't1' });
 * router.isSwitching();                 // true until playback's first frame is revealed and committed
 */
export function createRouter(ports: RouterPorts, options: RouterOptions): Router {
  const routes = options.routes?.map(checkRoute);
  const rootRoute = checkRoute(options.rootRoute);
  if (routes !== undefined && !routes.includes(rootRoute)) {
    throw new TypeError(`rootRoute "${rootRoute}" is not one of the routes (${routes.join(', ')})`);
  }
  const actor = createActor(navigationMachine, {
    input: { ports, rootRoute, ...(options.keys === undefined ? {} : { keys: options.keys }) },
    ...(options.inspect === undefined ? {} : { inspect: options.inspect }),
  }).start();
  let started = false;
  let stopped = false;
  const send = (event: NavigationEvent) => {
    if (!stopped) actor.send(event);
  };
  const snapshot = (): NavigationSnapshot => actor.getSnapshot();
  /** The page when it can be opened; otherwise the refusal is reported and undefined returned. */
  const accepted = (
    request: NavigationRefusal['request'],
    page: PageRef,
    origin: RequestOrigin,
  ): PageRef | undefined => {
    const checked = checkRequest(page, routes);
    if (checked.ok) return checked.page;
    const route = String(page.route).slice(0, 100);
    ports.navigationRefused({
      request,
      route,
      origin,
      message: `${request} to ${JSON.stringify(route)} refused, asked by ${ORIGIN_NAMES[origin]}: ${checked.problem}`,
    });
    return undefined;
  };
  const request = (type: 'NAVIGATE' | 'REPLACE', page: PageRef, origin: RequestOrigin): boolean => {
    const checked = stopped
      ? undefined
      : accepted(type === 'NAVIGATE' ? 'navigate' : 'replace', page, origin);
    if (checked === undefined) return false;
    send({ type, ...checked });
    return true;
  };

  return {
    async start() {
      if (started) throw new Error('the router was already started');
      started = true;
      const root = { route: rootRoute, params: {} };
      const page = (options.initial && accepted('start', options.initial, 'url')) ?? root;
      const beneath = (options.parentsOf?.(page) ?? []).map((parent) => {
        const checked = checkRequest(parent, routes);
        if (!checked.ok) throw new TypeError(`parentsOf(${page.route}) gave a bad page: ${checked.problem}`);
        return checked.page;
      });
      send({ type: 'RESET', page, ...(beneath.length === 0 ? {} : { beneath }) });
      await waitFor(actor, (state) => !isSwitching(state));
    },
    navigate: (route, params = {}, origin = 'host') => request('NAVIGATE', { route, params }, origin),
    replace: (route, params = {}, origin = 'host') => request('REPLACE', { route, params }, origin),
    reload() {
      const shown = stopped ? undefined : currentEntry(actor.getSnapshot().context.stack);
      if (shown === undefined) return false;
      send({ type: 'REPLACE', route: shown.route, params: shown.params, reload: true });
      return true;
    },
    back: () => send({ type: 'BACK' }),
    forward: () => send({ type: 'FORWARD' }),
    reset(page, origin = 'host') {
      if (page === undefined) {
        send({ type: 'RESET' });
        return !stopped;
      }
      const checked = stopped ? undefined : accepted('reset', page, origin);
      if (checked === undefined) return false;
      send({ type: 'RESET', page: checked });
      return true;
    },
    popstate(entryKey) {
      const known = indexOfKey(committedStack(snapshot()), entryKey) >= 0;
      send({ type: 'POPSTATE', entryKey });
      return known;
    },
    pageCrashed: (world, entryKey, reason) =>
      send({ type: 'PAGE_CRASHED', world, entryKey, ...(reason === undefined ? {} : { reason }) }),
    subscribe(listener) {
      const subscription = actor.subscribe((state) => listener(stateOf(state)));
      return () => subscription.unsubscribe();
    },
    isSwitching: () => isSwitching(snapshot()),
    visible: () => visibleEntry(snapshot()),
    history: () => committedStack(snapshot()),
    failure: () => routerFailure(snapshot()),
    stop: () => {
      stopped = true;
      actor.stop();
    },
  };
}

function stateOf(snapshot: NavigationSnapshot): RouterState {
  return {
    switching: isSwitching(snapshot),
    visible: visibleEntry(snapshot),
    history: committedStack(snapshot),
    failure: routerFailure(snapshot),
  };
}

const ORIGIN_NAMES: Readonly<Record<RequestOrigin, string>> = {
  legacy: 'a page of the legacy world',
  wasm: 'a page of the wasm world',
  url: 'the URL',
  host: 'the host',
};

function checkRoute(route: string): string {
  const result = RouteSchema.check(route);
  if (!result.ok) throw new TypeError(`route ${JSON.stringify(route)} ${describeIssue(result.issue)}`);
  return route;
}

type CheckedRequest =
  | { readonly ok: true; readonly page: PageRef }
  | { readonly ok: false; readonly problem: string };

/**
 * A request's page as the history may hold it: a route of the app (when `routes` is known) in the
 * bridge's route shape, and params the `history.sync` contract accepts (an entry breaking it would
 * make every follower reject the history from then on).
 */
function checkRequest(page: PageRef, routes: readonly string[] | undefined): CheckedRequest {
  const route = RouteSchema.check(page.route);
  if (!route.ok) return { ok: false, problem: `the route ${describeIssue(route.issue)}` };
  if (routes !== undefined && !routes.includes(route.value)) {
    return { ok: false, problem: `the app has no such page (routes: ${routes.join(', ')})` };
  }
  const params = ParamsSchema.check(page.params);
  if (!params.ok) return { ok: false, problem: `params ${describeIssue(params.issue)}` };
  return { ok: true, page: { route: route.value, params: params.value } };
}
