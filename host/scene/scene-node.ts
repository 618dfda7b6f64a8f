import type { NodeId, NodeKind, SceneProps } from '../../bridge/index.ts';

/** A node as the rest of the host sees it: read-only; only the store changes nodes. */
export interface SceneNode {
  readonly id: NodeId;
  readonly kind: NodeKind;
  readonly props: Readonly<Partial<SceneProps>>;
  readonly parent: NodeId | null;
  readonly children: readonly NodeId[];
}

/** The store's own mutable form of a node. */
export interface MutableSceneNode {
  readonly id: NodeId;
  readonly kind: NodeKind;
  props: Partial<SceneProps>;
  parent: NodeId | null;
  children: NodeId[];
}
