import type { HistoryEntry, HistorySync, Params, WorldId } from '../bridge/index.ts';

/**
 * The router's history, the single source of truth that both worlds and the browser follow.
 * Immutable: every operation returns a new stack, so the navigation machine can keep the committed
 * stack untouched while a switch is pending and throw the attempt away when it is superseded.
 *
 * Browser semantics: `push` drops the forward part, `back`/`forward` only move `index`, and
 * `replace` keeps the forward part (as `history.replaceState` does), so the browser's stack and
 * this one stay in step.
 *
 * @example
 * let keys = keyCounter();
 * const home = newEntry(keys, { route: 'home', params: {}, world: 'legacy' });
 * keys = home.keys;
 * let stack = resetToRoot(home.entry);             // [home*]
 * const details = newEntry(keys, { route: 'details', params: { id: 't1' }, world: 'wasm' });
 * stack = push(stack, details.entry);              // [home, details*]
 * stack = back(stack);                             // [home*, details]
 * toHistorySync(stack, 3);                         // { type: 'history.sync', seq: 3, entries, index: 0 }
 */
export interface HistoryStack {
  /** Oldest first. Entries after `index` are the forward part. */
  readonly entries: readonly HistoryEntry[];
  /** The current entry; -1 only in the empty stack, before the first navigation commits. */
  readonly index: number;
}

/** The page a navigation asks for, before it has a key or a world. */
export interface PageRef {
  readonly route: string;
  readonly params: Params;
}

/**
 * The most entries a stack keeps: the `history.sync` contract's limit. Pushing past it forgets the
 * oldest entry, as browsers do with their session history.
 */
export const MAX_HISTORY_ENTRIES = 1000;

/** The stack before the first navigation commits (the only stack with no current entry). */
export const EMPTY_STACK: HistoryStack = { entries: [], index: -1 };

/**
 * Where entry keys come from: a plain value owned by the caller (the navigation machine's context)
 * rather than a hidden global, so keys are deterministic under test and the functions stay pure.
 * Keys are never reused, even for an entry whose navigation was superseded before it committed,
 * because the host may still be tearing down that entry's offscreen page.
 */
export interface KeyCounter {
  readonly prefix: string;
  readonly next: number;
}

/**
 * A counter that hands out `prefix + next`, `prefix + (next + 1)`, ...
 *
 * @example
 * takeKey(keyCounter('e', 7)); // ['e7', { prefix: 'e', next: 8 }]
 */
export function keyCounter(prefix = 'e', next = 1): KeyCounter {
  return { prefix, next };
}

/** The next unique key and the counter to use after it. */
export function takeKey(counter: KeyCounter): readonly [key: string, rest: KeyCounter] {
  return [`${counter.prefix}${counter.next}`, { prefix: counter.prefix, next: counter.next + 1 }];
}

/**
 * A fresh entry (no saved focus yet) with the next key from `counter`.
 *
 * @example
 * const { entry, keys } = newEntry(keyCounter(), { route: 'home', params: {}, world: 'legacy' });
 * entry.key; // 'e1'
 */
export function newEntry(
  counter: KeyCounter,
  page: PageRef & { readonly world: WorldId },
): { readonly entry: HistoryEntry; readonly keys: KeyCounter } {
  const [key, keys] = takeKey(counter);
  return { entry: { key, route: page.route, params: page.params, world: page.world, focusKey: null }, keys };
}

/** The current entry, or undefined for the empty stack. */
export function currentEntry(stack: HistoryStack): HistoryEntry | undefined {
  return stack.entries[stack.index];
}

/** Where the entry with `key` sits, or -1 when it is not in the stack. */
export function indexOfKey(stack: HistoryStack, key: string): number {
  return stack.entries.findIndex((entry) => entry.key === key);
}

export function canGoBack(stack: HistoryStack): boolean {
  return stack.index > 0;
}

export function canGoForward(stack: HistoryStack): boolean {
  return stack.index >= 0 && stack.index < stack.entries.length - 1;
}

/**
 * Opens `entry` after the current one; the forward part is dropped, as in a browser. A stack
 * already holding `limit` entries forgets its oldest one.
 *
 * @example
 * push(resetToRoot(home), details); // { entries: [home, details], index: 1 }
 */
