import type { PropName } from '../../bridge/index.ts';
import type { SceneTree } from '../scene/snapshot.ts';
import { type AsNames, asSetter, asString } from './as-values.ts';

// Geometry first, in the order a reader expects it, then the other props by name.
const GEOMETRY: readonly PropName[] = ['x', 'y', 'width', 'height'];
const rank = (prop: PropName): number => {
  const at = GEOMETRY.indexOf(prop);
  return at === -1 ? GEOMETRY.length : at;
};

/** A node's place among the page's nodes: child indices from its top-level nodes, as "0.2.1". */
export const pathKey = (path: readonly number[]): string => path.join('.');

/**
 * The body of an AssemblyScript function that builds `trees` under `parent` with SDK calls, the
 * same nodes in the same order with the same props (`view()`, `text(...)`, `image(...)` and
 * chained setters). The nodes whose paths are in `marked` are pushed onto the `marked` array,
 * in tree order, so code written elsewhere (focus looks) can reach them.
 *
 * @example
 * sceneBody([{ kind: 'text', props: { text: 'Hi', x: 80 }, children: [] }], 'parent', new Set(), names);
 * // '  const n0 = text("Hi").x(MARGIN);\n  parent.append(n0);'
 */
export function sceneBody(
  trees: readonly SceneTree[],
  parent: string,
  marked: ReadonlySet<string>,
  names: AsNames,
): string {
  const lines: string[] = [];
  let next = 0;
  const build = (tree: SceneTree, into: string, path: readonly number[]) => {
    const name = `n${next++}`;
    names.sdk.add(tree.kind);
    const props = (Object.entries(tree.props) as [PropName, SceneTree['props'][PropName]][]).sort(
      ([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : 1),
    );
    const content =
      tree.kind === 'text' ? tree.props.text : tree.kind === 'image' ? tree.props.src : undefined;
    const setters = props
      .filter(([prop]) => !(content !== undefined && (prop === 'text' || prop === 'src')))
      .map(([prop, value]) => asSetter(prop, value, names));
    const created = `${tree.kind}(${content === undefined ? '' : asString(content)})`;
    lines.push(`  const ${name} = ${created}${setters.join('')};`);
    lines.push(`  ${into}.append(${name});`);
    if (marked.has(pathKey(path))) lines.push(`  marked.push(${name});`);
    for (const [index, child] of tree.children.entries()) build(child, name, [...path, index]);
  };
  for (const [index, tree] of trees.entries()) build(tree, parent, [index]);
  return lines.join('\n');
}

/** The paths in `marked`, in the order sceneBody pushes their nodes (tree order). */
export function markedOrder(trees: readonly SceneTree[], marked: ReadonlySet<string>): string[] {
  const order: string[] = [];
  const visit = (tree: SceneTree, path: readonly number[]) => {
    if (marked.has(pathKey(path))) order.push(pathKey(path));
    for (const [index, child] of tree.children.entries()) visit(child, [...path, index]);
  };
  for (const [index, tree] of trees.entries()) visit(tree, [index]);
  return order;
}
