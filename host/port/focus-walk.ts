import { DIRECTIONS, type Direction } from '../../bridge/index.ts';
import { FocusEngine } from '../focus/focus-engine.ts';
import type { SceneTree } from '../scene/snapshot.ts';
import type { ReactSession } from './react-session.ts';

/** One press of the walk and the key the React page had focused after it. */
export interface WalkStep {
  readonly direction: Direction;
  readonly focused: string | null;
}

/** The parity script's focus part: where focus starts, the presses, and the keys it never reached. */
export interface FocusWalk {
  readonly initial: string | null;
  readonly steps: readonly WalkStep[];
  readonly unreached: readonly string[];
}

/** Every focus key of a scene, in tree order. */
export function focusKeysOf(trees: readonly SceneTree[]): string[] {
  const keys: string[] = [];
  const visit = (tree: SceneTree) => {
    if (tree.props.focusKey !== undefined) keys.push(tree.props.focusKey);
    for (const child of tree.children) visit(child);
  };
  for (const tree of trees) visit(tree);
  return keys;
}

/** Presses per focus key the walk may use before it gives up on the keys it has not reached. */
const PRESSES_PER_KEY = 4;
/** The longest walk: a parity script stays readable, and a page with hundreds of keys lists the rest as unreached. */
const MAX_PRESSES = 60;

/**
 * Walks the settled React page from its initial focus through every focus key it can reach with
 * arrow keys, pressing them for real (so focus groups remember, looks change) and recording the
 * key focused after each press: the parity test plays the same presses on both worlds and
 * expects these keys. Which arrow leads where is planned on a throwaway focus engine (no memory
 * of groups, no events); the real press decides where focus goes.
 *
 * @example
 * const walk = await walkFocus(session);
 * walk.steps; // [{ direction: 'right', focused: 'profile:p2' }, ...]
 */
export async function walkFocus(session: ReactSession): Promise<FocusWalk> {
  const keys = focusKeysOf(session.page());
  const edges = new Map<string, Map<Direction, string>>();
  for (const key of keys) {
    const out = new Map<Direction, string>();
    for (const direction of DIRECTIONS) {
      const peek = new FocusEngine(session.store, 'legacy', { now: () => 0 });
      peek.focusByKey(key);
      const moved = peek.move(direction);
      if (moved.moved && moved.to.focusKey !== key) out.set(direction, moved.to.focusKey);
    }
    edges.set(key, out);
  }

  session.focus.focusInitial();
  await session.turns(2);
  const initial = session.focus.focused?.focusKey ?? null;
  const visited = new Set<string>(initial === null ? [] : [initial]);
  const steps: WalkStep[] = [];
  let current = initial;
  while (
    current !== null &&
    visited.size < keys.length &&
    steps.length < Math.min(PRESSES_PER_KEY * keys.length, MAX_PRESSES)
  ) {
    const direction = firstStepToUnvisited(current, edges, visited);
    if (direction === null) break;
    current = await session.press(direction);
    steps.push({ direction, focused: current });
    if (current !== null) visited.add(current);
  }
  session.focus.blur();
  await session.turns(2);
  return { initial, steps, unreached: keys.filter((key) => !visited.has(key)) };
}

/** Breadth-first over the planned moves: the first arrow on a shortest way to a key not yet visited. */
function firstStepToUnvisited(
  from: string,
  edges: ReadonlyMap<string, ReadonlyMap<Direction, string>>,
  visited: ReadonlySet<string>,
): Direction | null {
  const firstStep = new Map<string, Direction>();
  const queue: string[] = [from];
  const seen = new Set([from]);
  while (queue.length > 0) {
    const key = queue.shift() as string;
    for (const [direction, to] of edges.get(key) ?? []) {
      if (seen.has(to)) continue;
      seen.add(to);
      const first = firstStep.get(key) ?? direction;
      if (!visited.has(to)) return first;
      firstStep.set(to, first);
      queue.push(to);
    }
  }
  return null;
}
