import type { HistoryEntry, HistorySync, Params, WorldId } from '../../../bridge/index.ts';
import type { NavigationRefusal, RouterPorts, UrlSyncMode } from '../../../router/index.ts';

/** A promise the test settles by hand, so it controls the order in which worlds answer. */
export interface Deferred {
  readonly promise: Promise<void>;
  resolve(): void;
  reject(reason: unknown): void;
  readonly settled: boolean;
}

export function deferred(): Deferred {
  let resolve = () => {};
  let reject: (reason: unknown) => void = () => {};
  let settled = false;
  const promise = new Promise<void>((res, rej) => {
    resolve = () => {
      settled = true;
      res();
    };
    reject = (reason) => {
      settled = true;
      rej(reason);
    };
  });
  // A rejection nobody awaits (the router dropped that attempt) is not a test failure.
  promise.catch(() => {});
  return {
    promise,
    resolve: () => resolve(),
    reject: (reason) => reject(reason),
    get settled() {
      return settled;
    },
  };
}

/** Lets every promise chain that is ready run (ports' promises → actor → next port call). */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export type PortCall =
  | { readonly port: 'chooseWorld'; readonly route: string }
  | { readonly port: 'loadWorld'; readonly world: WorldId }
  | { readonly port: 'mountOffscreen'; readonly world: WorldId; readonly key: string; readonly route: string }
  | { readonly port: 'reveal'; readonly world: WorldId; readonly key: string }
  | { readonly port: 'unmount'; readonly world: WorldId; readonly key: string }
  | {
      readonly port: 'handOverFocus';
      readonly world: WorldId;
      readonly key: string;
      readonly focusKey: string | null;
    }
  | { readonly port: 'syncHistory'; readonly sync: HistorySync }
  | { readonly port: 'syncUrl'; readonly key: string; readonly route: string; readonly mode: UrlSyncMode }
  | { readonly port: 'currentFocusKey' }
  | { readonly port: 'pageFailed'; readonly world: WorldId; readonly key: string; readonly reason: string }
  | { readonly port: 'navigationRefused'; readonly refusal: NavigationRefusal };

export interface PendingLoad {
  readonly world: WorldId;
  readonly deferred: Deferred;
}

export interface PendingMount extends PendingLoad {
  readonly entry: HistoryEntry;
}

/**
 * The host's side of `RouterPorts`, faked: records every call, hands out deferreds for loads and
 * mounts (settled automatically unless the test turns that off), and plays the screen: which
 * pages are mounted and which one is visible, recording any moment that breaks "exactly one page
 * is visible" in `violations`.
 */
export class FakePorts implements RouterPorts {
  readonly calls: PortCall[] = [];
  readonly loads: PendingLoad[] = [];
  readonly mounts: PendingMount[] = [];
  /** The host's world choice per route (default: everything in 'legacy'). */
  worldFor: (route: string, params: Params) => WorldId = () => 'legacy';
  /** What `currentFocusKey` answers: the focused node's key on the visible page. */
  focusKey: string | null = null;
  /** Settle loads / mounts at once; off to hold them pending and settle them by hand. */
  autoLoad = true;
  autoMount = true;
  /** A mount of (world, route) rejects with this reason when it returns a string. */
  mountFails: (world: WorldId, route: string) => string | undefined = () => undefined;
  loadFails: (world: WorldId) => string | undefined = () => undefined;

  /** Pages (world:key) mounted and not yet unmounted. */
  readonly mounted = new Set<string>();
  /** The page (world:key) the viewer sees: the last one revealed. */
  visible: string | null = null;
  /** Pages revealed and not yet unmounted: two only between a reveal and the old page's unmount. */
  readonly shown = new Set<string>();
  readonly violations: string[] = [];

  chooseWorld(route: string, params: Params): WorldId {
    this.calls.push({ port: 'chooseWorld', route });
    return this.worldFor(route, params);
  }

