import { createActor, waitFor } from 'xstate';
import {
  describeIssue,
  type HistoryEntry,
  type Params,
  ParamsSchema,
  RouteSchema,
  type WorldId,
} from '../bridge/index.ts';
import { type HistoryStack, indexOfKey, type KeyCounter, type PageRef } from './history-stack.ts';
import type { RouterFailure } from './navigation-context.ts';
import type { NavigationEvent } from './navigation-events.ts';
import { navigationMachine } from './navigation-machine.ts';
import type { RouterPorts } from './ports.ts';
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
  /** The page to start on (a deep link); the root route when absent. */
  readonly initial?: PageRef;
  /** Where entry keys start (default e1, e2, ...). */
  readonly keys?: KeyCounter;
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
   * The first navigation: a one-entry stack with the deep-linked page, or the root. Resolves when
   * the router is at rest again (committed, or `failed`: see `failure()`). Call it once.
   */
  start(): Promise<void>;
  /** Opens a page on top of the current one. */
  navigate(route: string, params?: Params): void;
  /** Swaps the current entry for another page. */
  replace(route: string, params?: Params): void;
  /** One entry back; nothing at the root. */
  back(): void;
  /** One entry forward; nothing at the end. */
  forward(): void;
  /** Starts over with a one-entry stack (`page`, or the root). */
  reset(page?: PageRef): void;
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
 * const router = createRouter(ports, { rootRoute: 'home', initial: { route: 'details', params: { id: 't1' } } });
 * await router.start();                 // history: [details]
 * router.back();                        // nothing: details is the root of this history
 * router.navigate('playback', { id: 't1' });
 * router.isSwitching();                 // true until playback's first frame is revealed and committed
 */
export function createRouter(ports: RouterPorts, options: RouterOptions): Router {
  const actor = createActor(navigationMachine, {
    input: {
      ports,
      rootRoute: checkRoute(options.rootRoute),
      ...(options.keys === undefined ? {} : { keys: options.keys }),
    },
  }).start();
  let started = false;
  let stopped = false;
  const send = (event: NavigationEvent) => {
    if (!stopped) actor.send(event);
  };
  const snapshot = (): NavigationSnapshot => actor.getSnapshot();

  return {
    async start() {
      if (started) throw new Error('the router was already started');
      started = true;
      send({ type: 'RESET', page: checkPage(options.initial ?? { route: options.rootRoute, params: {} }) });
      await waitFor(actor, (state) => !isSwitching(state));
    },
    navigate: (route, params = {}) => send({ type: 'NAVIGATE', ...checkPage({ route, params }) }),
    replace: (route, params = {}) => send({ type: 'REPLACE', ...checkPage({ route, params }) }),
    back: () => send({ type: 'BACK' }),
    forward: () => send({ type: 'FORWARD' }),
    reset: (page) => send(page === undefined ? { type: 'RESET' } : { type: 'RESET', page: checkPage(page) }),
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

function checkRoute(route: string): string {
  const result = RouteSchema.check(route);
  if (!result.ok) throw new TypeError(`route ${JSON.stringify(route)} ${describeIssue(result.issue)}`);
  return route;
}

function checkPage(page: PageRef): PageRef {
  const params = ParamsSchema.check(page.params);
  if (!params.ok) throw new TypeError(`params of route "${page.route}" ${describeIssue(params.issue)}`);
  return { route: checkRoute(page.route), params: params.value };
}
