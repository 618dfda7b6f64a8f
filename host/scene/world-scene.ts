import {
  type NodeId,
  PROPS,
  propAppliesTo,
  ROOT_NODE_ID,
  type SceneOp,
  SceneOpSchema,
  type SetPropOp,
  type WorldId,
} from '../../bridge/index.ts';
import { ChangeSet, type SceneChanges } from './scene-changes.ts';
import type { MutableSceneNode } from './scene-node.ts';
import type { SceneOpErrorCode } from './scene-op-error.ts';

/** Thrown while applying one op; the store turns it into a SceneOpError with the op's index. */
export class OpRejection {
  constructor(
    readonly code: SceneOpErrorCode,
    readonly reason: string,
  ) {}
}

/** Props that move, hide or re-rank focusable nodes: a change to one of them changes the layout. */
const LAYOUT_PROPS: ReadonlySet<string> = new Set([
  'x',
  'y',
  'width',
  'height',
  'visible',
  'focusKey',
  'focusGroup',
  'preferredChild',
  'boundary',
]);

/**
 * One world's node tree. `applyBatch` is atomic: every mutation records how to undo itself, and
 * the first rejected op rolls the batch back, so a bad batch leaves no trace.
 */
export class WorldScene {
  readonly nodes = new Map<NodeId, MutableSceneNode>();
  /** Changes committed since the last `takeChanges`. */
  private changes = new ChangeSet();
  /**
   * Bumped by every batch that changed the tree or a layout prop (LAYOUT_PROPS), so what is
   * derived from the layout (the focusables) is reused while only text or colors change.
   */
  layoutVersion = 0;

  constructor(
    readonly world: WorldId,
    /** Asked only to word an error better: does another world have a node with this id? */
    private readonly otherWorldWith: (id: NodeId) => WorldId | undefined,
  ) {
    this.nodes.set(ROOT_NODE_ID, { id: ROOT_NODE_ID, kind: 'view', props: {}, parent: null, children: [] });
    this.changes.created.add(ROOT_NODE_ID);
  }

  /**
   * Applies all ops or none; on rejection throws `{ index, op, rejection }`. `checked` ops were
   * validated where they entered (decodeSceneBatch): their shape is not checked again, only what
   * needs the tree (ids, kinds, cycles).
   */
  applyBatch(ops: readonly unknown[], checked = false): void {
    const undo: Array<() => void> = [];
    const pending = new ChangeSet();
    let layout = false;
    for (let index = 0; index < ops.length; index++) {
      const raw = ops[index];
      try {
        const op = checked ? (raw as SceneOp) : this.validated(raw);
        if (this.applyOne(op, undo, pending)) layout = true;
      } catch (error) {
        for (let i = undo.length - 1; i >= 0; i--) undo[i]?.();
        if (error instanceof OpRejection) throw new BatchRejection(index, raw, error);
        throw error;
      }
    }
    this.changes.mergeFrom(pending);
    if (layout) this.layoutVersion++;
  }

  private validated(raw: unknown): SceneOp {
    const checked = SceneOpSchema.check(raw, '');
    if (checked.ok) return checked.value;
    const where = checked.issue.path === '' ? '' : ` (at ${checked.issue.path.slice(1)})`;
    throw new OpRejection('invalid-op', `${checked.issue.message}${where}`);
  }

  /** What changed since the last `takeChanges`, without taking it (read it, do not keep it). */
  get pendingChanges(): SceneChanges {
    return this.changes;
  }

  takeChanges(): ChangeSet {
    const taken = this.changes;
    this.changes = new ChangeSet();
    return taken;
  }

  /** Destroys every node but the root, e.g. when a world restarts after a crash. */
  clear(): void {
    const root = this.mustGet(ROOT_NODE_ID);
    for (const id of this.nodes.keys()) if (id !== ROOT_NODE_ID) this.changes.removed.add(id);
    this.nodes.clear();
    this.nodes.set(ROOT_NODE_ID, { ...root, props: {}, children: [] });
    this.changes.updated.add(ROOT_NODE_ID);
    this.changes.reordered.add(ROOT_NODE_ID);
    this.layoutVersion++;
  }

  private mustGet(id: NodeId, role = 'node'): MutableSceneNode {
    const node = this.nodes.get(id);
    if (node !== undefined) return node;
    const owner = this.otherWorldWith(id);
    if (owner !== undefined) {
      throw new OpRejection(
        'foreign-node',
        `${role} ${id} does not exist in world "${this.world}" (world "${owner}" has a node ${id}, but a world can only address its own nodes)`,
      );
    }
    throw new OpRejection('unknown-node', `${role} ${id} does not exist in world "${this.world}"`);
  }

