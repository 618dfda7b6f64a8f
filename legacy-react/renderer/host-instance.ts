import type { NodeId, SceneOp } from '../../bridge/index.ts';
import type { FocusHandlers, HostType } from './primitive-props.ts';
import type { SceneValues } from './prop-translation.ts';

/** One primitive element as the renderer tracks it: its scene node and its current handlers. */
export interface HostInstance {
  readonly id: NodeId;
  readonly type: HostType;
  /** The route of the page this node belongs to, to name it in error reports. */
  readonly page: string;
  values: SceneValues;
  handlers: FocusHandlers;
  /** Children appended before the instance was committed; written out when it first is. */
  readonly initialChildren: HostInstance[];
  /** False until the instance's create op has been written (see SceneWriter.materialize). */
  materialized: boolean;
}

/**
 * A page's root: the view node the world created for the page, and the ops of the commit in
 * progress. Ops are collected per container so each commit becomes one batch for one page.
 */
export interface PageContainer {
  readonly page: string;
  readonly nodeId: NodeId;
  readonly children: HostInstance[];
  pending: SceneOp[];
  /** Receives each commit's ops, in order. */
  readonly flush: (ops: SceneOp[]) => void;
}
