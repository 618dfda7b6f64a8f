import { WORLD_IDS, type WorldId } from '../../bridge/index.ts';
import type { AppHost } from '../../host/boot/app-host.ts';
import { collectFocusables, type Focusable } from '../../host/focus/focusables.ts';
import type { SceneNode } from '../../host/scene/scene-node.ts';
import type { SceneStore } from '../../host/scene/scene-store.ts';

/**
 * The page a viewer sees in `world`: each mounted page is one full-stage layer under the world
 * root, and the last visible one is painted on top.
 */
export function topPageLayer(store: SceneStore, world: WorldId): SceneNode | undefined {
  const layers = store
    .root(world)
    .children.map((id) => store.get(world, id))
    .filter((node): node is SceneNode => node !== undefined && node.props.visible !== false);
  return layers.at(-1);
}

/** The focusable nodes of the page on top in `world` (what the viewer could focus there). */
export function pageFocusables(store: SceneStore, world: WorldId): Focusable[] {
  const layer = topPageLayer(store, world);
  if (layer === undefined) return [];
  return collectFocusables(store, world).filter((f) => f.path.some((a) => a.id === layer.id));
}

/**
 * What breaks "the visible page has exactly one focused node" (ARCHITECTURE.md, Focus and input),
 * or undefined when it holds. `world` is the world on screen. With `allowNothingFocusable`, a
 * page with nothing focusable (a loading panel) passes; at rest, a page must have something.
 *
 * @example
 * expect(focusRuleProblem(app.host, 'legacy')).toBeUndefined();
 */
export function focusRuleProblem(
  host: AppHost,
  world: WorldId,
  { allowNothingFocusable = false }: { readonly allowNothingFocusable?: boolean } = {},
): string | undefined {
  for (const other of WORLD_IDS) {
    const focused = host.focus.engines[other].focused;
    if (other !== world && focused !== null)
      return `the hidden ${other} world holds focus on "${focused.focusKey}"`;
  }
  const candidates = pageFocusables(host.store, world);
  const focused = host.focus.engines[world].focused;
  if (focused === null) {
    if (candidates.length === 0 && allowNothingFocusable) return undefined;
    const keys = candidates.slice(0, 4).map((f) => f.key);
    const more = candidates.length > keys.length ? `, … ${candidates.length} in all` : '';
    return `nothing is focused in the ${world} world (its page offers: ${keys.join(', ') || 'nothing'}${more})`;
  }
  if (!candidates.some((f) => f.node.id === focused.nodeId && f.key === focused.focusKey))
    return `"${focused.focusKey}" (node ${focused.nodeId}) has focus but is not on the ${world} world's visible page`;
  return undefined;
}

/**
 * Checks the focus rule after every painted frame (the harness's `onPaint`) and whenever the focus
 * ring moved between frames (`onFocusMarked`): a page that offers something focusable must show
 * exactly one focused node on it, and a hidden world none. Loading panels pass.
 *
 * @example
 * const frames = paintedFocusWatch();
 * app = await startApp({ onPaint: frames.onPaint, onFocusMarked: frames.onFocusMarked });
 * expect(frames.problems).toEqual([]);
 */
export function paintedFocusWatch() {
  const problems: string[] = [];
  let paints = 0;
  const check = (host: AppHost, shown: WorldId | null, when: string) => {
    if (shown === null) return;
    const problem = focusRuleProblem(host, shown, { allowNothingFocusable: true });
    // The same problem over many frames is one finding: keep the list readable.
    const finding = problem === undefined ? undefined : `${when}: ${problem}`;
    if (finding !== undefined && problems.at(-1) !== finding) problems.push(finding);
  };
  let waiters: Array<{ readonly at: number; readonly resolve: () => void }> = [];
  return {
    problems,
    /** Resolves once `count` more frames have been painted (waits on frames, never on time). */
    frames(count: number): Promise<void> {
      return new Promise((resolve) => waiters.push({ at: paints + count, resolve }));
    },
    onPaint(host: AppHost, shown: WorldId | null): void {
      paints++;
      const due = waiters.filter((w) => w.at <= paints);
      waiters = waiters.filter((w) => w.at > paints);
      for (const waiter of due) waiter.resolve();
      check(host, shown, 'painted');
    },
    /** The same check between frames, each time the focus ring moved (the harness's `onFocusMarked`). */
    onFocusMarked(host: AppHost, shown: WorldId | null): void {
      check(host, shown, 'between frames');
    },
  };
}
