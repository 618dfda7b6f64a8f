import {
  boundaryBlocks,
  type Direction,
  type FocusChangeEvent,
  type NodeId,
  type WorldId,
} from '../../bridge/index.ts';
import type { SceneNode } from '../scene/scene-node.ts';
import type { SceneStore } from '../scene/scene-store.ts';
import { collectFocusables, type Focusable, isInside } from './focusables.ts';
import { KeyRepeatThrottle } from './key-repeat-throttle.ts';
import { compareCandidates, compareReadingOrder, spatialScore } from './spatial-scoring.ts';

export interface FocusedNode {
  readonly nodeId: NodeId;
  readonly focusKey: string;
}

export type MoveResult =
  | { readonly moved: true; readonly from: FocusedNode | null; readonly to: FocusedNode }
  /**
   * throttled: a held-key repeat came too soon; no-candidate: nothing lies that way;
   * boundary: something lies that way but a boundary keeps focus in its container;
   * nothing-focusable: the world has no focusable node.
   */
  | {
      readonly moved: false;
      readonly reason: 'throttled' | 'no-candidate' | 'boundary' | 'nothing-focusable';
    };

export interface FocusEngineOptions {
  /** Minimum time between two accepted repeats of a held key. Default 120 ms. */
  readonly repeatIntervalMs?: number;
  /** The clock used when `move` is not told the time. */
  readonly now?: () => number;
  /**
   * The world root's children are page layers, one per mounted page (as both worlds build their
   * scenes): focus lives only on the topmost visible layer, the page the viewer sees, so it never
   * stays on (or moves into) a page that is being left or not yet shown. Default false: the
   * whole world is one page.
   */
  readonly pageLayers?: boolean;
}

export interface MoveOptions {
  /** True when the key event is an auto-repeat of a held key. */
  readonly repeat?: boolean;
  readonly now?: number;
}

/**
 * Spatial navigation over the focusable nodes of one world. The host moves focus itself, with no
 * round trip to the world, and tells the world afterwards through focus/blur events.
 *
 * - Arrows go to the best candidate by rect geometry (see `spatial-scoring.ts`).
 * - A node with `focusGroup` remembers its last focused descendant and restores it when focus
 *   comes back into it from outside; a node with `preferredChild` sends entering focus to that
 *   focus key when it has no memory yet (or is not a group).
 * - A node with `boundary` keeps focus inside itself in the blocked directions.
 * - Focus is never lost for good: when the focused node disappears it moves to the nearest
 *   surviving container's entry (its memory or preferred child), else the initial focus; when
 *   nothing is focusable for a while (a loading panel), the next scene that offers something
 *   takes the initial focus. Only `blur()` (the world was hidden) leaves the engine unfocused.
 *
 * @example
 * const focus = new FocusEngine(store, 'legacy');
 * focus.onChange((event) => world.post(event)); // { type: 'blur' | 'focus', world, nodeId, focusKey }
 * focus.focusInitial();
 * focus.move('right');
 */
export class FocusEngine {
  private current: Focusable | null = null;
  /** Focus was lost because the scene offered nothing focusable; it comes back with the next focusable. */
  private lost = false;
  /** Group node id → focus key of the descendant focused last. */
  /**
   * Each group's last focused key, with the group's node as it was then: the WASM world reuses a
   * removed page's ids for the next page it mounts, so a group counts as the same only while its
   * node object is (a re-created id is a new group with no memory).
   */
  private readonly memory = new Map<NodeId, { readonly node: SceneNode; readonly key: string }>();
  private readonly listeners = new Set<(event: FocusChangeEvent) => void>();
  private readonly throttle: KeyRepeatThrottle;
  private readonly clock: () => number;
  private readonly pageLayers: boolean;

  constructor(
    private readonly store: SceneStore,
    readonly world: WorldId,
    options: FocusEngineOptions = {},
  ) {
    this.throttle = new KeyRepeatThrottle(options.repeatIntervalMs ?? 120);
    this.clock = options.now ?? (() => performance.now());
    this.pageLayers = options.pageLayers ?? false;
  }

  get focused(): FocusedNode | null {
    return this.current === null ? null : { nodeId: this.current.node.id, focusKey: this.current.key };
  }

