import type { Direction, FocusChangeEvent, NodeId, WorldId } from '../../bridge/index.ts';
import { FocusEngine } from '../focus/focus-engine.ts';
import type { SceneStore } from '../scene/scene-store.ts';

/** The last handover: the page focus was handed to, and whether the viewer can see it yet. */
interface Handover {
  readonly world: WorldId;
  /**
   * The page layer on top of `world` when focus was handed over, if it is the page being left
   * (a switch within one world): the new page has arrived once another layer is on top.
   */
  readonly leaving: NodeId | null;
  arrived: boolean;
}

/**
 * Focus across the two worlds: one focus engine per world, one of them active (the world of the
 * page the router shows), and the handoff between them. Each engine keeps focus on its world's
 * page on top (page layers), so focus moves with the page the viewer sees, in the batch that
 * shows it; the world being left keeps its focus ring until then, so no frame shows none.
 *
 * A focus key to restore (Back, or the key the viewer had on a page that crashed) is kept pending
 * until the page draws that node; until then the page's initial focus holds, and the pending key
 * is what `viewerFocusKey()` reports (the viewer's place, if they leave or the page crashes
 * before it is drawn). Whenever the visible page offers something focusable, one node of it has
 * focus: after a handover, after Retry, after content replaces a loading or error panel, after
 * the focused node is removed.
 *
 * @example
 * const focus = new FocusController(store, (event) => deliver(event));
 * focus.handOver('legacy', 'tile:r1:3'); // lands on 'tile:r1:3' once the React page draws it
 * focus.sceneChanged('legacy');          // after applying the world's batches
 * focus.pageArrived('legacy');           // true once that page is the one on top: swap worlds now
 */
export class FocusController {
  readonly engines: Readonly<Record<WorldId, FocusEngine>>;
  private active: WorldId | null = null;
  private handover: Handover | null = null;
  /** The key to restore on the page handed over, until that page draws it or the viewer moves. */
  private pendingKey: string | null = null;
  /** Whether the page handed over still waits for its first focus (initial, or `pendingKey`). */
  private pendingInitial = false;
  /** Per world, the page layer the last handover there arrived at (the page the viewer saw). */
  private readonly arrivedLayer: Partial<Record<WorldId, NodeId>> = {};

  constructor(store: SceneStore, onChange: (event: FocusChangeEvent) => void) {
    this.engines = {
      legacy: new FocusEngine(store, 'legacy', { pageLayers: true }),
      wasm: new FocusEngine(store, 'wasm', { pageLayers: true }),
    };
    for (const engine of Object.values(this.engines)) engine.onChange(onChange);
  }

  get activeWorld(): WorldId | null {
    return this.active;
  }

  /** The focused node's key on the page shown (the active world's). */
  focusedKey(): string | null {
    return this.active === null ? null : (this.engines[this.active].focused?.focusKey ?? null);
  }

  /**
   * The viewer's place on the page shown, to save in its history entry or keep on fallback: the
   * key still to restore there if the page has not drawn it yet (what focus holds meanwhile is
   * only the page's initial focus), else the focused key.
   */
  viewerFocusKey(): string | null {
    return this.active === null ? null : (this.pendingKey ?? this.focusedKey());
  }

  /**
   * Focus goes to the page just revealed in `world`: on `focusKey` once drawn, else its initial
   * focus. Every other world is blurred as soon as that page is on top of its world.
   */
  handOver(world: WorldId, focusKey: string | null): void {
    this.active = world;
    this.handover = { world, leaving: this.pageBeingLeft(world), arrived: false };
    this.pendingKey = focusKey;
    this.pendingInitial = true;
    this.refresh(world);
  }

  /**
   * Whether the page focus was last handed to in `world` is the one on top of that world: until
   * then the viewer still sees the page being left, so the host swaps worlds only after this.
   */
  pageArrived(world: WorldId): boolean {
    const handover = this.handover;
    if (handover === null || handover.world !== world) return false;
    if (!handover.arrived) {
      const top = this.engines[world].pageLayer();
      handover.arrived = top !== null && top !== handover.leaving;
      if (top !== null && handover.arrived) this.arrivedLayer[world] = top;
    }
    return handover.arrived;
  }

  /** Call after a world's scene changed: keeps focus valid and lands pending focus when it can. */
  sceneChanged(world: WorldId): void {
    if (world === this.active) {
      this.refresh(world);
      return;
    }
    const engine = this.engines[world];
    // The world being left stays on screen (with its focus) until the new page arrives.
    if (this.active === null || this.pageArrived(this.active)) engine.blur();
    else engine.sceneChanged();
  }

  /** An arrow key on the visible page; returns whether focus moved (if not, the page may use it). */
  move(direction: Direction, repeat: boolean): boolean {
    if (this.active === null) return false;
    this.pendingKey = null; // the viewer took over: no late jump to a restored key
    this.pendingInitial = false;
    return this.engines[this.active].move(direction, { repeat }).moved;
  }

  /** Keeps the active world's focus on its page on top, landing pending focus when it can. */
  private refresh(world: WorldId): void {
    const engine = this.engines[world];
    // The page being left is still on top: focus stays where the viewer sees it for now.
    if (!this.pageArrived(world)) {
      engine.sceneChanged();
      return;
    }
    for (const [id, other] of Object.entries(this.engines)) if (id !== world) other.blur();
    // A restored key wins over the initial focus the engine would pick for a new page on top.
    this.landPendingKey();
    engine.sceneChanged();
    this.landPendingKey();
    if (this.pendingInitial && this.pendingKey === null) {
      if (engine.focusInitial()) this.pendingInitial = false;
      return;
    }
    // Nothing focused while the page offers something (it just drew it): its initial focus.
    if (engine.focused === null) engine.focusInitial();
  }

  private landPendingKey(): void {
    const key = this.pendingKey;
    if (key === null || this.active === null) return;
    if (this.engines[this.active].focusByKey(key)) {
      this.pendingKey = null;
      this.pendingInitial = false;
    }
  }

  /**
   * The page on top of `world` that a handover leaves: the page an earlier handover there
   * arrived at, if it is still on top. Known from what focus saw, not from the order of layers,
   * so it holds even when the new page's first batch has not been applied yet (a WASM batch can
   * come after the mount's reply), and when the new page is already shown (nothing is left).
   */
  private pageBeingLeft(world: WorldId): NodeId | null {
    const top = this.engines[world].pageLayer();
    return top !== null && top === this.arrivedLayer[world] ? top : null;
  }
}
