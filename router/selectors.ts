import type { SnapshotFrom } from 'xstate';
import type { HistoryEntry } from '../bridge/index.ts';
import type { HistoryStack } from './history-stack.ts';
import type { RouterFailure } from './navigation-context.ts';
import type { navigationMachine } from './navigation-machine.ts';

export type NavigationSnapshot = SnapshotFrom<typeof navigationMachine>;

/**
 * True from the moment a navigation starts until it commits or fails. The host gates keys on it:
 * no key may reach a page that is not yet, or no longer, the one shown.
 *
 * @example
 * if (isSwitching(actor.getSnapshot())) return; // drop the key press
 */
export function isSwitching(snapshot: NavigationSnapshot): boolean {
  return snapshot.hasTag('switching');
}

/**
 * The page on screen. At rest it is the committed current entry; in `failed` it is the page that
 * stayed visible (undefined when the very first navigation failed).
 *
 * @example
 * visibleEntry(actor.getSnapshot())?.route; // 'details'
 */
export function visibleEntry(snapshot: NavigationSnapshot): HistoryEntry | undefined {
  return snapshot.context.visible?.entry;
}

/**
 * The committed history (what the worlds and the browser were last told), never a pending switch.
 *
 * @example
 * const { entries, index } = committedStack(actor.getSnapshot());
 */
export function committedStack(snapshot: NavigationSnapshot): HistoryStack {
  return snapshot.context.stack;
}

/**
 * Why the router is in `failed`, or null. Cleared when a later navigation starts.
 *
 * @example
 * routerFailure(actor.getSnapshot())?.reason; // 'mounting the page failed: ...'
 */
export function routerFailure(snapshot: NavigationSnapshot): RouterFailure | null {
  return snapshot.context.failure;
}
