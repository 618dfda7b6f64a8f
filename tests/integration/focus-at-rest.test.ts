import { afterEach, describe, expect, it, vi } from 'vitest';
import { type ApiEndpoint, apiPaths, type Params, WORLD_IDS, type WorldId } from '../../bridge/index.ts';
import type { FailureMode } from '../../host/mock-backend/failure-rules.ts';
import { REFERENCE_PLAN } from '../../migration-plan/index.ts';
import { setupMockBackend } from '../support/backend-harness.ts';
import { waitUntil } from '../support/wait-until.ts';
import { type RunningApp, startApp } from './app-host-harness.ts';
import { fetchGate } from './fetch-gate.ts';
import { focusRuleProblem, pageFocusables, paintedFocusWatch } from './focus-rule.ts';

// ARCHITECTURE.md, Focus and input: at rest the visible page always has exactly one focused node:
// after Retry, after content replaces a loading or error panel, after the focused node is removed.
// Every page, in every world it exists in, against every kind of backend fault: the page opens
// on an error (the backend fails twice), Retry fails once more, then Retry loads the content.
// Each painted frame is checked too: a frame whose page offers something focusable shows focus.

const backend = setupMockBackend();
let app: RunningApp | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
  vi.restoreAllMocks();
});

const RETRY = 'error-retry';

interface PageCase {
  readonly route: string;
  readonly params: Params;
  readonly endpoint: ApiEndpoint;
  /** The request the page makes (an `apiPaths` path). */
  readonly path: string;
  /** The page's initial focus once its content is in. */
  readonly initial: RegExp;
}

const PAGES: readonly PageCase[] = [
  { route: 'profiles', params: {}, endpoint: 'profiles', path: apiPaths.profiles(), initial: /^profile:p1$/ },
  {
    route: 'collections',
    params: { profile: 'p1' },
    endpoint: 'home',
    path: apiPaths.home('p1'),
    initial: /^tile:[^:]+:0$/,
  },
  {
    route: 'details',
    params: { id: 't0042' },
    endpoint: 'title',
    path: apiPaths.title('t0042'),
    initial: /^details:play$/,
  },
  { route: 'settings', params: {}, endpoint: 'settings', path: apiPaths.settings(), initial: /^setting:/ },
  {
    route: 'playback',
    params: { id: 't0042' },
    endpoint: 'playback',
    path: apiPaths.playback('t0042'),
    initial: /^playback:scrubber$/,
  },
];

const FAULTS: readonly (readonly [string, FailureMode])[] = [
  ['status 500', { kind: 'status', status: 500 }],
  ['malformed', { kind: 'malformed' }],
  ['network', { kind: 'network' }],
];

/** The worlds a page exists in (the plan's implementations). */
function worldsOf(route: string): WorldId[] {
  const page = REFERENCE_PLAN.pages[route];
  if (page === undefined) throw new Error(`the reference plan has no page "${route}"`);
  return WORLD_IDS.filter((world) => page.implementations[world]);
}

const cases = PAGES.flatMap((page) =>
  worldsOf(page.route).flatMap((world) =>
    FAULTS.map(([fault, mode]) => ({
      page,
      world,
      fault,
      mode,
      name: `${page.route} in ${world}, ${fault}`,
    })),
  ),
);

/** Search in every world it exists in, against every fault. */
const searchCases = worldsOf('search').flatMap((world) =>
  FAULTS.map(([fault, mode]) => ({ world, fault, mode })),
);

/** Focus keys on the visible page. */
function keysOnPage(running: RunningApp): string[] {
  const world = running.visibleWorld();
  return world === undefined ? [] : pageFocusables(running.store, world).map((f) => f.key);
}

/** Polls frame by frame until `check` holds; bounded by a generous budget, never asserting on time. */
async function until(running: RunningApp, check: () => boolean, what: string): Promise<void> {
  await waitUntil(() => !running.host.router.isSwitching() && check(), what, {
    detail: () => `page offers: ${keysOnPage(running).join(', ')}`,
  });
}

