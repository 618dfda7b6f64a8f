import { type NodeId, ROOT_NODE_ID, type WorldId } from '../../bridge/index.ts';
import type { SceneNode } from './scene-node.ts';
import type { SceneStore } from './scene-store.ts';

/** A rectangle in absolute stage pixels (1920×1080). */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * Visits the world's attached nodes depth-first in paint order (parents before children,
 * siblings in order), with each node's absolute position. Detached nodes are not visited.
 */
export function walkAttached(
  store: SceneStore,
  world: WorldId,
  visit: (node: SceneNode, rect: Rect, ancestors: readonly SceneNode[]) => void,
): void {
  const ancestors: SceneNode[] = [];
  const step = (node: SceneNode, originX: number, originY: number): void => {
    const x = originX + (node.props.x ?? 0);
    const y = originY + (node.props.y ?? 0);
    visit(node, { x, y, width: node.props.width ?? 0, height: node.props.height ?? 0 }, ancestors);
    ancestors.push(node);
    for (const childId of node.children) {
      const child = store.get(world, childId);
      if (child !== undefined) step(child, x, y);
    }
    ancestors.pop();
  };
  step(store.root(world), 0, 0);
}

/** The node's rect in absolute stage pixels, or undefined if it is not attached to the root. */
export function absoluteRect(store: SceneStore, world: WorldId, id: NodeId): Rect | undefined {
  let node = store.get(world, id);
  if (node === undefined) return undefined;
  const { width = 0, height = 0 } = node.props;
  let x = 0;
  let y = 0;
  for (;;) {
    x += node.props.x ?? 0;
    y += node.props.y ?? 0;
    if (node.id === ROOT_NODE_ID) return { x, y, width, height };
    if (node.parent === null) return undefined;
    node = store.get(world, node.parent);
    if (node === undefined) return undefined;
  }
}
