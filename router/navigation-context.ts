import type { HistoryEntry, WorldId } from '../bridge/index.ts';
import { EMPTY_STACK, type HistoryStack, type KeyCounter, keyCounter } from './history-stack.ts';
import type { RouterPorts, UrlSyncMode } from './ports.ts';

/**
 * How a navigation changes the committed stack. `remount` serves the current entry again in
 * another world (a crash of the visible WASM page): same key, same index, no URL change.
 */
export type NavigationKind = 'push' | 'replace' | 'back' | 'forward' | 'reset' | 'remount';

/** A page the router has revealed: the world showing it and the entry it shows. */
export interface VisiblePage {
  readonly world: WorldId;
  readonly entry: HistoryEntry;
}

/**
 * The switch in progress. It lives beside the committed stack, never inside it, so a newer
 * request can drop it and start again from what the viewer last saw committed.
 */
export interface PendingNavigation {
  /** Unique per attempt (a fallback retry is a new attempt): late port results must match it. */
  readonly id: number;
  readonly kind: NavigationKind;
  /** The entry being opened. Its `world` is the chosen world once the world has been chosen. */
  readonly entry: HistoryEntry;
  /**
   * For a reset: the entries committed beneath `entry` (a deep link's parents), never mounted until
   * the viewer goes back to them; their `world` is the host's choice at the time. Otherwise empty.
   */
  readonly beneath: readonly HistoryEntry[];
  /** For back, forward and remount: the entry's index in the committed stack; otherwise -1. */
  readonly targetIndex: number;
  /** The world chosen for this attempt; null until `choosingWorld` has run. */
  readonly world: WorldId | null;
  /** Skips the host's choice: 'legacy' for a fallback retry or a crash remount. */
  readonly forcedWorld: WorldId | null;
  readonly urlMode: UrlSyncMode;
  /** Focus on the page being left, saved into its entry on commit so Back can restore it. */
  readonly leavingFocusKey: string | null;
  /** Focus to give the new page: the entry's saved key on a re-visit, null for its initial focus. */
  readonly focusToRestore: string | null;
  /** Why the host's `chooseWorld` threw for this entry (a host bug): the switch fails at once. */
  readonly choiceFailure?: string;
  /** `mountOffscreen` was called, so leaving this attempt owes the host an `unmount`. */
  readonly mountStarted: boolean;
  /** The page that was visible when this one was revealed: unmounted right after the reveal. */
  readonly previous: VisiblePage | null;
}

/** Why the router is in `failed`: the page no world could serve, and the last reason given. */
export interface RouterFailure {
  readonly world: WorldId;
  readonly entry: HistoryEntry;
  readonly reason: string;
}

export interface NavigationContext {
  readonly ports: RouterPorts;
  /** Where `RESET` without a page goes. */
  readonly rootRoute: string;
  /** The committed history: changed only in `committing`. */
  readonly stack: HistoryStack;
  /** The page on screen; at rest it shows `stack.entries[stack.index]`. Null before the first reveal. */
  readonly visible: VisiblePage | null;
  readonly pending: PendingNavigation | null;
  readonly failure: RouterFailure | null;
  /** Entry keys handed out so far (superseded entries included, so keys are never reused). */
  readonly keys: KeyCounter;
  /** Attempt ids handed out so far. */
  readonly attempts: number;
  /** The seq of the last `history.sync` sent; -1 before the first commit. */
  readonly historySeq: number;
}

/** What the host gives the machine when it creates the actor. */
export interface NavigationInput {
  readonly ports: RouterPorts;
  readonly rootRoute: string;
  /** Where entry keys start; defaults to e1, e2, ... */
  readonly keys?: KeyCounter;
}

export function initialContext(input: NavigationInput): NavigationContext {
  return {
    ports: input.ports,
    rootRoute: input.rootRoute,
    stack: EMPTY_STACK,
    visible: null,
    pending: null,
    failure: null,
    keys: input.keys ?? keyCounter(),
    attempts: 0,
    historySeq: -1,
  };
}
