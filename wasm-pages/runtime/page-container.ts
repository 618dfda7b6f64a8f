import { type NodeId, ROOT_NODE_ID, type SceneOp } from '../../bridge/index.ts';

/**
 * The ops that give a mounted page its full-stage container under the world root. They are the
 * React world's ops for the same thing (LegacyWorld.mount), op for op, so a page's scene is the
 * same in both worlds and parity tests can compare them.
 *
 * @example
 * outbox.pushOps(containerOps(ids.rootId));
 */
export function containerOps(id: NodeId): SceneOp[] {
  return [
    { op: 'create', id, kind: 'view' },
    { op: 'setProp', id, name: 'width', value: 1920 },
    { op: 'setProp', id, name: 'height', value: 1080 },
    { op: 'append', parent: ROOT_NODE_ID, child: id },
  ];
}

/** Removes a page's container and so everything the page drew (remove destroys the subtree). */
export function removeContainerOps(id: NodeId): SceneOp[] {
  return [{ op: 'remove', id }];
}