export function push(stack: HistoryStack, entry: HistoryEntry, limit = MAX_HISTORY_ENTRIES): HistoryStack {
  const kept = stack.entries.slice(Math.max(0, stack.index + 2 - limit), stack.index + 1);
  assertUniqueKey(kept, entry.key);
  return { entries: [...kept, entry], index: kept.length };
}

/**
 * Swaps the current entry for `entry`, keeping the forward part (as `history.replaceState` does).
 * On the empty stack it behaves like `push`, so a first navigation may be a replace.
 *
 * @example
 * replace(push(resetToRoot(home), details), search); // { entries: [home, search], index: 1 }
 */
export function replace(stack: HistoryStack, entry: HistoryEntry): HistoryStack {
  if (stack.index < 0) return push(stack, entry);
  assertUniqueKey(
    stack.entries.filter((_, i) => i !== stack.index),
    entry.key,
  );
  return { entries: stack.entries.map((old, i) => (i === stack.index ? entry : old)), index: stack.index };
}

/**
 * One entry back; at the root (or on the empty stack) the same stack object is returned, so a
 * caller can tell "nothing to do" with `===`.
 *
 * @example
 * back(push(resetToRoot(home), details)); // { entries: [home, details], index: 0 }
 * const root = resetToRoot(home);
 * back(root) === root;                     // true: nothing to go back to
 */
export function back(stack: HistoryStack): HistoryStack {
  return canGoBack(stack) ? { entries: stack.entries, index: stack.index - 1 } : stack;
}

/** One entry forward; with no forward part the same stack object is returned. */
export function forward(stack: HistoryStack): HistoryStack {
  return canGoForward(stack) ? { entries: stack.entries, index: stack.index + 1 } : stack;
}

/**
 * Makes the entry at `index` current (browser back/forward may jump several entries at once).
 *
 * @example
 * goTo(stack, indexOfKey(stack, 'e1'));
 */
export function goTo(stack: HistoryStack, index: number): HistoryStack {
  assertIndex(stack, index);
  return index === stack.index ? stack : { entries: stack.entries, index };
}

/**
 * A one-entry stack: the app's first page (the root or a deep link), or a "start over".
 *
 * @example
 * resetToRoot(home); // { entries: [home], index: 0 }
 */
export function resetToRoot(entry: HistoryEntry): HistoryStack {
  return { entries: [entry], index: 0 };
}

/**
 * Records where focus was on the entry at `index` (saved when leaving it, restored on Back).
 *
 * @example
 * withFocusKey(stack, stack.index, 'rail-2.tile-5');
 */
export function withFocusKey(stack: HistoryStack, index: number, focusKey: string | null): HistoryStack {
  return updateEntry(stack, index, (entry) => ({ ...entry, focusKey }));
}

/**
 * Records which world served the entry at `index` (it can change on a re-visit or a fallback).
 *
 * @example
 * withWorld(stack, stack.index, 'legacy');
 */
export function withWorld(stack: HistoryStack, index: number, world: WorldId): HistoryStack {
  return updateEntry(stack, index, (entry) => ({ ...entry, world }));
}

/**
 * The `history.sync` message that tells a follower about this stack. The empty stack has no sync
 * (followers need a current entry), so it throws.
 *
 * @example
 * toHistorySync(resetToRoot(home), 0); // { type: 'history.sync', seq: 0, entries: [home], index: 0 }
 */
export function toHistorySync(stack: HistoryStack, seq: number): HistorySync {
  if (stack.index < 0) throw new RangeError('an empty history stack has no history.sync');
  return { type: 'history.sync', seq, entries: stack.entries, index: stack.index };
}

function updateEntry(
  stack: HistoryStack,
  index: number,
  change: (entry: HistoryEntry) => HistoryEntry,
): HistoryStack {
  assertIndex(stack, index);
  return {
    entries: stack.entries.map((entry, i) => (i === index ? change(entry) : entry)),
    index: stack.index,
  };
}

function assertIndex(stack: HistoryStack, index: number): void {
  if (!Number.isInteger(index) || index < 0 || index >= stack.entries.length) {
    throw new RangeError(`history index ${index} is outside the ${stack.entries.length} entries`);
  }
}

// Followers tell entries apart by key; a duplicate would make a re-visit look like the same page.
function assertUniqueKey(entries: readonly HistoryEntry[], key: string): void {
  if (entries.some((entry) => entry.key === key)) {
    throw new RangeError(`history entry key "${key}" is already in the stack`);
  }
}
