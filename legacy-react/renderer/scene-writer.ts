import { type NodeId, type PropName, type PropValue, type SceneOp, setPropOp } from '../../bridge/index.ts';
import type { HostInstance, PageContainer } from './host-instance.ts';
import { KIND_OF } from './prop-translation.ts';

/**
 * Writes the scene ops for the renderer's tree changes. Instances created during render are only
 * written out once React commits them, so a render React throws away leaves nothing behind in the
 * scene; ids are allocated per world and never reused.
 */
export class SceneWriter {
  private nextId: NodeId;
  /** Committed instances by node id, for routing focus events to handlers. */
  readonly instances = new Map<NodeId, HostInstance>();
  /**
   * True while React commits (including while the commit's ops are being sent): events that the
   * host raises in reaction must wait until the commit is over, or a handler would run inside it.
   */
  committing = false;

  constructor(firstId: NodeId = 1) {
    this.nextId = firstId;
  }

  allocateId(): NodeId {
    return this.nextId++;
  }

  /** Writes `instance` and the subtree built under it during render, if not written yet. */
  materialize(into: SceneOp[], instance: HostInstance): void {
    if (instance.materialized) return;
    instance.materialized = true;
    this.instances.set(instance.id, instance);
    into.push({ op: 'create', id: instance.id, kind: KIND_OF[instance.type] });
    for (const [name, value] of Object.entries(instance.values) as Array<[PropName, PropValue]>) {
      into.push(setPropOp(instance.id, name, value));
    }
    for (const child of instance.initialChildren) {
      this.materialize(into, child);
      into.push({ op: 'append', parent: instance.id, child: child.id });
    }
    instance.initialChildren.length = 0;
  }

  append(container: PageContainer, parentId: NodeId, child: HostInstance): void {
    this.materialize(container.pending, child);
    container.pending.push({ op: 'append', parent: parentId, child: child.id });
  }

  insertBefore(container: PageContainer, parentId: NodeId, child: HostInstance, before: HostInstance): void {
    this.materialize(container.pending, child);
    container.pending.push({ op: 'insertBefore', parent: parentId, child: child.id, before: before.id });
  }

  /** Removes the node and its subtree from the scene (one op); forgetting instances is per node. */
  remove(container: PageContainer, child: HostInstance): void {
    if (child.materialized) container.pending.push({ op: 'remove', id: child.id });
  }

  forget(instance: HostInstance): void {
    this.instances.delete(instance.id);
  }
}
