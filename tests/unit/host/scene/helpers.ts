import type { NodeId, NodeKind, SceneOp, WorldId } from '../../../../bridge/index.ts';
import type { SceneChanges } from '../../../../host/scene/scene-changes.ts';
import type { SceneStore } from '../../../../host/scene/scene-store.ts';

/** A node as plain data, for exact comparisons (detached nodes included). */
export interface NodeDump {
  readonly kind: NodeKind;
  readonly props: Record<string, unknown>;
  readonly parent: NodeId | null;
  readonly children: NodeId[];
}

/** Every node of `world` among `ids`, as plain data (copies, so later changes do not leak in). */
export function dumpNodes(store: SceneStore, world: WorldId, ids: Iterable<NodeId>): Map<NodeId, NodeDump> {
  const out = new Map<NodeId, NodeDump>();
  for (const id of ids) {
    const node = store.get(world, id);
    if (node === undefined) continue;
    out.set(id, {
      kind: node.kind,
      props: { ...node.props },
      parent: node.parent,
      children: [...node.children],
    });
  }
  return out;
}

export const idRange = (max: number): NodeId[] => Array.from({ length: max + 1 }, (_, i) => i);

/** Changes as sorted arrays, which compare and print better than sets. */
export function changesOf(changes: SceneChanges): {
  created: NodeId[];
  updated: NodeId[];
  reordered: NodeId[];
  removed: NodeId[];
} {
  const sorted = (set: ReadonlySet<NodeId>): NodeId[] => [...set].sort((a, b) => a - b);
  return {
    created: sorted(changes.created),
    updated: sorted(changes.updated),
    reordered: sorted(changes.reordered),
    removed: sorted(changes.removed),
  };
}

export const NO_CHANGES = { created: [], updated: [], reordered: [], removed: [] };

/** Applies a batch that must succeed. */
export function applyOk(
  store: SceneStore,
  world: WorldId,
  ops: readonly SceneOp[] | readonly unknown[],
): void {
  const result = store.apply(world, ops);
  if (!result.ok) throw new Error(`expected the batch to apply, got: ${result.error.message}`);
}