  loadWorld(world: WorldId): Promise<void> {
    this.calls.push({ port: 'loadWorld', world });
    const call = { world, deferred: deferred() };
    this.loads.push(call);
    if (this.autoLoad) settleWith(call.deferred, this.loadFails(world));
    return call.deferred.promise;
  }

  mountOffscreen(world: WorldId, entry: HistoryEntry): Promise<void> {
    this.calls.push({ port: 'mountOffscreen', world, key: entry.key, route: entry.route });
    const page = pageId(world, entry.key);
    if (this.mounted.has(page)) this.violations.push(`${page} mounted twice`);
    if (entry.world !== world) this.violations.push(`${page} mounted with entry.world ${entry.world}`);
    this.mounted.add(page);
    const call = { world, entry, deferred: deferred() };
    this.mounts.push(call);
    if (this.autoMount) settleWith(call.deferred, this.mountFails(world, entry.route));
    return call.deferred.promise;
  }

  reveal(world: WorldId, entry: HistoryEntry): void {
    this.calls.push({ port: 'reveal', world, key: entry.key });
    const page = pageId(world, entry.key);
    if (!this.mounted.has(page)) this.violations.push(`${page} revealed without being mounted`);
    this.visible = page;
    this.shown.add(page);
  }

  unmount(world: WorldId, entry: HistoryEntry): void {
    this.calls.push({ port: 'unmount', world, key: entry.key });
    const page = pageId(world, entry.key);
    if (!this.mounted.delete(page)) this.violations.push(`${page} unmounted but not mounted`);
    this.shown.delete(page);
    // Unmounting what the viewer sees would leave no page on screen.
    if (this.visible === page) {
      this.violations.push(`${page} unmounted while visible`);
      this.visible = null;
    }
  }

  handOverFocus(world: WorldId, entry: HistoryEntry, focusKey: string | null): void {
    this.calls.push({ port: 'handOverFocus', world, key: entry.key, focusKey });
    if (this.visible !== pageId(world, entry.key)) {
      this.violations.push(`focus handed to ${pageId(world, entry.key)}, which is not visible`);
    }
  }

  syncHistory(sync: HistorySync): void {
    this.calls.push({ port: 'syncHistory', sync });
  }

  syncUrl(entry: HistoryEntry, mode: UrlSyncMode): void {
    this.calls.push({ port: 'syncUrl', key: entry.key, route: entry.route, mode });
  }

  currentFocusKey(): string | null {
    this.calls.push({ port: 'currentFocusKey' });
    return this.focusKey;
  }

  pageFailed(world: WorldId, entry: HistoryEntry, reason: string): void {
    this.calls.push({ port: 'pageFailed', world, key: entry.key, reason });
  }

  navigationRefused(refusal: NavigationRefusal): void {
    this.calls.push({ port: 'navigationRefused', refusal });
  }

  /** The calls to one port, in order. */
  callsTo<P extends PortCall['port']>(port: P): Array<Extract<PortCall, { port: P }>> {
    return this.calls.filter((call): call is Extract<PortCall, { port: P }> => call.port === port);
  }

  /** Every history.sync sent so far. */
  syncs(): HistorySync[] {
    return this.callsTo('syncHistory').map((call) => call.sync);
  }

  /** The last mount call (the test's handle on a pending mount). */
  lastMount(): PendingMount {
    const call = this.mounts.at(-1);
    if (call === undefined) throw new Error('no mountOffscreen call yet');
    return call;
  }

  lastLoad(): PendingLoad {
    const call = this.loads.at(-1);
    if (call === undefined) throw new Error('no loadWorld call yet');
    return call;
  }

  /** Port names since call number `from`, for checking order. */
  portsSince(from: number): string[] {
    return this.calls.slice(from).map((call) => call.port);
  }
}

export function pageId(world: WorldId, key: string): string {
  return `${world}:${key}`;
}

function settleWith(call: Deferred, failure: string | undefined): void {
  if (failure === undefined) call.resolve();
  else call.reject(new Error(failure));
}
