import type { Direction, FocusChangeEvent, NodeId, WorldId } from '../../bridge/index.ts';
import { FocusEngine } from '../focus/focus-engine.ts';
import type { SceneStore } from '../scene/scene-store.ts';

/** Where focus must land once the page shows the node (its data may still be loading). */
interface PendingFocus {
  readonly world: WorldId;
  readonly focusKey: string | null;
  /**
   * The page layer on top of `world` when focus was handed over, if it is the page being left
   * (same-world switch): until the new page is on top, focus stays where the viewer sees it.
   */
  readonly leaving: NodeId | null;
}

/**
 * Focus across the two worlds: one focus engine per world, exactly one of them active (the
 * visible world's), and the handoff between them. Each engine keeps focus on its world's page on
 * top (page layers), so focus moves with the page the viewer sees, in the frame that shows it.
 *
 * A focus key to restore (Back, or the key the viewer had on a page that crashed) is kept pending
 * until the page draws that node; until then the page's initial focus holds. Whenever the
 * visible page offers something focusable, one node of it has focus: after a handover, after
 * Retry, after content replaces a loading or error panel, after the focused node is removed.
 *
 * @example
 * const focus = new FocusController(store, (event) => deliver(event));
 * focus.handOver('legacy', 'tile:r1:3'); // the WASM world blurs; 'tile:r1:3' once drawn
 * focus.sceneChanged('legacy');          // after applying the world's batches
 */
export class FocusController {
  readonly engines: Readonly<Record<WorldId, FocusEngine>>;
  private active: WorldId | null = null;
  private pending: PendingFocus | null = null;

  constructor(
    private readonly store: SceneStore,
    onChange: (event: FocusChangeEvent) => void,
  ) {
    this.engines = {
      legacy: new FocusEngine(store, 'legacy', { pageLayers: true }),
      wasm: new FocusEngine(store, 'wasm', { pageLayers: true }),
    };
    for (const engine of Object.values(this.engines)) engine.onChange(onChange);
  }

  get activeWorld(): WorldId | null {
    return this.active;
  }

  focusedKey(): string | null {
    return this.active === null ? null : (this.engines[this.active].focused?.focusKey ?? null);
  }

  /** The focus leaves every other world (blur) and will land in `world`: on `focusKey` if given and drawn, else initial. */
  handOver(world: WorldId, focusKey: string | null): void {
    for (const [id, engine] of Object.entries(this.engines)) if (id !== world) engine.blur();
    this.active = world;
    this.pending = { world, focusKey, leaving: this.pageBeingLeft(world) };
    this.refresh(world);
  }

  /** Call after a world's scene changed: keeps focus valid and lands pending focus when it can. */
  sceneChanged(world: WorldId): void {
    const engine = this.engines[world];
    if (world !== this.active) {
      engine.blur(); // the focus ring never shows in a hidden world
      return;
    }
    this.refresh(world);
  }

  /** An arrow key on the visible page; returns whether focus moved (if not, the page may use it). */
  move(direction: Direction, repeat: boolean): boolean {
    if (this.active === null) return false;
    this.pending = null; // the viewer took over: no late jump to a restored key
    return this.engines[this.active].move(direction, { repeat }).moved;
  }

  /** Keeps the active world's focus on its page on top, landing pending focus when it can. */
  private refresh(world: WorldId): void {
    // A restored key wins over the initial focus the engine would pick for a new page on top.
    this.landPendingKey();
    this.engines[world].sceneChanged();
    this.settle();
  }

  /**
   * The page on top of `world` that a handover leaves: a visible layer other than the newest one
   * (pages are mounted, hidden, after every page already there, so the newest layer is the page
   * focus is handed to; when it is already visible, nothing is being left behind it).
   */
  private pageBeingLeft(world: WorldId): NodeId | null {
    const top = this.engines[world].pageLayer();
    const layers = this.store.root(world).children;
    return top !== null && top !== layers.at(-1) ? top : null;
  }

  /** Whether the page focus was handed to is the one on top of its world now. */
  private arrived(pending: PendingFocus): boolean {
    const top = this.engines[pending.world].pageLayer();
    return top !== null && top !== pending.leaving;
  }

  private landPendingKey(): void {
    const pending = this.pending;
    if (pending === null || pending.world !== this.active || pending.focusKey === null) return;
    if (this.arrived(pending) && this.engines[pending.world].focusByKey(pending.focusKey))
      this.pending = null;
  }

  private settle(): void {
    const world = this.active;
    if (world === null) return;
    const engine = this.engines[world];
    const pending = this.pending;
    if (pending !== null && pending.world === world) {
      // The page being left is still on top: focus stays where the viewer sees it for now.
      if (!this.arrived(pending)) return;
      this.landPendingKey();
      if (this.pending === null) return;
      if (pending.focusKey === null) {
        if (engine.focusInitial()) this.pending = null;
        return;
      }
    }
    // Nothing focused while the page offers something (it just drew it): its initial focus.
    if (engine.focused === null) engine.focusInitial();
  }
}
