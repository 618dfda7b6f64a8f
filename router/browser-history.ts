import type { HistoryEntry } from '../bridge/index.ts';
import type { HistoryStack } from './history-stack.ts';
import type { Router } from './router.ts';

/**
 * Makes the browser's session history follow the router's committed history, and hands the
 * viewer's back/forward buttons to the router: the browser is the third follower of the one
 * history, and a requester.
 *
 * Why a follower with a model of the browser rather than replaying each commit's `UrlSyncMode`:
 * `history.back()` / `go()` are asynchronous (the popstate comes later), while `pushState` is not,
 * and the viewer's own back/forward arrive on the same channel. Replaying modes assumed the browser
 * stood on the committed entry when the next commit came, which is false while a popstate-driven
 * move is pending (the browser already stands on its target) and while a `history.back()` is still
 * on its way. A popstate-driven move superseded by Back or a page's navigate then moved the browser
 * a second step from the wrong place, or pushed from the wrong entry, and an echo arriving after
 * the router had moved on was taken for the viewer's own move: the URL and the page parted.
 *
 * So the follower keeps `mirror`, the browser entries it wrote (keys, oldest first) and which one
 * the browser is on. When the router is at rest it brings the browser to the router's committed
 * stack with the fewest steps: `replaceState` / `pushState` where entries differ, one `go(delta)`
 * to the current entry. While a `go` it issued is on its way it issues nothing; the popstate that
 * lands where it aimed is its echo, and any other popstate is the viewer moving, passed to
 * `router.popstate`. A popstate names the entry the browser is really on, so the mirror is
 * corrected on every one, whatever the browser did with traversals queued together. An entry the
 * router no longer has (from before a reset) is answered by moving the browser back to the
 * router's current entry.
 *
 * @example
 * const follower = followBrowserHistory(router, {
 *   pushState: (state, url) => history.pushState(state, '', url),
 *   replaceState: (state, url) => history.replaceState(state, '', url),
 *   go: (delta) => history.go(delta),
 * }, { session: crypto.randomUUID(), urlOf: (entry) => entryUrl(entry) });
 * window.addEventListener('popstate', (event) => follower.popstate(event.state));
 * await router.start(); // a deep link: replaceState(parent), pushState(page)
 */
export function followBrowserHistory(
  router: Router,
  browser: BrowserHistoryPort,
  options: BrowserHistoryOptions,
): BrowserHistoryFollower {
  // The entry the app was loaded on is the browser's current one, not yet written by us.
  let keys: Array<string | null> = [null];
  let index = 0;
  /** Where a `go` we issued should land; null when none is on its way. */
  let travelling: number | null = null;
  let stopped = false;

  const stateOf = (entry: HistoryEntry): BrowserEntryState => ({
    ficus: { session: options.session, key: entry.key },
  });

  const travel = (target: number) => {
    travelling = target;
    browser.go(target - index);
  };

  /** Brings the browser to `stack` (the router at rest), or as far as one `go` allows. */
  const reconcile = (stack: HistoryStack) => {
    if (stopped || travelling !== null || stack.index < 0) return;
    const wanted = stack.entries;
    // Every step below fixes one more entry, so the loop ends; the bound only guards a bug.
    for (let step = 0; step <= wanted.length + 1; step += 1) {
      const found = keys.indexOf(wanted[0]?.key ?? null);
      // The router's oldest entry is where the browser's copy of the stack starts; after a reset
      // (a stack of new keys) the copy starts on the entry the browser is on.
      const base = found < 0 ? index : found;
      let same = 0;
      while (same < wanted.length && keys[base + same] === wanted[same]?.key) same += 1;
      if (same === wanted.length) {
        if (index !== base + stack.index) travel(base + stack.index);
        return;
      }
      const differs = base + same;
      const entry = wanted[same];
      if (entry === undefined) return;
      if (index === differs) {
        browser.replaceState(stateOf(entry), options.urlOf(entry));
        keys[differs] = entry.key;
      } else if (same > 0 && index === differs - 1) {
        browser.pushState(stateOf(entry), options.urlOf(entry));
        keys = [...keys.slice(0, differs), entry.key];
        index = differs;
      } else {
        // Stand next to the first entry that differs, then write from there.
        travel(index < differs ? differs - 1 : differs);
        return;
      }
    }
  };

  const subscription = router.subscribe((state) => {
    if (!state.switching) reconcile(state.history);
  });

  return {
    popstate(state) {
      if (stopped) return;
      const key = keyOf(state, options.session);
      const at = key === null ? -1 : keys.indexOf(key);
      const aimedAt = travelling;
      travelling = null;
      if (at < 0) {
        // An entry we did not write (or lost track of): start the copy again from here.
        keys = [key];
        index = 0;
      } else {
        index = at;
        // Our own go landing where it aimed: nothing the viewer did.
        if (at !== aimedAt && key !== null) router.popstate(key);
      }
      // A move the router refused or ignored, or an echo: bring the browser to the router now.
      // (A move it accepted is followed when that switch is at rest.)
      if (!router.isSwitching()) reconcile(router.history());
    },
    mirror: () => ({ keys: [...keys], index, travelling }),
    stop() {
      stopped = true;
      subscription();
    },
  };
}

/** The browser's History API, as the follower uses it. */
export interface BrowserHistoryPort {
  pushState(state: BrowserEntryState, url: string): void;
  replaceState(state: BrowserEntryState, url: string): void;
  /** `history.go(delta)`: asynchronous; the browser answers with a popstate. */
  go(delta: number): void;
}

export interface BrowserHistoryOptions {
  /**
   * Unique per page load: entries a previous load of the app wrote carry other keys' owners, and
   * their keys (e1, e2, ...) would otherwise be mistaken for this load's.
   */
  readonly session: string;
  /** The URL for an entry (`entryUrl`, with any QA overrides kept). */
  readonly urlOf: (entry: HistoryEntry) => string;
}

/** What the follower keeps in each browser entry's `history.state`. */
export interface BrowserEntryState {
  readonly ficus: { readonly session: string; readonly key: string };
}

export interface BrowserHistoryFollower {
  /** The browser's `popstate` event's `state`. */
  popstate(state: unknown): void;
  /**
   * What the follower believes: the browser entries it wrote (null for one it did not), the one the
   * browser is on, and where a `go` still on its way should land. For tests and debugging.
   */
  mirror(): {
    readonly keys: ReadonlyArray<string | null>;
    readonly index: number;
    readonly travelling: number | null;
  };
  /** Stops following the router and ignores later popstates. */
  stop(): void;
}

/** The router entry key in a `history.state` written by this session, or null. */
function keyOf(state: unknown, session: string): string | null {
  if (typeof state !== 'object' || state === null || !('ficus' in state)) return null;
  const ficus: unknown = state.ficus;
  if (typeof ficus !== 'object' || ficus === null) return null;
  if (!('session' in ficus) || ficus.session !== session) return null;
  if (!('key' in ficus) || typeof ficus.key !== 'string') return null;
  return ficus.key;
}
