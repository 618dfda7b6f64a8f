import type { HistoryEntry, Params } from '../../bridge/index.ts';
import type { LegacyWorld } from '../../legacy-react/index.ts';

/**
 * The playground's page stack: just enough navigation to walk the React pages with the keyboard
 * (navigate, replace, back, focus restored on back). It is not the router: it knows one world
 * and none of the router's guarantees about switching, which `router/` will provide.
 */
export class PlaygroundNavigator {
  private readonly entries: Array<{ -readonly [K in keyof HistoryEntry]: HistoryEntry[K] }> = [];
  private seq = 0;
  private nextKey = 1;
  /** Focus to restore once the page shows the node again (its data may still be loading). */
  pendingFocusKey: string | null = null;

  constructor(
    private readonly world: LegacyWorld,
    private readonly currentFocusKey: () => string | null,
  ) {}

  get current(): HistoryEntry | undefined {
    return this.entries.at(-1);
  }

  navigate(route: string, params: Params): void {
    const leaving = this.entries.at(-1);
    if (leaving !== undefined) {
      leaving.focusKey = this.currentFocusKey();
      this.world.unmount(leaving.key);
    }
    this.push(route, params);
  }

  replace(route: string, params: Params): void {
    const leaving = this.entries.pop();
    if (leaving !== undefined) this.world.unmount(leaving.key);
    this.push(route, params);
  }

  back(): void {
    if (this.entries.length < 2) return;
    const leaving = this.entries.pop();
    if (leaving !== undefined) this.world.unmount(leaving.key);
    const returning = this.entries.at(-1);
    if (returning === undefined) return;
    this.pendingFocusKey = returning.focusKey;
    this.world.mount(returning.key, returning.route, returning.params);
    this.sync();
  }

  private push(route: string, params: Params): void {
    const entry = { key: `e${this.nextKey++}`, route, params, world: 'legacy' as const, focusKey: null };
    this.entries.push(entry);
    this.pendingFocusKey = null;
    this.world.mount(entry.key, route, params);
    this.sync();
  }

  private sync(): void {
    this.world.deliver({
      type: 'history.sync',
      seq: this.seq++,
      entries: this.entries.map((entry) => ({ ...entry })),
      index: this.entries.length - 1,
    });
  }
}
