import {
  type NodeKind,
  type PropName,
  type PropValue,
  type SceneOp,
  type SceneProps,
  setPropOp,
  type WorldId,
} from '../../bridge/index.ts';
import type { SceneStore } from '../../host/scene/scene-store.ts';

/** A node of a fixture scene, written as nested data instead of op lists. */
export interface FixtureNode {
  readonly kind: NodeKind;
  readonly props: Partial<SceneProps>;
  readonly children: readonly FixtureNode[];
}

export const view = (props: Partial<SceneProps>, children: readonly FixtureNode[] = []): FixtureNode => ({
  kind: 'view',
  props,
  children,
});
export const text = (props: Partial<SceneProps>): FixtureNode => ({ kind: 'text', props, children: [] });

/** The ops that build `nodes` under `parent`, allocating ids from `firstId` upward. */
export function opsFor(
  nodes: readonly FixtureNode[],
  parent = 0,
  firstId = 1,
): { ops: SceneOp[]; nextId: number } {
  const ops: SceneOp[] = [];
  let nextId = firstId;
  const add = (node: FixtureNode, parentId: number): void => {
    const id = nextId++;
    ops.push({ op: 'create', id, kind: node.kind });
    for (const [name, value] of Object.entries(node.props) as Array<[PropName, PropValue]>) {
      ops.push(setPropOp(id, name, value));
    }
    ops.push({ op: 'append', parent: parentId, child: id });
    for (const child of node.children) add(child, id);
  };
  for (const node of nodes) add(node, parent);
  return { ops, nextId };
}

/** Builds the fixture into `world` and fails loudly if the store rejects it. */
export function buildScene(store: SceneStore, world: WorldId, nodes: readonly FixtureNode[]): void {
  const result = store.apply(world, opsFor(nodes).ops);
  if (!result.ok) throw result.error;
}

/** A tile of a grid or rail: a focusable view of the given size at the given cell. */
export const tile = (focusKey: string, x: number, y: number, width = 200, height = 120): FixtureNode =>
  view({ focusKey, x, y, width, height });
