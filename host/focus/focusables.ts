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

/** The world's focusables in tree order. Computed on demand: a few hundred nodes cost microseconds. */
export function collectFocusables(store: SceneStore, world: WorldId): Focusable[] {
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
