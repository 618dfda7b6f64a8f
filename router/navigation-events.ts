import type { Params, WorldId } from '../bridge/index.ts';
import type { PageRef } from './history-stack.ts';

/** Open a page on top of the current one (drops the forward part). */
export interface NavigateEvent {
  readonly type: 'NAVIGATE';
  readonly route: string;
  readonly params: Params;
}

/** Swap the current entry for another page; no new history entry. */
export interface ReplaceEvent {
  readonly type: 'REPLACE';
  readonly route: string;
  readonly params: Params;
  /**
   * A reload of the page on screen (a new build of its module): focus goes back to the key the
   * viewer is on, and the URL, which already shows the page, is left alone.
   */
  readonly reload?: boolean;
}

/** One entry back (the remote's Back key, or a world's `back` request). Nothing at the root. */
export interface BackEvent {
  readonly type: 'BACK';
}

/** One entry forward, when there is a forward part. */
export interface ForwardEvent {
  readonly type: 'FORWARD';
}

/**
 * Start over: `page` (or the root route with no params) on top of `beneath` (a deep link's
 * parents, oldest first; none by default), `page` current.
 */
export interface ResetEvent {
  readonly type: 'RESET';
  readonly page?: PageRef;
  readonly beneath?: readonly PageRef[];
}

/** The browser moved to the history entry with this key (its back/forward buttons). */
export interface PopstateEvent {
  readonly type: 'POPSTATE';
  readonly entryKey: string;
}

/** A page crashed (trap, abort, hang, render error): the visible one or the one being mounted. */
export interface PageCrashedEvent {
  readonly type: 'PAGE_CRASHED';
  readonly world: WorldId;
  readonly entryKey: string;
  /** What the world reported (e.g. the page's stderr); passed on to `pageFailed`. */
  readonly reason?: string;
}

/** Requests that move through the history (everything except a crash report). */
export type NavigationRequest =
  | NavigateEvent
  | ReplaceEvent
  | BackEvent
  | ForwardEvent
  | ResetEvent
  | PopstateEvent;

/** Everything the navigation machine accepts. */
export type NavigationEvent = NavigationRequest | PageCrashedEvent;
