import { createTwoFilesPatch } from 'diff';
import type { SceneTree } from '../../host/scene/snapshot.ts';

/** The scene as indented lines, ids already absent: what a human diff reads well. */
export function sceneLines(tree: SceneTree, depth = 0, out: string[] = []): string[] {
  const props = Object.entries(tree.props).map(([name, value]) => `${name}=${JSON.stringify(value)}`);
  out.push(`${'  '.repeat(depth)}${tree.kind}${props.length > 0 ? ` ${props.join(' ')}` : ''}`);
  for (const child of tree.children) sceneLines(child, depth + 1, out);
  return out;
}

/**
 * A unified diff (`--- React`, `+++ WASM`, `@@` hunks with `context` lines around each change) of
 * two line lists, or null when they are equal. Every change is in it, not just the first.
 *
 * @example
 * linesDiff(['view', '  text text="a"'], ['view', '  text text="b"']);
 * // '--- React\n+++ WASM\n@@ -1,2 +1,2 @@\n view\n-  text text="a"\n+  text text="b"'
 */
export function linesDiff(react: readonly string[], wasm: readonly string[], context = 3): string | null {
  if (react.length === wasm.length && react.every((line, index) => line === wasm[index])) return null;
  const text = (lines: readonly string[]) => (lines.length === 0 ? '' : `${lines.join('\n')}\n`);
  const patch = createTwoFilesPatch('React', 'WASM', text(react), text(wasm), undefined, undefined, {
    context,
  });
  // The patch starts with a `===` rule and ends with a newline; keep the standard part only.
  return patch
    .split('\n')
    .filter((line) => !line.startsWith('====') && line !== '\\ No newline at end of file')
    .join('\n')
    .trimEnd();
}

/** A unified diff of two scene trees (see {@link linesDiff}), or null when they are equal. */
export function sceneDiff(react: SceneTree, wasm: SceneTree, context = 3): string | null {
  return linesDiff(sceneLines(react), sceneLines(wasm), context);
}

/** Values one to a line (JSON), so a list of requests diffs request by request. */
export const jsonLines = (values: readonly unknown[]): string[] =>
  values.map((value) => JSON.stringify(value));
