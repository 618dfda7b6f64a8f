import type { HistoryEntry, HistorySync, Params, WorldId } from '../bridge/index.ts';

/**
 * How the browser's history follows a commit:
 * - `push` / `replace`: `pushState` / `replaceState` with the entry's URL and key;
 * - `back` / `forward`: the router moved one entry (the remote's Back key): `history.back()` /
 *   `history.forward()`, so the browser's stack stays the same shape as the router's (a replace
 *   would overwrite the entry being left, a push would grow the wrong way). The popstate this
 *   causes names the entry that is already current, which the router ignores;
 * - `none`: the browser already moved (popstate), or the URL is unchanged (a crashed page was
 *   remounted in the other world).
 */
export type UrlSyncMode = 'push' | 'replace' | 'back' | 'forward' | 'none';

/** Who asked for a navigation: a page of a world, the browser's URL (a deep link), or the host itself. */
export type RequestOrigin = WorldId | 'url' | 'host';

/** A navigation request the router refused (it changed nothing); the host logs and counts it. */
export interface NavigationRefusal {
  /** What was asked: `navigate`, `replace`, `reset`, or `start` (the first page, from the URL). */
  readonly request: 'navigate' | 'replace' | 'reset' | 'start';
  /** The route as asked (possibly malformed), clipped to 100 characters. */
  readonly route: string;
  readonly origin: RequestOrigin;
  /** One line naming the route, who asked and what was wrong. */
  readonly message: string;
}

/**
 * Everything the router needs from the outside world. The host implements it; the router stays
 * pure logic that never touches the DOM, a worker or a page. Synchronous ports must not throw: a
 * throw stops the navigation machine (a host bug, surfaced through the actor's error).
 *
 * Mount/unmount contract: every `mountOffscreen` call is followed by exactly one `unmount` of the
 * same world and entry, whether the page was shown, superseded while mounting, or failed, so the
 * host can free whatever it had started. `unmount` may therefore arrive before the mount promise
 * settles (the host cancels it) or after it rejected.
 *
 * @example
 * const ports: RouterPorts = {
 *   chooseWorld: (route) => (plan.isPorted(route) ? 'wasm' : 'legacy'),
 *   loadWorld: (world) => (world === 'wasm' ? wasmWorld.ready() : Promise.resolve()),
 *   mountOffscreen: (world, entry) => worlds[world].mountHidden(entry),
 *   reveal: (world, entry) => painter.show(world, entry.key),
 *   unmount: (world, entry) => worlds[world].unmount(entry.key),
 *   handOverFocus: (world, entry, focusKey) => focus.handOver(world, focusKey),
 *   syncHistory: (sync) => { legacy.deliver(sync); wasm.deliver(sync); },
 *   syncUrl: (entry, mode) => browserHistory.follow(entry, mode),
 *   currentFocusKey: () => focus.focusedKey(),
 *   pageFailed: (world, entry, reason) => breaker.recordCrash(entry.route, now()),
 *   navigationRefused: (refusal) => telemetry.record('navigation.refused', refusal, now()),
 * };
 */
export interface RouterPorts {
  /**
   * The world to serve this page (plan, rollout, capability, QA overrides, breaker: all the
   * host's). Called on every mount, including re-visits, because the answer can change (a tripped
   * breaker); the committed entry records the world that actually served it.
   */
  chooseWorld(route: string, params: Params): WorldId;
  /**
   * Makes the world ready (start the worker, load the page module). Called before every mount;
   * it should resolve at once when the world is already up, because only the host knows whether
   * its watchdog restarted a worker. Rejects with the reason the world cannot load.
   */
  loadWorld(world: WorldId): Promise<void>;
  /** Mounts the page hidden; resolves on its first complete frame, rejects on a crash or failure. */
  mountOffscreen(world: WorldId, entry: HistoryEntry): Promise<void>;
  /** Makes this page the one visible page (the previously visible one is hidden by the swap). */
  reveal(world: WorldId, entry: HistoryEntry): void;
  /** Drops the page and its scene (see the mount/unmount contract above). */
  unmount(world: WorldId, entry: HistoryEntry): void;
  /** Blurs the old world and focuses `focusKey` on the new page, or its initial focus when null. */
  handOverFocus(world: WorldId, entry: HistoryEntry, focusKey: string | null): void;
  /** Delivers the whole stack to both worlds; `seq` grows by one per commit. */
  syncHistory(sync: HistorySync): void;
  /** Makes the browser's history follow a commit (see `UrlSyncMode`). */
  syncUrl(entry: HistoryEntry, mode: UrlSyncMode): void;
  /** The focused node's key on the visible page, saved into the entry being left. */
  currentFocusKey(): string | null;
  /** A page failed to load, mount or keep running in `world`: lets the host trip its breaker. */
  pageFailed(world: WorldId, entry: HistoryEntry, reason: string): void;
  /**
   * A request was refused (a route the app does not have, a malformed route or params): the
   * router changed nothing and keeps working; the host tells the developer and counts it.
   */
  navigationRefused(refusal: NavigationRefusal): void;
}
