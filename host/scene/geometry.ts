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
  return rectInStage(store, world, id, false);
}

/**
 * Where the node is shown once its animations end, in absolute stage pixels: its laid-out box with
 * its own and its ancestors' `scale` applied (each about its own center); undefined if it is not
 * attached or it or an ancestor is hidden (`visible: false`). The focus ring is drawn around it.
 *
 * @example
 * // a 100×100 tile at (50, 50) in a full-stage view, with scale 1.1
 * shownRect(store, 'wasm', tile); // { x: 45, y: 45, width: 110, height: 110 }
 */
export function shownRect(store: SceneStore, world: WorldId, id: NodeId): Rect | undefined {
  return rectInStage(store, world, id, true);
}

/** Walks from the node up to the root, placing its box in each parent: as laid out, or as shown. */
function rectInStage(store: SceneStore, world: WorldId, id: NodeId, shown: boolean): Rect | undefined {
  let node = store.get(world, id);
  if (node === undefined) return undefined;
  // The box in the coordinates of `node`'s parent, updated as the walk goes up.
  let x = 0;
  let y = 0;
  let width = node.props.width ?? 0;
  let height = node.props.height ?? 0;
  for (;;) {
    if (shown && node.props.visible === false) return undefined;
    const scale = shown ? (node.props.scale ?? 1) : 1;
    if (scale !== 1) {
      const cx = (node.props.width ?? 0) / 2;
      const cy = (node.props.height ?? 0) / 2;
      x = cx + (x - cx) * scale;
      y = cy + (y - cy) * scale;
      width *= scale;
      height *= scale;
    }
    x += node.props.x ?? 0;
    y += node.props.y ?? 0;
    if (node.id === ROOT_NODE_ID) return { x, y, width, height };
    if (node.parent === null) return undefined;
    node = store.get(world, node.parent);
    if (node === undefined) return undefined;
  }
}
