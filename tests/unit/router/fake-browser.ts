import type { BrowserEntryState, BrowserHistoryPort } from '../../../router/index.ts';

export interface BrowserEntry {
  readonly state: unknown;
  readonly url: string;
}

/**
 * A browser's session history as the HTML standard has it: `pushState` / `replaceState` change the
 * entries at once (a push drops the forward part), while `go(delta)` and the viewer's back/forward
 * buttons are queued traversals that run later (`traverse()`), each relative to where the browser
 * is when it runs, each answered by a popstate with the state of the entry landed on. A traversal
 * past either end does nothing and fires nothing.
 */
export class FakeBrowser implements BrowserHistoryPort {
  entries: BrowserEntry[];
  index = 0;
  readonly queue: number[] = [];
  /** The page's popstate listener. */
  onPopstate: (state: unknown) => void = () => {};

  constructor(landingUrl = '/') {
    this.entries = [{ state: null, url: landingUrl }];
  }

  pushState(state: BrowserEntryState, url: string): void {
    this.entries = [...this.entries.slice(0, this.index + 1), { state, url }];
    this.index += 1;
  }

  replaceState(state: BrowserEntryState, url: string): void {
    this.entries = this.entries.map((entry, i) => (i === this.index ? { state, url } : entry));
  }

  go(delta: number): void {
    this.queue.push(delta);
  }

  /** The viewer's back button. */
  back(): void {
    this.queue.push(-1);
  }

  /** The viewer's forward button. */
  forward(): void {
    this.queue.push(1);
  }

  /** Runs the oldest queued traversal; false when none was queued. */
  traverse(): boolean {
    const delta = this.queue.shift();
    if (delta === undefined) return false;
    const target = this.index + delta;
    if (delta === 0 || target < 0 || target >= this.entries.length) return true;
    this.index = target;
    this.onPopstate(this.entries[target]?.state ?? null);
    return true;
  }

  get url(): string {
    return this.entries[this.index]?.url ?? '';
  }

  /** The router key in each entry's state (null for an entry the app did not write). */
  keys(): Array<string | null> {
    return this.entries.map(({ state }) => keyIn(state));
  }

  currentKey(): string | null {
    return keyIn(this.entries[this.index]?.state);
  }
}

function keyIn(state: unknown): string | null {
  const ficus = (state as { ficus?: { key?: unknown } } | null | undefined)?.ficus;
  return typeof ficus?.key === 'string' ? ficus.key : null;
}
