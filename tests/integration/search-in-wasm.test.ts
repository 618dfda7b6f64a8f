import { afterEach, describe, expect, it } from 'vitest';
import { apiPaths, SearchResponseSchema, WORLD_IDS, type WorldId } from '../../bridge/index.ts';
import { type SceneTree, sceneTree } from '../../host/scene/snapshot.ts';
import { REFERENCE_PLAN } from '../../migration-plan/index.ts';
import { fetchFromBackend, setupMockBackend, watchFetches } from '../support/backend-harness.ts';
import { waitUntil } from '../support/wait-until.ts';
import { type RunningApp, startApp } from './app-host-harness.ts';

// The search page served by its WASM port (`?world.search=wasm`, as QA would open it; the plan
// keeps React as its default) inside the whole app: router, both worlds, the real worker thread,
// the msw backend. The same journey runs with the page in every world the plan gives it, and what
// the viewer sees on the way (the page, its focus, the details asked for, the page again after
// Back) must be the same. Parity step by step is in tests/unit/parity/search.parity.test.tsx.

const backend = setupMockBackend();
let app: RunningApp | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

const searchWorlds = (): WorldId[] => {
  const page = REFERENCE_PLAN.pages['search'];
  if (page === undefined) throw new Error('the reference plan has no search page');
  return WORLD_IDS.filter((world) => page.implementations[world]);
};

/** Waits until the router shows `route` and is at rest (a WASM page's navigate comes back later). */
async function arrive(running: RunningApp, route: string, what = route): Promise<void> {
  await waitUntil(() => running.host.router.visible()?.route === route, `the ${what} page`);
  await running.settled(what);
}

/** The scene of the page on screen (its layer's content), ids left out: comparable across worlds. */
function pageScene(running: RunningApp): SceneTree[] {
  const world = running.visibleWorld();
  if (world === undefined) throw new Error('no page is visible');
  const layers = sceneTree(running.store, world).children.filter((layer) => layer.props.visible !== false);
  return layers.flatMap((layer) => layer.children);
}

const shows = (running: RunningApp, text: string) => JSON.stringify(pageScene(running)).includes(text);

async function move(running: RunningApp, direction: 'up' | 'down' | 'left' | 'right', to: string | RegExp) {
  running.host.input({ kind: 'move', direction });
  await waitUntil(() => {
    const key = running.focusedKey() ?? '';
    return typeof to === 'string' ? key === to : to.test(key);
  }, `focus on ${to}`);
}

/** Collections → Search → type "d" → the second result → details → Back → Back, in `world`. */
async function journey(world: WorldId) {
  const fetches = watchFetches(); // before the app starts: the host binds fetch when it starts
  const before = fetches.started(apiPaths.search('d')); // a spy already in place is reused
  app = await startApp({
    initial: { route: 'collections', params: { profile: 'p1' } },
    overrides: { search: world },
  });
  const running = app;
  await arrive(running, 'collections');
  await waitUntil(() => /^tile:[^:]+:0$/.test(running.focusedKey() ?? ''), 'focus on the first tile');
  await move(running, 'up', 'nav:search');
  running.host.input({ kind: 'select' });
  await arrive(running, 'search');
  const search = running.host.router.visible();
  const first = { entry: search, focused: running.focusedKey(), scene: pageScene(running) };

  for (const key of ['key:b', 'key:c', 'key:d']) await move(running, 'right', key);
  running.host.input({ kind: 'select' });
  await waitUntil(() => shows(running, 'results for “d”'), 'the results for "d"');
  const typed = { focused: running.focusedKey(), scene: pageScene(running) };
  await move(running, 'right', 'key:e');
  await move(running, 'right', 'key:f');
  await move(running, 'right', 'result:0');
  await move(running, 'right', 'result:1');
  running.host.input({ kind: 'select' });
  await arrive(running, 'details');
  const details = running.host.router.visible();

  running.host.input({ kind: 'back' });
  await arrive(running, 'search', 'search page again');
  const back = {
    entry: running.host.router.visible(),
    focused: running.focusedKey(),
    scene: pageScene(running),
  };
  running.host.input({ kind: 'back' });
  await arrive(running, 'collections', 'collections page again');
  const home = { entry: running.host.router.visible(), focused: running.focusedKey() };
  const requested = fetches.started(apiPaths.search('d')) - before;
  await running.stop();
  app = undefined;
  return { first, typed, details, back, home, requested };
}

type Journey = { readonly world: WorldId } & Awaited<ReturnType<typeof journey>>;
let journeys: Promise<Journey[]> | undefined;
/** The journey in every world the plan gives search, React first; run once for both tests. */
function everyWorld(): Promise<Journey[]> {
  journeys ??= (async () => {
    const runs: Journey[] = [];
    for (const world of searchWorlds()) {
      backend.reset();
      runs.push({ world, ...(await journey(world)) });
    }
    return runs;
  })();
  return journeys;
}

describe('search in the WASM world, in the app', () => {
  it('collections → search → typing → a result → details → Back → Back: the same in every world', async () => {
    expect(searchWorlds()).toEqual(['legacy', 'wasm']);
    const d = await fetchFromBackend(apiPaths.search('d'), SearchResponseSchema);
    const runs = await everyWorld();
    for (const run of runs) {
      // The page was served by the world asked for, each time it was opened.
      expect(run.first.entry).toMatchObject({ route: 'search', world: run.world, params: { profile: 'p1' } });
      expect(run.back.entry).toMatchObject({ route: 'search', world: run.world });
      expect(run.first.focused).toBe('key:a');
      expect(run.typed.focused).toBe('key:d');
      expect(run.details).toMatchObject({ route: 'details', params: { id: d.results[1]?.id } });
      expect(run.requested).toBe(1);
      expect(run.back.focused).toMatch(/^key:/); // the query is not kept: a fresh page, on its keyboard
      expect(run.home).toMatchObject({ entry: { route: 'collections' }, focused: 'nav:search' });
    }
    // What React showed (the ground truth), the port showed too.
    const [react, ...ports] = runs;
    for (const port of ports) {
      expect(port.first.scene).toEqual(react?.first.scene);
      expect(port.typed.scene).toEqual(react?.typed.scene);
    }
  });

  // Back mounts a fresh search page, and React starts it on key:a. The WASM world hands the new
  // page the id range the old one had (wasm-pages/runtime/page-ids.ts recycles ranges), so its
  // keyboard group gets the old group's node id: the focus engine's group memory belongs to the
  // node object, not the id, so the old page's memory (key:f) does not outlive it.
  it('after Back the fresh page starts where React starts it (key:a), with the same scene', async () => {
    const [react, ...ports] = await everyWorld();
    expect(react?.back.focused).toBe('key:a');
    for (const port of ports) {
      expect({ focused: port.back.focused, scene: port.back.scene }).toEqual({
        focused: react?.back.focused,
        scene: react?.back.scene,
      });
    }
  });
});
