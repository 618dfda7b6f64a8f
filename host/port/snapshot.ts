import type { ComponentType } from 'react';
import type { Params } from '../../bridge/index.ts';
import type { SceneTree } from '../scene/snapshot.ts';
import type { SentRequest } from './backend-fetch.ts';
import { type FocusLook, focusLooks } from './focus-looks.ts';
import { type FocusWalk, focusKeysOf, walkFocus } from './focus-walk.ts';
import { PortSnapshotError, reactSession } from './react-session.ts';

/** Everything the scaffold read from the React page, from which it writes the port. */
export interface PageSnapshot {
  readonly route: string;
  readonly params: Params;
  /** The page's nodes before any data answered (its loading state). */
  readonly first: readonly SceneTree[];
  /** The page's nodes once its data answered and it settled, nothing focused. */
  readonly settled: readonly SceneTree[];
  /** The GET paths it fetched, in order (the port requests the same). */
  readonly reads: readonly string[];
  /** Anything else it sent the backend (writes the port must send by hand). */
  readonly writes: readonly SentRequest[];
  /** Navigation it asked for without any key pressed (e.g. a replace on mount). */
  readonly navigation: readonly unknown[];
  /** Its focus keys in tree order (settled scene). */
  readonly focusKeys: readonly string[];
  readonly walk: FocusWalk;
  readonly looks: readonly FocusLook[];
}

/** Event-loop turns the page gets to draw its first scene while its data is held back. */
const FIRST_SCENE_TURNS = 10;

/**
 * Mounts the React page on a fresh mock backend and reads it: its first scene (data held back),
 * its settled scene, the paths it fetched, a walk through its focus keys and what focusing each
 * one changes. Throws a {@link PortSnapshotError} naming the page when it crashes, never settles
 * or draws nothing.
 *
 * @example
 * const snapshot = await snapshotPage('settings', SettingsPage, {});
 * snapshot.reads; // ['/api/settings']
 */
export async function snapshotPage(
  route: string,
  component: ComponentType,
  params: Params,
): Promise<PageSnapshot> {
  const session = reactSession(route, component, params);
  try {
    await session.turns(FIRST_SCENE_TURNS);
    const first = session.page();
    session.release();
    await session.settle();
    const settled = session.page();
    if (settled.length === 0)
      throw new PortSnapshotError(
        `the React page "${route}" drew nothing (its container has no nodes once settled)`,
      );
    const sent = session.backend.sent();
    const navigation = session.navigation();
    const focusKeys = focusKeysOf(settled);
    const walk = await walkFocus(session);
    const looks = await focusLooks(session, focusKeys);
    return {
      route,
      params,
      first,
      settled,
      reads: sent.filter((request) => request.method === 'GET').map((request) => request.path),
      writes: sent.filter((request) => request.method !== 'GET'),
      navigation,
      focusKeys,
      walk,
      looks,
    };
  } finally {
    session.unmount();
  }
}
