import { expect } from 'vitest';
import {
  describeIssue,
  type NodeId,
  ROOT_NODE_ID,
  type SceneOp,
  WorldToHostMessageSchema,
} from '../../../../bridge/index.ts';
import type { SceneNode } from '../../../../host/scene/scene-node.ts';
import { type SceneTree, sceneTree } from '../../../../host/scene/snapshot.ts';
import type { LegacyHarness } from '../../../support/legacy-harness.ts';

/** The ops of every `scene.ops` message sent from message index `from` on, one array per batch. */
export function batchesSince(h: LegacyHarness, from = 0): Array<readonly SceneOp[]> {
  return h.messages.slice(from).flatMap((m) => (m.type === 'scene.ops' ? [m.ops] : []));
}

/** Node ids an op addresses (for `append`/`insertBefore` the parent may be the world root). */
function addressed(op: SceneOp): NodeId[] {
  switch (op.op) {
    case 'create':
    case 'setProp':
    case 'remove':
      return [op.id];
    case 'append':
      return [op.parent, op.child];
    case 'insertBefore':
      return [op.parent, op.child, op.before];
  }
}

/**
 * Everything the world sent so far stayed inside the React world: every message fits the
 * world→host contract, the real store accepted every batch, every op addresses a node the world itself created earlier (ids never reused), the
 * world root is only ever a parent, and the other world was never touched.
 */
export function expectWorldKeptToItself(h: LegacyHarness): void {
  expect(h.rejected).toEqual([]);
  // Every message is one the host's contract accepts (the host validates what a world sends).
  for (const message of h.messages) {
    const checked = WorldToHostMessageSchema.check(message);
    expect(checked.ok ? '' : `${message.type} ${describeIssue(checked.issue)}`).toBe('');
  }
  const created = new Set<NodeId>();
  for (const ops of batchesSince(h)) {
    for (const op of ops) {
      if (op.op === 'create') {
        expect(created.has(op.id), `id ${op.id} created twice`).toBe(false);
        expect(op.id).not.toBe(ROOT_NODE_ID);
        created.add(op.id);
        continue;
      }
      const ids = addressed(op);
      for (const [index, id] of ids.entries()) {
        const rootAsParent = index === 0 && (op.op === 'append' || op.op === 'insertBefore');
        if (id === ROOT_NODE_ID && rootAsParent) continue;
        expect(
          created.has(id),
          `${JSON.stringify(op)} addresses node ${id}, which the world never created`,
        ).toBe(true);
      }
    }
  }
  expect(h.store.size('wasm')).toBe(1);
  expect(h.store.root('wasm').children).toEqual([]);
}

/** The attached node with this focus key (depth-first, tree order). */
export function nodeWithKey(h: LegacyHarness, focusKey: string): SceneNode {
  const visit = (node: SceneNode): SceneNode | undefined => {
    if (node.props.focusKey === focusKey) return node;
    for (const id of node.children) {
      const child = h.store.get('legacy', id);
      const found = child === undefined ? undefined : visit(child);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  const found = visit(h.store.root('legacy'));
  if (found === undefined) throw new Error(`no node with focusKey "${focusKey}" in:\n${h.snapshot()}`);
  return found;
}

/** The focus keys of a node's children, in scene order. */
export function childKeys(h: LegacyHarness, parent: SceneNode): Array<string | undefined> {
  return parent.children.map((id) => h.store.get('legacy', id)?.props.focusKey);
}

/** Every text shown in the legacy world, in tree order. */
export function shownTexts(h: LegacyHarness): string[] {
  const out: string[] = [];
  const visit = (tree: SceneTree): void => {
    if (tree.props.text !== undefined) out.push(tree.props.text);
    for (const child of tree.children) visit(child);
  };
  visit(sceneTree(h.store, 'legacy'));
  return out;
}

/** The id a batch gave the node it created and then set `name` to `value` on. */
export function idWhere(ops: readonly SceneOp[], name: string, value: unknown): NodeId {
  const op = ops.find((o) => o.op === 'setProp' && o.name === name && o.value === value);
  if (op === undefined || op.op !== 'setProp')
    throw new Error(`no setProp ${name}=${String(value)} in the batch`);
  return op.id;
}
