import type { WorldId } from '../../bridge/index.ts';
import { type Rect, walkAttached } from '../scene/geometry.ts';
import type { SceneNode } from '../scene/scene-node.ts';
import type { SceneStore } from '../scene/scene-store.ts';

/** A node the viewer can focus: it carries a `focusKey` and is attached to its world's root. */
export interface Focusable {
  readonly node: SceneNode;
  readonly key: string;
  readonly rect: Rect;
  /** Ancestors from the root down to the parent; used for groups, boundaries and preferred children. */
  readonly path: readonly SceneNode[];
  /** Position in tree order, the last tie-breaker. */
  readonly order: number;
}

/** The last list per store and world, with the layout version it was collected at. */
const collected = new WeakMap<
  SceneStore,
  Map<WorldId, { readonly version: number; readonly list: Focusable[] }>
>();

/**
 * The world's focusables in tree order. Collected by walking the tree, and reused until the
 * layout changes (the store's layoutVersion): a focus move that only restyles nodes or changes
 * text (a hero title) walks nothing. Treat the list as read-only.
 */
export function collectFocusables(store: SceneStore, world: WorldId): readonly Focusable[] {
  let byWorld = collected.get(store);
  if (byWorld === undefined) {
    byWorld = new Map();
    collected.set(store, byWorld);
  }
  const version = store.layoutVersion(world);
  const cached = byWorld.get(world);
  if (cached !== undefined && cached.version === version) return cached.list;
  const list = walkFocusables(store, world);
  byWorld.set(world, { version, list });
  return list;
}

function walkFocusables(store: SceneStore, world: WorldId): Focusable[] {
  const found: Focusable[] = [];
  walkAttached(store, world, (node, rect, ancestors) => {
    const key = node.props.focusKey;
    // A hidden node, or one inside a hidden subtree, cannot be seen and so cannot take focus.
    if (key === undefined || node.props.visible === false || ancestors.some((a) => a.props.visible === false))
      return;
    found.push({ node, key, rect, path: [...ancestors], order: found.length });
  });
  return found;
}

export function isInside(focusable: Focusable, container: SceneNode): boolean {
  return (
    focusable.node.id === container.id || focusable.path.some((ancestor) => ancestor.id === container.id)
  );
}
