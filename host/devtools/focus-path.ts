import type { NodeId, NodeKind, WorldId } from '../../bridge/index.ts';
import type { Rect } from '../scene/geometry.ts';
import type { SceneStore } from '../scene/scene-store.ts';

// Type imports only: this file is part of the devtools chunk, and a value imported from a module
// the main bundle also has would make the build split that module into a chunk both load at start.

/** One node on the way from a world's root to its focused node. */
export interface FocusPathStep {
  readonly id: NodeId;
  readonly kind: NodeKind;
  readonly focusKey: string | null;
  /** The node is a focus group (it remembers its last focused child). */
  readonly group: boolean;
}

/** Where the focus is: the world, the path to the node (root first) and the node's stage rect. */
export interface FocusPath {
  readonly world: WorldId;
  readonly steps: readonly FocusPathStep[];
  readonly rect: Rect | null;
}

/** The most ancestors walked: a tree deeper than this is a bug, and the walk must end anyway. */
const MAX_DEPTH = 256;

/**
 * The path from `world`'s root to node `id` in the scene store, root first, or null if the node is
 * not in the store. Pure: reads the headless scene only.
 *
 * @example
 * focusPath(store, 'wasm', 41);
 * // { world: 'wasm', steps: [{ id: 0, kind: 'view', ... }, ..., { id: 41, focusKey: 'tile:r0:2', ... }], rect: { x: 96, ... } }
 */
export function focusPath(store: SceneStore, world: WorldId, id: NodeId): FocusPath | null {
  const steps: FocusPathStep[] = [];
  const target = store.get(world, id);
  if (target === undefined) return null;
  // Positions are parent-relative: the node's stage position is the sum along the path.
  let x = 0;
  let y = 0;
  let attached = false;
  for (let node: typeof target | undefined = target; node !== undefined && steps.length < MAX_DEPTH; ) {
    steps.push({
      id: node.id,
      kind: node.kind,
      focusKey: node.props.focusKey ?? null,
      group: node.props.focusGroup === true,
    });
    x += node.props.x ?? 0;
    y += node.props.y ?? 0;
    attached = node === store.root(world);
    node = node.parent === null ? undefined : store.get(world, node.parent);
  }
  const rect = attached ? { x, y, width: target.props.width ?? 0, height: target.props.height ?? 0 } : null;
  return { world, steps: steps.reverse(), rect };
}

/**
 * A path as one line: `kind#id`, a focus key in brackets, `group` for focus groups.
 *
 * @example
 * describeFocusPath(path); // 'wasm: view#0 › view#12 › view#40 group › view#41 [tile:r0:2] at 96,540 320×180'
 */
export function describeFocusPath(path: FocusPath): string {
  const steps = path.steps.map(
    (step) =>
      `${step.kind}#${step.id}${step.group ? ' group' : ''}${step.focusKey === null ? '' : ` [${step.focusKey}]`}`,
  );
  const rect = path.rect;
  const where = rect === null ? '' : ` at ${rect.x},${rect.y} ${rect.width}×${rect.height}`;
  return `${path.world}: ${steps.join(' › ')}${where}`;
}
