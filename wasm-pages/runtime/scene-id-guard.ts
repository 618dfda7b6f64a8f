import { describeOp, type NodeId, type SceneOp } from '../../bridge/index.ts';
import { lastPageId, type PageIds } from './page-ids.ts';

function problemWith(id: NodeId, ids: PageIds, asParent: boolean): string | null {
  if (id >= ids.firstId && id <= lastPageId(ids)) return null;
  if (id === ids.rootId) {
    return asParent
      ? null
      : `node ${id} is the page's root (the container the world made): a page may only append to it`;
  }
  return `node ${id} is not the page's: it may use ${ids.firstId} to ${lastPageId(ids)} and its root ${ids.rootId} as a parent`;
}

/**
 * Checks that a page's ops touch only its own nodes (ABI.md section 5): ids from `firstId` on,
 * and `rootId` only as a parent, never created, changed, moved or removed. Returns what is
 * wrong with the first offending op, or null.
 *
 * @example
 * findForeignId([{ op: 'create', id: 7, kind: 'view' }], { rootId: 16777216, firstId: 16777217 });
 * // 'op 1, create(node 7, view): node 7 is not the page's: ...'
 */
export function findForeignId(ops: readonly SceneOp[], ids: PageIds): string | null {
  for (const [index, op] of ops.entries()) {
    let problem: string | null;
    switch (op.op) {
      case 'create':
      case 'setProp':
      case 'remove':
        problem = problemWith(op.id, ids, false);
        break;
      case 'append':
        problem = problemWith(op.parent, ids, true) ?? problemWith(op.child, ids, false);
        break;
      case 'insertBefore':
        problem =
          problemWith(op.parent, ids, true) ??
          problemWith(op.child, ids, false) ??
          problemWith(op.before, ids, false);
        break;
    }
    if (problem !== null) return `op ${index + 1}, ${describeOp(op)}: ${problem}`;
  }
  return null;
}
