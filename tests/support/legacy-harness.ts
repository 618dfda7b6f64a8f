import type { ComponentType } from 'react';
import type { Direction, Params } from '../../bridge/index.ts';
import { FocusEngine } from '../../host/focus/focus-engine.ts';
import type { SceneOpError } from '../../host/scene/scene-op-error.ts';
import { SceneStore } from '../../host/scene/scene-store.ts';
import { snapshotScene } from '../../host/scene/snapshot.ts';
import { LegacyWorld, type LegacyWorldMessage } from '../../legacy-react/index.ts';
import { waitUntil } from './wait-until.ts';

/** The backend origin in Node tests; paths from `apiPaths` (bridge/api) start with /api. */
export const TEST_API_BASE = 'http://ficus.test';

export interface LegacyHarnessOptions {
  /** The backend's fetch for the pages (useFetch, useBackend); the global fetch (msw in tests) when absent. */
  readonly fetch?: typeof fetch;
}

/**
 * The React world wired to a real scene store and focus engine, the way the host wires it, for
 * tests: ops are applied to the "legacy" world, focus events go back to the world.
 */
export function createLegacyHarness(
  pages: Readonly<Record<string, ComponentType>>,
  options: LegacyHarnessOptions = {},
) {
  const store = new SceneStore();
  const messages: LegacyWorldMessage[] = [];
  const rejected: SceneOpError[] = [];
  const focus = new FocusEngine(store, 'legacy', { now: () => 0 });
  const world = new LegacyWorld({
    pages,
    apiBase: TEST_API_BASE,
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    send(message) {
      messages.push(message);
      if (message.type !== 'scene.ops') return;
      const result = store.apply('legacy', message.ops);
      if (!result.ok) rejected.push(result.error);
      focus.sceneChanged();
    },
  });
  focus.onChange((event) => world.deliver(event));

  return {
    store,
    world,
    focus,
    messages,
    /** Store rejections: a correct world never causes one. */
    rejected,
    snapshot: () => snapshotScene(store, 'legacy'),
    requests: () =>
      messages.filter((m) => m.type === 'navigate' || m.type === 'back' || m.type === 'replace'),
    mount(route: string, params: Params = {}, key = `entry-${route}`) {
      world.mount(key, route, params);
      return key;
    },
    /** An arrow key, as the host handles it: move focus, or hand an unused arrow to the page. */
    press(direction: Direction) {
      const result = focus.move(direction);
      const focused = focus.focused;
      if (!result.moved && result.reason !== 'throttled' && focused !== null) {
        world.deliver({ type: 'arrow', world: 'legacy', direction, ...focused });
      }
      return result;
    },
    select() {
      const focused = focus.focused;
      if (focused === null) throw new Error('select(): nothing is focused');
      world.deliver({ type: 'select', world: 'legacy', nodeId: focused.nodeId, focusKey: focused.focusKey });
    },
    focusedKey: () => focus.focused?.focusKey ?? null,
    /** Lets React commit discrete updates (microtasks) and passive effects (macrotasks). */
    async settle(rounds = 3) {
      for (let i = 0; i < rounds; i++) await new Promise((resolve) => setTimeout(resolve, 0));
    },
    /** Waits (by settling, never by wall-clock thresholds) until `check` passes. */
    async waitFor(check: () => boolean, what = 'condition') {
      await waitUntil(check, `waitFor: ${what}`, {
        pollMs: 2,
        detail: () => `the scene is:\n${snapshotScene(store, 'legacy')}`,
      });
    },
  };
}

export type LegacyHarness = ReturnType<typeof createLegacyHarness>;
