import type { NodeId, SceneOp, WorldId } from '../../../../bridge/index.ts';
import { DomPainter, type DomPainterOptions } from '../../../../host/painter/dom-painter.ts';
import { SceneStore } from '../../../../host/scene/scene-store.ts';

/** A painter on a fresh store and container, collecting warnings; needs a DOM test environment. */
export function paintedScene(options: DomPainterOptions = {}) {
  const container = document.createElement('div');
  document.body.append(container);
  const store = new SceneStore();
  const warnings: string[] = [];
  const painter = new DomPainter(container, store, {
    onWarning: (message) => warnings.push(message),
    autoResize: false,
    ...options,
  });

  /** Applies a batch through the real store and fails the test loudly if the store rejects it. */
  const apply = (world: WorldId, ops: readonly SceneOp[]): void => {
    const result = store.apply(world, ops);
    if (!result.ok) throw result.error;
  };
  const worldRoot = (world: WorldId): HTMLElement => {
    const root = painter.stage.querySelector<HTMLElement>(`[data-ficus-world="${world}"]`);
    if (root === null) throw new Error(`no root element for world ${world}`);
    return root;
  };
  const element = (world: WorldId, id: NodeId): HTMLElement | null =>
    worldRoot(world).querySelector<HTMLElement>(`[data-ficus-node="${id}"]`);
  const mustElement = (world: WorldId, id: NodeId): HTMLElement => {
    const found = element(world, id);
    if (found === null) throw new Error(`node ${id} of world ${world} has no element`);
    return found;
  };
  /** Node ids of the element children of a node's element, in DOM order. */
  const childIds = (world: WorldId, id: NodeId): number[] =>
    [...mustElement(world, id).children].map((child) => Number(child.getAttribute('data-ficus-node')));
  const dispose = (): void => {
    painter.dispose();
    container.remove();
  };

  return { container, store, painter, warnings, apply, worldRoot, element, mustElement, childIds, dispose };
}

/** `create` + `append` to `parent` ops for a run of view nodes. */
export function views(parent: NodeId, ids: readonly NodeId[]): SceneOp[] {
  return ids.flatMap((id): SceneOp[] => [
    { op: 'create', id, kind: 'view' },
    { op: 'append', parent, child: id },
  ]);
}
