import type { NodeKind, PropName, SceneProps, WorldId } from '../../bridge/index.ts';
import type { SceneNode } from './scene-node.ts';
import type { SceneStore } from './scene-store.ts';

/** A world's attached scene with ids dropped: what parity tests compare across worlds. */
export interface SceneTree {
  readonly kind: NodeKind;
  readonly props: Readonly<Partial<SceneProps>>;
  readonly children: readonly SceneTree[];
}

/** The attached scene of `world` as a plain tree, props in name order, ids left out. */
export function sceneTree(store: SceneStore, world: WorldId): SceneTree {
  const build = (node: SceneNode): SceneTree => {
    const props: Partial<Record<PropName, unknown>> = {};
    for (const name of (Object.keys(node.props) as PropName[]).sort()) props[name] = node.props[name];
    const children: SceneTree[] = [];
    for (const childId of node.children) {
      const child = store.get(world, childId);
      if (child !== undefined) children.push(build(child));
    }
    return { kind: node.kind, props: props as Partial<SceneProps>, children };
  };
  return build(store.root(world));
}

/**
 * A stable text rendering of a world's scene for tests and diffs: one line per node, indented by
 * depth, ids renumbered in tree order (`#0` is the root) so two runs, or two worlds, that build
 * the same scene print the same text whatever ids they allocated.
 *
 * @example
 * snapshotScene(store, 'legacy')
 * // view #0
 * //   text #1 color="#ffffff" text="Hello"
 */
export function snapshotScene(store: SceneStore, world: WorldId): string {
  const lines: string[] = [];
  let next = 0;
  const print = (tree: SceneTree, depth: number): void => {
    const props = Object.entries(tree.props).map(([name, value]) => `${name}=${JSON.stringify(value)}`);
    lines.push(
      `${'  '.repeat(depth)}${tree.kind} #${next++}${props.length > 0 ? ` ${props.join(' ')}` : ''}`,
    );
    for (const child of tree.children) print(child, depth + 1);
  };
  print(sceneTree(store, world), 0);
  return lines.join('\n');
}
