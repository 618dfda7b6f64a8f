import type { HistoryEntry, WorldId } from '../bridge/index.ts';
import { canGoBack, canGoForward, indexOfKey, newEntry, type PageRef } from './history-stack.ts';
import type { NavigationContext, PendingNavigation } from './navigation-context.ts';
import type { NavigationRequest } from './navigation-events.ts';
import type { UrlSyncMode } from './ports.ts';

/** Where a request leads from the committed stack: a new page, or an existing entry by index. */
export type NavigationTarget =
  | {
      readonly kind: 'push' | 'replace' | 'reset';
      readonly page: PageRef;
      readonly urlMode: UrlSyncMode;
      /** For a reset: the pages beneath `page`, oldest first. */
      readonly beneath?: readonly PageRef[];
      /** For a replace that reloads the page on screen: keep the viewer's focus key. */
      readonly keepFocus?: boolean;
    }
  | { readonly kind: 'back' | 'forward'; readonly index: number; readonly urlMode: UrlSyncMode };

type Planned = Pick<NavigationContext, 'pending' | 'keys' | 'attempts'>;

/**
 * The target of a request, always read from the committed stack (a request supersedes whatever
 * is pending). Undefined when there is nothing to do: Back at the root, Forward at the end, a
 * popstate naming an unknown entry or the current one.
 *
 * @example
 * targetOf({ stack: resetToRoot(home), rootRoute: 'home' }, { type: 'BACK' }); // undefined
 */
export function targetOf(
  context: Pick<NavigationContext, 'stack' | 'rootRoute'>,
  request: NavigationRequest,
): NavigationTarget | undefined {
  const { stack } = context;
  switch (request.type) {
    case 'NAVIGATE':
      return { kind: 'push', page: { route: request.route, params: request.params }, urlMode: 'push' };
    case 'REPLACE':
      return request.reload === true
        ? {
            kind: 'replace',
            page: { route: request.route, params: request.params },
            urlMode: 'none',
            keepFocus: true,
          }
        : { kind: 'replace', page: { route: request.route, params: request.params }, urlMode: 'replace' };
    case 'RESET':
      // The browser already shows the first page's URL (a deep link), and a reset later on has
      // no older browser entries it could drop: both just rewrite the current browser entry.
      return {
        kind: 'reset',
        page: request.page ?? { route: context.rootRoute, params: {} },
        urlMode: 'replace',
        beneath: request.beneath ?? [],
      };
    case 'BACK':
      return canGoBack(stack) ? { kind: 'back', index: stack.index - 1, urlMode: 'back' } : undefined;
    case 'FORWARD':
      return canGoForward(stack)
        ? { kind: 'forward', index: stack.index + 1, urlMode: 'forward' }
        : undefined;
    case 'POPSTATE': {
      const index = indexOfKey(stack, request.entryKey);
      if (index < 0 || index === stack.index) return undefined;
      return { kind: index < stack.index ? 'back' : 'forward', index, urlMode: 'none' };
    }
  }
}

/**
 * A fresh attempt towards `target`. `readFocus` is the host's `currentFocusKey`, read only when the
 * page being left stays in the history (push, back, forward) so its focus can be restored later.
 * `chooseWorld` (the host's) names the world recorded for a reset's parents, which are not mounted.
 *
 * @example
 * const planned = startPending(context, { kind: 'push', page, urlMode: 'push' }, ports.currentFocusKey);
 * planned.pending.entry.key; // the next key from context.keys
 */
export function startPending(
  context: NavigationContext,
  target: NavigationTarget,
  readFocus: () => string | null,
  chooseWorld: (page: PageRef) => WorldId = () => 'legacy',
): Planned {
  const id = context.attempts + 1;
  const keepsLeavingEntry = target.kind !== 'replace' && target.kind !== 'reset';
  const leavingFocusKey = keepsLeavingEntry && context.stack.index >= 0 ? readFocus() : null;
  const base = {
    id,
    kind: target.kind,
    world: null,
    forcedWorld: null,
    urlMode: target.urlMode,
    leavingFocusKey,
    mountStarted: false,
    previous: null,
  } as const;

  if ('page' in target) {
    // Parents get their keys first, so keys grow from the bottom of the stack up.
    let keys = context.keys;
    const beneath: HistoryEntry[] = [];
    for (const page of target.beneath ?? []) {
      const made = newEntry(keys, { ...page, world: chooseWorld(page) });
      beneath.push(made.entry);
      keys = made.keys;
    }
    // 'legacy' is a placeholder: `choosingWorld` sets the real world before anything sees the entry.
    const made = newEntry(keys, { ...target.page, world: 'legacy' });
    const focusToRestore = target.keepFocus === true && context.stack.index >= 0 ? readFocus() : null;
    return {
      pending: { ...base, entry: made.entry, beneath, targetIndex: -1, focusToRestore },
      keys: made.keys,
      attempts: id,
    };
  }
  const entry = entryAt(context, target.index);
  return {
    pending: { ...base, entry, beneath: [], targetIndex: target.index, focusToRestore: entry.focusKey },
    keys: context.keys,
    attempts: id,
  };
}

/**
 * Serve the visible entry again in 'legacy' after its WASM page crashed: same key and index, no
 * URL change. Focus goes back where the viewer was on the crashed page (read now, while the
 * host still knows it), else to the key the entry saved.
 *
 * @example
 * const planned = planRemount(context, ports.currentFocusKey); // planned.pending.kind === 'remount'
 */
export function planRemount(context: NavigationContext, readFocus: () => string | null): Planned {
  const id = context.attempts + 1;
  const entry = entryAt(context, context.stack.index);
  return {
    pending: {
      id,
      kind: 'remount',
      entry,
      beneath: [],
      targetIndex: context.stack.index,
      world: null,
      forcedWorld: 'legacy',
      urlMode: 'none',
      leavingFocusKey: null,
      focusToRestore: readFocus() ?? entry.focusKey,
      mountStarted: false,
      previous: null,
    },
    keys: context.keys,
    attempts: id,
  };
}

/**
 * The same navigation again, forced into 'legacy' after its WASM attempt failed: a new attempt id
 * so anything still arriving for the WASM attempt is ignored.
 *
 * @example
 * const retry = retryInLegacy(context); // retry.pending.forcedWorld === 'legacy'
 */
export function retryInLegacy(context: NavigationContext): Pick<NavigationContext, 'pending' | 'attempts'> {
  const pending = requirePending(context);
  const id = context.attempts + 1;
  return {
    pending: { ...pending, id, world: null, forcedWorld: 'legacy', mountStarted: false, previous: null },
    attempts: id,
  };
}

/** The pending navigation; its absence in a switching state is a bug in the machine, not input. */
export function requirePending(context: Pick<NavigationContext, 'pending'>): PendingNavigation {
  if (context.pending === null) throw new Error('router bug: no pending navigation in a switching state');
  return context.pending;
}

function entryAt(context: NavigationContext, index: number): HistoryEntry {
  const entry = context.stack.entries[index];
  if (entry === undefined) throw new Error(`router bug: no history entry at index ${index}`);
  return entry;
}
