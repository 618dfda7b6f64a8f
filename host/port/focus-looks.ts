import type { PropName, PropValue } from '../../bridge/index.ts';
import type { SceneTree } from '../scene/snapshot.ts';
import type { ReactSession } from './react-session.ts';

/** A prop that focusing a key changes: on which node (child indices from the page's nodes), from what, to what. */
export interface LookChange {
  /** Child indices from the page's top-level nodes: `[0, 2]` is the third child of the first node. */
  readonly path: readonly number[];
  readonly prop: PropName;
  /** The value while the key is not focused; undefined when the prop is unset then. */
  readonly blurred: PropValue | undefined;
  /** The value while it is; undefined when focusing clears it. */
  readonly focused: PropValue | undefined;
}

/** What focusing one key changes in the settled scene. */
export type FocusLook =
  | { readonly key: string; readonly kind: 'props'; readonly changes: readonly LookChange[] }
  /** Focusing it adds, removes or replaces nodes: the scaffold cannot write that as prop changes. */
  | { readonly key: string; readonly kind: 'structure'; readonly where: string };

/**
 * The props that differ between two scenes of the same shape, or where their shapes part
 * (a node of another kind, or another number of children) as a string.
 *
 * @example
 * propChanges(base, focused); // [{ path: [0, 3, 1], prop: 'borderWidth', blurred: 0, focused: 4 }]
 */
export function propChanges(base: readonly SceneTree[], other: readonly SceneTree[]): LookChange[] | string {
  const changes: LookChange[] = [];
  const compare = (
    a: readonly SceneTree[],
    b: readonly SceneTree[],
    path: readonly number[],
  ): string | null => {
    if (a.length !== b.length)
      return `node ${path.length === 0 ? 'the page' : `at [${path.join(', ')}]`} has ${b.length} children instead of ${a.length}`;
    for (const [index, left] of a.entries()) {
      const right = b[index] as SceneTree;
      const here = [...path, index];
      if (left.kind !== right.kind)
        return `node at [${here.join(', ')}] is a ${right.kind} instead of a ${left.kind}`;
      const names = new Set([...Object.keys(left.props), ...Object.keys(right.props)] as PropName[]);
      for (const prop of [...names].sort()) {
        const blurred = left.props[prop];
        const focused = right.props[prop];
        if (blurred !== focused) changes.push({ path: here, prop, blurred, focused });
      }
      const inner = compare(left.children, right.children, here);
      if (inner !== null) return inner;
    }
    return null;
  };
  const where = compare(base, other, []);
  return where === null ? changes : where;
}

/**
 * Focuses each key of the settled React page in turn (the way the host does, so its focus and
 * blur handlers and useIsFocused run) and records what that changes compared with nothing
 * focused: the WASM page's onFocus/onBlur make the same changes.
 *
 * @example
 * const looks = await focusLooks(session, ['profile:p1', 'profile:p2']);
 * looks[0]; // { key: 'profile:p1', kind: 'props', changes: [{ path: [0, 1, 0, 0], prop: 'borderWidth', blurred: 0, focused: 4 }] }
 */
export async function focusLooks(session: ReactSession, keys: readonly string[]): Promise<FocusLook[]> {
  const base = session.page();
  const looks: FocusLook[] = [];
  for (const key of keys) {
    session.focus.focusByKey(key);
    await session.turns(3);
    const changes = propChanges(base, session.page());
    looks.push(
      typeof changes === 'string'
        ? { key, kind: 'structure', where: changes }
        : { key, kind: 'props', changes },
    );
  }
  session.focus.blur();
  await session.turns(3);
  return looks;
}
