import {
  goTo,
  type HistoryStack,
  push,
  replace,
  resetToRoot,
  withFocusKey,
  withWorld,
} from './history-stack.ts';
import type { PendingNavigation } from './navigation-context.ts';

/**
 * The committed stack after `pending` has been shown: the only place the history changes. The
 * entry being left keeps the focus it had (for Back), and the entry shown records the world that
 * actually served it (after a fallback that is 'legacy', whatever the plan said).
 *
 * @example
 * commitStack(resetToRoot(home), { ...pending, kind: 'push', entry: details, leavingFocusKey: 'tile-3' });
 * // { entries: [{ ...home, focusKey: 'tile-3' }, details], index: 1 }
 */
export function commitStack(stack: HistoryStack, pending: PendingNavigation): HistoryStack {
  const world = pending.world ?? pending.entry.world;
  const entry = { ...pending.entry, world };
  switch (pending.kind) {
    case 'push':
      return push(saveLeavingFocus(stack, pending), entry);
    case 'replace':
      return replace(stack, entry);
    case 'reset':
      return pending.beneath.length === 0
        ? resetToRoot(entry)
        : { entries: [...pending.beneath, entry], index: pending.beneath.length };
    case 'back':
    case 'forward':
      return withWorld(
        goTo(saveLeavingFocus(stack, pending), pending.targetIndex),
        pending.targetIndex,
        world,
      );
    case 'remount':
      return withWorld(stack, pending.targetIndex, world);
  }
}

function saveLeavingFocus(stack: HistoryStack, pending: PendingNavigation): HistoryStack {
  return stack.index < 0 ? stack : withFocusKey(stack, stack.index, pending.leavingFocusKey);
}
