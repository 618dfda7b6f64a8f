import type { Direction, FocusChangeEvent, WorldId } from '../../bridge/index.ts';
import { FocusEngine } from '../focus/focus-engine.ts';
import type { SceneStore } from '../scene/scene-store.ts';

/** Where focus must land once the page shows the node (its data may still be loading). */
interface PendingFocus {
  readonly world: WorldId;
  readonly focusKey: string | null;
}

/**
 * Focus across the two worlds: one focus engine per world, exactly one of them active (the
 * visible world's), and the handoff between them. A focus key to restore is kept pending until
 * the page draws that node; until then the page's initial focus holds, so the viewer is never
 * left without focus on a page that has something focusable.
 */
export class FocusController {
  readonly engines: Readonly<Record<WorldId, FocusEngine>>;
  private active: WorldId | null = null;
  private pending: PendingFocus | null = null;

  constructor(store: SceneStore, onChange: (event: FocusChangeEvent) => void) {
    this.engines = { legacy: new FocusEngine(store, 'legacy'), wasm: new FocusEngine(store, 'wasm') };
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
    this.pending = { world, focusKey };
    this.settle();
  }

  /** Call after a world's scene changed: keeps focus valid and lands pending focus when it can. */
  sceneChanged(world: WorldId): void {
    const engine = this.engines[world];
    if (world !== this.active) {
      engine.blur(); // the focus ring never shows in a hidden world
      return;
    }
    engine.sceneChanged();
    this.settle();
  }

  /** An arrow key on the visible page; returns whether focus moved (if not, the page may use it). */
  move(direction: Direction, repeat: boolean): boolean {
    if (this.active === null) return false;
    this.pending = null; // the viewer took over: no late jump to a restored key
    return this.engines[this.active].move(direction, { repeat }).moved;
  }

  private settle(): void {
    const pending = this.pending;
    if (pending === null || pending.world !== this.active) return;
    const engine = this.engines[pending.world];
    if (pending.focusKey !== null && engine.focusByKey(pending.focusKey)) {
      this.pending = null;
      return;
    }
    if (engine.focused === null) {
      engine.focusInitial();
      if (pending.focusKey === null && engine.focused !== null) this.pending = null;
    }
  }
}