  /** Listens to blur/focus events (blur of the old node always comes first). Returns an unsubscribe. */
  onChange(listener: (event: FocusChangeEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * With `pageLayers`, the id of the page layer focus lives on (the topmost visible child of the
   * world root), or null when no page is visible. Without, the world root's id.
   */
  pageLayer(): NodeId | null {
    const root = this.store.root(this.world);
    if (!this.pageLayers) return root.id;
    for (let i = root.children.length - 1; i >= 0; i--) {
      const layer = this.store.get(this.world, root.children[i] ?? -1);
      if (layer !== undefined && layer.props.visible !== false) return layer.id;
    }
    return null;
  }

  /** The focus key a group would restore, if it remembers one. */
  rememberedIn(groupId: NodeId): string | undefined {
    return this.remembered(groupId);
  }

  /**
   * Focuses where a viewer arriving on the page should start: the root's preferred child chain
   * and group memories, else the top-left focusable. Returns false if nothing is focusable.
   */
  focusInitial(): boolean {
    const all = this.focusables();
    const first = [...all].sort((a, b) => compareReadingOrder(a, b))[0];
    if (first === undefined) return false;
    this.focus(this.enter(first, all, 0));
    return true;
  }

  /** Focuses the node with this focus key, if one is attached. Tree order decides between duplicates. */
  focusByKey(focusKey: string): boolean {
    const target = this.focusables().find((f) => f.key === focusKey);
    if (target === undefined) return false;
    this.focus(target);
    return true;
  }

  /** Moves focus one step in `direction`. */
  move(direction: Direction, options: MoveOptions = {}): MoveResult {
    if (!this.throttle.allow(options.now ?? this.clock(), options.repeat ?? false)) {
      return { moved: false, reason: 'throttled' };
    }
    const all = this.focusables();
    const from = this.current === null ? undefined : all.find((f) => f.node.id === this.current?.node.id);
    if (from === undefined) {
      // Nothing focused (or the focused node is gone): an arrow key starts focus rather than being lost.
      const before = this.focused;
      if (!this.focusInitial()) return { moved: false, reason: 'nothing-focusable' };
      return { moved: true, from: before, to: this.mustBeFocused() };
    }
    const fence = this.innermostBoundary(from, direction);
    const best = this.bestCandidate(
      from,
      direction,
      fence === undefined ? all : all.filter((f) => isInside(f, fence)),
    );
    if (best === undefined) {
      const outside = fence !== undefined && this.bestCandidate(from, direction, all) !== undefined;
      return { moved: false, reason: outside ? 'boundary' : 'no-candidate' };
    }
    const previous = this.focused;
    this.focus(this.enter(best, all, this.commonDepth(from, best)));
    return { moved: true, from: previous, to: this.mustBeFocused() };
  }

  /** Drops focus (emitting blur), e.g. when this world is hidden. Group memories are kept. */
  blur(): void {
    this.lost = false;
    this.drop();
    this.forgetRemovedGroups();
  }

  /**
   * Call after the world's scene changed. If the focused node is gone or no longer focusable,
   * focus moves to a node with the same focus key (a re-created node), else to the entry of the
   * nearest surviving container it was in (the container's memory or preferred child, else its
   * first node in reading order), else to the initial focus. With `pageLayers`, focus left on a
   * page that is no longer on top goes to the initial focus of the page now on top. When nothing
   * is focusable, focus is dropped and taken again (initial focus) by the next change that
   * offers something.
   */
  sceneChanged(): void {
    this.forgetRemovedGroups();
    const current = this.current;
    const all = this.focusables();
    if (current === null) {
      if (this.lost) this.focusInitial();
      return;
    }
    const same = all.find((f) => f.node.id === current.node.id && f.key === current.key);
    if (same !== undefined) {
      this.current = same;
      return;
    }
    if (this.pageLayers && this.store.get(this.world, current.node.id) !== undefined) {
      const layer = current.path[1];
      if (layer !== undefined && layer.id !== this.pageLayer() && this.store.get(this.world, layer.id)) {
        // Another page came on top of the one holding focus: the viewer starts where it starts.
        if (!this.focusInitial()) this.lose();
        return;
      }
    }
    const rekeyed = all.find((f) => f.key === current.key) ?? all.find((f) => f.node.id === current.node.id);
    if (rekeyed !== undefined) {
      this.focus(rekeyed);
      return;
    }
    for (let depth = current.path.length - 1; depth >= 0; depth--) {
      const container = current.path[depth];
      const survivor = container === undefined ? undefined : this.store.get(this.world, container.id);
      if (survivor === undefined) continue;
      const inside = all.filter((f) => f.path.some((a) => a.id === survivor.id));
      const first = inside.sort((a, b) => compareReadingOrder(a, b))[0];
      if (first !== undefined) {
        // Entering the survivor itself: its preferred child says where focus goes now (a page
        // whose error panel became content prefers the content's first node, not Retry's neighbour).
        this.focus(
          this.enter(
            first,
            all,
            first.path.findIndex((a) => a.id === survivor.id),
          ),
        );
        return;
      }
    }
    if (!this.focusInitial()) this.lose();
  }

  private mustBeFocused(): FocusedNode {
    const focused = this.focused;
    if (focused === null) throw new Error('focus engine invariant: focus was just set');
    return focused;
  }

  /** The focusables focus may go to: the world's, or with `pageLayers` those of the page on top. */
  private focusables(): readonly Focusable[] {
    const all = collectFocusables(this.store, this.world);
    if (!this.pageLayers) return all;
    const layer = this.pageLayer();
    return layer === null ? [] : all.filter((f) => f.path[1]?.id === layer);
  }

  /** Focus is gone because nothing could take it; the next scene that offers something will. */
  private lose(): void {
    this.lost = true;
    this.drop();
  }

  private drop(): void {
    const previous = this.current;
    if (previous === null) return;
    this.current = null;
    this.emit({ type: 'blur', world: this.world, nodeId: previous.node.id, focusKey: previous.key });
  }

  private focus(target: Focusable): void {
    this.lost = false;
    const previous = this.current;
    if (previous !== null && previous.node.id === target.node.id && previous.key === target.key) {
      this.current = target;
      return;
    }
    this.current = target;
    for (const ancestor of target.path)
      if (ancestor.props.focusGroup === true)
        this.memory.set(ancestor.id, { node: ancestor, key: target.key });
    if (previous !== null) {
      this.emit({ type: 'blur', world: this.world, nodeId: previous.node.id, focusKey: previous.key });
    }
    this.emit({ type: 'focus', world: this.world, nodeId: target.node.id, focusKey: target.key });
  }

  private emit(event: FocusChangeEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  private bestCandidate(
    from: Focusable,
    direction: Direction,
    pool: readonly Focusable[],
  ): Focusable | undefined {
    let best: { focusable: Focusable; score: number } | undefined;
    for (const candidate of pool) {
      if (candidate.node.id === from.node.id) continue;
      const score = spatialScore(from.rect, candidate.rect, direction);
      if (score === null) continue;
      const scored = { focusable: candidate, score };
      if (
        best === undefined ||
        compareCandidates(from.rect, direction, this.scored(scored), this.scored(best)) < 0
      ) {
        best = scored;
      }
    }
    return best?.focusable;
  }

  private scored(entry: { focusable: Focusable; score: number }) {
    return { score: entry.score, rect: entry.focusable.rect, order: entry.focusable.order };
  }

  /**
   * The innermost node around `from` (or `from` itself, e.g. a progress bar that keeps left and
   * right for seeking) whose boundary blocks `direction`.
   */
  private innermostBoundary(from: Focusable, direction: Direction): SceneNode | undefined {
    const own = from.node.props.boundary;
    if (own !== undefined && boundaryBlocks(own, direction)) return from.node;
    for (let i = from.path.length - 1; i >= 0; i--) {
      const ancestor = from.path[i];
      const mask = ancestor?.props.boundary;
      if (ancestor !== undefined && mask !== undefined && boundaryBlocks(mask, direction)) return ancestor;
    }
    return undefined;
  }

  /** How many leading ancestors `a` and `b` share: containers at or past that depth are being entered. */
  private commonDepth(a: Focusable, b: Focusable): number {
    let depth = 0;
    while (depth < a.path.length && depth < b.path.length && a.path[depth]?.id === b.path[depth]?.id) depth++;
    return depth;
  }

  /**
   * Focus is about to land on `target`, entering the containers on its path from `fromDepth` on.
   * The outermost entered container with a memory or a preferred child redirects it; then the
   * same applies to containers inside the new target, so nested groups each get their say.
   */
  private enter(target: Focusable, all: readonly Focusable[], fromDepth: number): Focusable {
    let chosen = target;
    for (let depth = fromDepth; depth < chosen.path.length; depth++) {
      const container = chosen.path[depth];
      if (container === undefined) break;
      const redirect = this.entryFor(container, all);
      if (redirect !== undefined && redirect.node.id !== chosen.node.id) chosen = redirect;
    }
    return chosen;
  }

  /** The key the group under `groupId` remembers, if that id is still the same group. */
  private remembered(groupId: NodeId): string | undefined {
    const entry = this.memory.get(groupId);
    return entry !== undefined && this.store.get(this.world, groupId) === entry.node ? entry.key : undefined;
  }

  /** Memory of groups that are gone (or whose id now names a new node) is dropped. */
  private forgetRemovedGroups(): void {
    for (const [groupId, entry] of this.memory)
      if (this.store.get(this.world, groupId) !== entry.node) this.memory.delete(groupId);
  }

  private entryFor(container: SceneNode, all: readonly Focusable[]): Focusable | undefined {
    const insideWithKey = (key: string | undefined) =>
      key === undefined
        ? undefined
        : all.find((f) => f.key === key && f.path.some((a) => a.id === container.id));
    const remembered =
      container.props.focusGroup === true ? insideWithKey(this.remembered(container.id)) : undefined;
    return remembered ?? insideWithKey(container.props.preferredChild);
  }
}
