import type { ComponentType } from 'react';
import type { Direction, Params } from '../../bridge/index.ts';
import { LegacyWorld, type LegacyWorldMessage } from '../../legacy-react/index.ts';
import { FocusEngine } from '../focus/focus-engine.ts';
import { SceneStore } from '../scene/scene-store.ts';
import { type SceneTree, sceneTree, snapshotScene } from '../scene/snapshot.ts';
import { heldBackend } from './backend-fetch.ts';

/** The backend origin the snapshot's React world fetches from (any origin would do). */
export const SNAPSHOT_API_BASE = 'http://ficus.port';

/** Event-loop turns the scene must stay the same, with nothing in flight, to count as settled. */
const QUIET_TURNS = 20;
/** Turns after which a page that keeps changing (or fetching) is reported as never settling. */
const MAX_TURNS = 20_000;

/** What went wrong while the React page was being snapshotted; the message says what and where. */
export class PortSnapshotError extends Error {
  override readonly name = 'PortSnapshotError';
}

const turn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * One React page mounted in the React world, the way the host wires it (scene store, focus
 * engine, focus events delivered back), on a mock backend whose answers are held until
 * `release()`. Every step throws a {@link PortSnapshotError} once the page has crashed.
 *
 * @example
 * const session = reactSession('settings', SettingsPage, {});
 * await session.turns(10);           // the first scene, data still held
 * session.release();
 * await session.settle();            // the settled scene
 * session.page();                    // its nodes, under the page's container
 */
export function reactSession(route: string, component: ComponentType, params: Params) {
  const backend = heldBackend(SNAPSHOT_API_BASE);
  const store = new SceneStore();
  const messages: LegacyWorldMessage[] = [];
  const problems: string[] = [];
  const focus = new FocusEngine(store, 'legacy', { now: () => 0 });
  const world = new LegacyWorld({
    pages: { [route]: component },
    apiBase: SNAPSHOT_API_BASE,
    fetch: backend.fetch,
    send(message) {
      messages.push(message);
      if (message.type === 'crashed') {
        problems.push(`the React page "${route}" crashed while ${message.phase}: ${message.message}`);
      } else if (message.type === 'scene.ops') {
        const result = store.apply('legacy', message.ops);
        if (!result.ok)
          problems.push(`the scene store refused the React page's ops: ${result.error.message}`);
        focus.sceneChanged();
      }
    },
  });
  focus.onChange((event) => world.deliver(event));
  const key = `port-${route}`;

  const check = () => {
    if (problems.length > 0) throw new PortSnapshotError(problems.join('; '));
  };
  const turns = async (count: number) => {
    for (let i = 0; i < count; i++) await turn();
    check();
  };

  try {
    world.mount(key, route, params);
  } catch (error) {
    throw new PortSnapshotError(
      `the React page "${route}" failed to mount: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  check();

  return {
    store,
    focus,
    backend,
    turns,
    release: () => backend.release(),
    /** Waits, turn by turn, until nothing is in flight and the scene stopped changing. */
    async settle() {
      let last = snapshotScene(store, 'legacy');
      let quiet = 0;
      for (let i = 0; i < MAX_TURNS; i++) {
        await turn();
        check();
        const now = snapshotScene(store, 'legacy');
        quiet = now === last && backend.inFlight() === 0 ? quiet + 1 : 0;
        last = now;
        if (quiet >= QUIET_TURNS) return;
      }
      throw new PortSnapshotError(
        `the React page "${route}" did not settle within ${MAX_TURNS} event-loop turns (it keeps changing its scene or fetching: ${backend.inFlight()} requests in flight)`,
      );
    },
    /** The page's nodes: the children of its container (the container is the host's, as root() is in WASM). */
    page(): readonly SceneTree[] {
      const container = sceneTree(store, 'legacy').children[0];
      return container?.children ?? [];
    },
    /** An arrow key, as the parity harness presses it; returns the focused key after it. */
    async press(direction: Direction): Promise<string | null> {
      focus.move(direction);
      await turns(2);
      return focus.focused?.focusKey ?? null;
    },
    navigation: () =>
      messages.filter((m) => m.type === 'navigate' || m.type === 'back' || m.type === 'replace'),
    unmount: () => world.unmount(key),
  };
}

export type ReactSession = ReturnType<typeof reactSession>;