  /** Applies one op; returns whether it may have changed the layout. */
  private applyOne(op: SceneOp, undo: Array<() => void>, pending: ChangeSet): boolean {
    switch (op.op) {
      case 'create': {
        if (this.nodes.has(op.id)) {
          throw new OpRejection(
            'duplicate-id',
            op.id === ROOT_NODE_ID
              ? `node ${ROOT_NODE_ID} is the world root, which the host creates`
              : `node ${op.id} already exists`,
          );
        }
        this.nodes.set(op.id, { id: op.id, kind: op.kind, props: {}, parent: null, children: [] });
        undo.push(() => this.nodes.delete(op.id));
        pending.created.add(op.id);
        return false; // a detached node is in no layout until it is attached
      }
      case 'setProp': {
        const changed = this.setProp(op, undo);
        if (changed) pending.updated.add(op.id);
        return changed && LAYOUT_PROPS.has(op.name);
      }
      case 'append':
        this.attach(op.parent, op.child, null, undo, pending);
        return true;
      case 'insertBefore':
        this.attach(op.parent, op.child, op.before, undo, pending);
        return true;
      case 'remove':
        this.remove(op.id, undo, pending);
        return true;
    }
  }

  /** Returns whether the value changed, so re-sending a prop costs the painter nothing. */
  private setProp(op: SetPropOp, undo: Array<() => void>): boolean {
    const node = this.mustGet(op.id);
    if (!propAppliesTo(op.name, node.kind)) {
      const kinds = PROPS[op.name].kinds.join(' or ');
      throw new OpRejection(
        'prop-not-for-kind',
        `prop ${op.name} applies to ${kinds} nodes, and node ${op.id} is a ${node.kind}`,
      );
    }
    const props = node.props as Record<string, unknown>;
    const had = Object.hasOwn(props, op.name);
    const previous = props[op.name];
    if ((op.value === null && !had) || (had && previous === op.value)) return false;
    if (op.value === null) delete props[op.name];
    // -0 and 0 draw the same; storing one of them keeps snapshots and parity checks from telling them apart.
    else props[op.name] = op.value === 0 ? 0 : op.value;
    undo.push(() => {
      if (had) props[op.name] = previous;
      else delete props[op.name];
    });
    return true;
  }

  private attach(
    parentId: NodeId,
    childId: NodeId,
    beforeId: NodeId | null,
    undo: Array<() => void>,
    pending: ChangeSet,
  ): void {
    const parent = this.mustGet(parentId, 'parent');
    const child = this.mustGet(childId, 'child');
    if (parent.kind !== 'view') {
      throw new OpRejection(
        'not-a-container',
        `node ${parentId} is a ${parent.kind}, which cannot have children; wrap both in a view instead`,
      );
    }
    if (childId === ROOT_NODE_ID) throw new OpRejection('root-is-fixed', 'the world root cannot be moved');
    for (
      let ancestor: NodeId | null = parentId;
      ancestor !== null;
      ancestor = this.mustGet(ancestor).parent
    ) {
      if (ancestor === childId) {
        throw new OpRejection(
          'cycle',
          parentId === childId
            ? `node ${childId} cannot be its own parent`
            : `node ${childId} cannot move into node ${parentId}, which is inside it`,
        );
      }
    }
    if (beforeId !== null) {
      this.mustGet(beforeId, 'sibling');
      if (beforeId === childId)
        throw new OpRejection('cycle', `node ${childId} cannot be inserted before itself`);
      if (!parent.children.includes(beforeId)) {
        throw new OpRejection('not-a-child', `sibling ${beforeId} is not a child of node ${parentId}`);
      }
    }

    const oldParent = child.parent === null ? null : this.mustGet(child.parent);
    const oldIndex = oldParent === null ? -1 : oldParent.children.indexOf(childId);
    if (oldParent !== null) {
      oldParent.children.splice(oldIndex, 1);
      pending.reordered.add(oldParent.id);
    }
    const index = beforeId === null ? parent.children.length : parent.children.indexOf(beforeId);
    parent.children.splice(index, 0, childId);
    child.parent = parentId;
    pending.reordered.add(parentId);

    undo.push(() => {
      parent.children.splice(parent.children.indexOf(childId), 1);
      if (oldParent !== null) oldParent.children.splice(oldIndex, 0, childId);
      child.parent = oldParent === null ? null : oldParent.id;
    });
  }

  private remove(id: NodeId, undo: Array<() => void>, pending: ChangeSet): void {
    const node = this.mustGet(id);
    if (id === ROOT_NODE_ID) throw new OpRejection('root-is-fixed', 'the world root cannot be removed');
    const parent = node.parent === null ? null : this.mustGet(node.parent);
    const index = parent === null ? -1 : parent.children.indexOf(id);
    if (parent !== null) {
      parent.children.splice(index, 1);
      pending.reordered.add(parent.id);
    }
    const subtree: MutableSceneNode[] = [];
    const stack = [node];
    for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
      subtree.push(next);
      for (const childId of next.children) stack.push(this.mustGet(childId));
    }
    for (const gone of subtree) {
      this.nodes.delete(gone.id);
      pending.removed.add(gone.id);
    }
    undo.push(() => {
      for (const gone of subtree) this.nodes.set(gone.id, gone);
      if (parent !== null) parent.children.splice(index, 0, id);
    });
  }
}

/** A batch stopped at op `index`; carries the raw op so the error can show it. */
export class BatchRejection {
  constructor(
    readonly index: number,
    readonly op: unknown,
    readonly rejection: OpRejection,
  ) {}
}
