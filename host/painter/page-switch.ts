import { ROOT_NODE_ID, type WorldId } from '../../bridge/index.ts';
import type { SceneStore } from '../scene/scene-store.ts';
import type { Lingering } from './page-crossfade.ts';
import { FOCUS_KEY, FOCUSED, type WorldLayer } from './painted-node.ts';

// The DOM side of a page switch within one world: which page containers are on screen, and how
// one leaving is kept painted a moment (a picture only) while the page arriving fades in.

/**
 * Whether the changes waiting for `world` bring on another page: they touch a page container
 * (a child of the world's root: shown, hidden, added or removed). Until they do, the page leaving
 * is still what the screen shows, and paints go on as usual.
 */
export function showsNewPage(store: SceneStore, world: WorldId): boolean {
  const changes = store.peekChanges(world);
  if (changes.reordered.has(ROOT_NODE_ID)) return true;
  for (const ids of [changes.updated, changes.created])
    for (const id of ids) if (store.get(world, id)?.parent === ROOT_NODE_ID) return true;
  return false;
}

/** The page containers of the world (children of its root node) whose elements are on screen. */
export function shownPages(layer: WorldLayer): HTMLElement[] {
  const root = layer.nodes.get(ROOT_NODE_ID)?.element;
  if (root === undefined) return [];
  const shown: HTMLElement[] = [];
  for (const element of root.children)
    if (layer.owned.has(element) && (element as HTMLElement).style.display !== 'none')
      shown.push(element as HTMLElement);
  return shown;
}

/**
 * Keeps a page container leaving painted a moment: a picture only (no focus hooks, inert, hidden
 * from screen readers), let go as the scene says when released: removed, or hidden with its hooks
 * back (`focused`: the element holding the focus mark now, if any).
 */
export function linger(
  layer: WorldLayer,
  element: HTMLElement,
  focused: () => HTMLElement | undefined,
): Lingering | undefined {
  const root = layer.nodes.get(ROOT_NODE_ID)?.element;
  if (root === undefined) return undefined;
  unhook(element);
  if (!element.isConnected) {
    // Removed from the scene: kept a moment, under everything, then gone.
    root.insertBefore(element, root.firstChild);
    return { element, release: () => element.remove() };
  }
  // Hidden: shown a moment more, then hidden as the scene says, its hooks back.
  const node = [...layer.nodes.values()].find((painted) => painted.element === element);
  element.style.removeProperty('display');
  const release = () => {
    const display = node?.style.get('display');
    if (display === undefined) element.style.removeProperty('display');
    else element.style.setProperty('display', display);
    rehook(layer, element);
    focused()?.setAttribute(FOCUSED, '');
  };
  return { element, release };
}

/** Takes a page container leaving out of reach: no focus hooks, not focusable, not read. */
function unhook(container: HTMLElement): void {
  container.setAttribute('inert', '');
  container.setAttribute('aria-hidden', 'true');
  for (const element of container.querySelectorAll(`[${FOCUSED}], [${FOCUS_KEY}]`)) {
    element.removeAttribute(FOCUSED);
    element.removeAttribute(FOCUS_KEY);
  }
  container.removeAttribute(FOCUSED);
  container.removeAttribute(FOCUS_KEY);
}

/** Puts back the hooks `unhook` took from a page container the painter still paints. */
function rehook(layer: WorldLayer, container: HTMLElement): void {
  // The painter never sets inert or aria-hidden on a node: both were unhook's.
  container.removeAttribute('inert');
  container.removeAttribute('aria-hidden');
  for (const painted of layer.nodes.values())
    if (painted.focusKey !== undefined && container.contains(painted.element))
      painted.element.setAttribute(FOCUS_KEY, painted.focusKey);
}