describe('focus at rest: exactly one focused node on the visible page', () => {
  it('covers every page of the plan in every world it exists in', () => {
    // Search has its own cases below (it fetches only once the viewer types), in every world too.
    const routes = new Set([...PAGES.map((p) => p.route), 'search']);
    for (const route of Object.keys(REFERENCE_PLAN.pages)) expect(routes).toContain(route);
    expect(cases.filter((c) => c.world === 'wasm').map((c) => c.page.route)).toEqual(
      expect.arrayContaining(['profiles', 'collections']),
    );
  });

  it.each(cases)(
    '$name: on the error, after each Retry, and on the content',
    async ({ page, world, mode }) => {
      vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      backend.fail(page.endpoint, mode, { times: 2 });
      const fetches = fetchGate();
      const frames = paintedFocusWatch();
      app = await startApp({
        initial: { route: page.route, params: page.params },
        overrides: { [page.route]: world },
        onPaint: frames.onPaint,
        onFocusMarked: frames.onFocusMarked,
      });
      const running = app;
      const rest = async (what: string) => {
        await frames.frames(3);
        expect(running.visibleWorld(), what).toBe(world);
        expect(focusRuleProblem(running.host, world), what).toBeUndefined();
      };

      const retryThroughLoading = async () => {
        fetches.hold();
        const before = fetches.started(page.path);
        running.host.input({ kind: 'select' });
        await until(
          running,
          () => fetches.started(page.path) === before + 1 && !keysOnPage(running).includes(RETRY),
          'the loading panel',
        );
        await frames.frames(2);
        expect(focusRuleProblem(running.host, world, { allowNothingFocusable: true })).toBeUndefined();
        fetches.release();
      };

      await until(
        running,
        () => fetches.settled(page.path) === 1 && keysOnPage(running).includes(RETRY),
        'the error',
      );
      await rest('on the first error');
      expect(running.focusedKey()).toBe(RETRY);

      // Retry, with the answer held back so the loading panel is painted (as on a real network).
      await retryThroughLoading();
      await until(
        running,
        () => fetches.settled(page.path) === 2 && keysOnPage(running).includes(RETRY),
        'the error after Retry',
      );
      await rest('after a Retry that failed again');
      expect(running.focusedKey()).toBe(RETRY);

      await retryThroughLoading();
      await until(
        running,
        () => fetches.settled(page.path) === 3 && keysOnPage(running).some((key) => page.initial.test(key)),
        'the content after Retry',
      );
      await rest('once the content replaced the panel');
      expect(running.focusedKey()).toMatch(page.initial);
      expect(frames.problems).toEqual([]);
    },
  );

  // Search asks for results only once the viewer types, and keeps its keyboard on screen: focus
  // stays on the keyboard when the results fail, and comes back to it when Retry is replaced.
  it.each(searchCases)(
    'search in $world, $fault: typing, the error, each Retry and the results',
    async ({ world, mode }) => {
      backend.fail('search', mode, { times: 2 });
      const fetches = fetchGate();
      const frames = paintedFocusWatch();
      app = await startApp({
        initial: { route: 'search', params: {} },
        overrides: { search: world },
        onPaint: frames.onPaint,
        onFocusMarked: frames.onFocusMarked,
      });
      const running = app;
      const path = apiPaths.search('a');
      const rest = async (what: string) => {
        await frames.frames(3);
        expect(running.visibleWorld(), what).toBe(world);
        expect(focusRuleProblem(running.host, world), what).toBeUndefined();
      };
      const toRetry = async () => {
        for (let i = 0; i < 12 && running.focusedKey() !== RETRY; i++) {
          running.host.input({ kind: 'move', direction: 'right' });
          await frames.frames(1);
        }
        expect(running.focusedKey()).toBe(RETRY);
      };
      await running.settled('search');
      expect(running.focusedKey()).toBe('key:a');

      running.host.input({ kind: 'select' }); // types "a"
      await until(
        running,
        () => fetches.settled(path) === 1 && keysOnPage(running).includes(RETRY),
        'the error',
      );
      await rest('on the first error');
      expect(running.focusedKey()).toBe('key:a');

      for (const [attempt, shows] of [
        [2, (keys: string[]) => keys.includes(RETRY)],
        [3, (keys: string[]) => keys.includes('result:0')],
      ] as const) {
        await toRetry();
        fetches.hold();
        running.host.input({ kind: 'select' });
        await until(
          running,
          () => fetches.started(path) === attempt && !keysOnPage(running).includes(RETRY),
          'Searching…',
        );
        await rest('while searching again');
        expect(running.focusedKey()).toMatch(/^key:/); // Retry went away: back on the keyboard
        fetches.release();
        await until(
          running,
          () => fetches.settled(path) === attempt && shows(keysOnPage(running)),
          `answer ${attempt}`,
        );
        await rest(`after answer ${attempt}`);
      }
      expect(frames.problems).toEqual([]);
    },
  );
});
