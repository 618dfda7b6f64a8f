import type { NodeId } from '../../bridge/index.ts';

/**
 * What changed in one world since the painter last looked. Consumers resolve ids against the
 * store's current state, so a node created and removed within one frame is simply skipped.
 */
export interface SceneChanges {
  /** Nodes that were destroyed (their elements, if any, should go). Processed first. */
  readonly removed: ReadonlySet<NodeId>;
  /** Nodes that were created. */
  readonly created: ReadonlySet<NodeId>;
  /** Nodes whose props changed (includes created nodes that received props). */
  readonly updated: ReadonlySet<NodeId>;
  /** Parents whose list of children changed (order, additions, removals). */
  readonly reordered: ReadonlySet<NodeId>;
}

export class ChangeSet implements SceneChanges {
  readonly removed = new Set<NodeId>();
  readonly created = new Set<NodeId>();
  readonly updated = new Set<NodeId>();
  readonly reordered = new Set<NodeId>();

  get isEmpty(): boolean {
    return this.removed.size + this.created.size + this.updated.size + this.reordered.size === 0;
  }

  mergeFrom(other: ChangeSet): void {
    for (const id of other.removed) this.removed.add(id);
    for (const id of other.created) this.created.add(id);
    for (const id of other.updated) this.updated.add(id);
    for (const id of other.reordered) this.reordered.add(id);
  }
}
