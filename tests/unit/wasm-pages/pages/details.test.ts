import { beforeAll, describe, expect, it } from 'vitest';
import { apiPaths, type TitleDetails, TitleDetailsSchema } from '../../../../bridge/index.ts';
import { collectFocusables, type Focusable } from '../../../../host/focus/focusables.ts';
import { fetchFromBackend, setupMockBackend } from '../../../support/backend-harness.ts';
import { TEST_API_BASE } from '../../../support/legacy-harness.ts';
import { createWasmHarness, type WasmHarness } from '../../../support/wasm-harness.ts';

// The WASM port of "details" alone (parity with the React page is in
// tests/unit/parity/details.parity.test.tsx): real compiled page, real scene store, real focus
// engine, the msw mock backend. The scenes below are the React page's, written out by hand.

const backend = setupMockBackend();

let title: TitleDetails;
beforeAll(async () => {
  const id = backend.catalog.titles[41]?.id;
  if (id === undefined) throw new Error('the catalog is too small');
  title = await fetchFromBackend(apiPaths.title(id), TitleDetailsSchema);
});

async function mounted(params: Record<string, string> = { id: title.id }): Promise<WasmHarness> {
  const h = await createWasmHarness(['details']);
  h.mount('details', params);
  return h;
}

const focusables = (h: WasmHarness): readonly Focusable[] => collectFocusables(h.store, 'wasm');
const focusKeys = (h: WasmHarness) => focusables(h).map((f) => f.key);
function focusable(h: WasmHarness, key: string): Focusable {
  const found = focusables(h).find((f) => f.key === key);
  if (found === undefined) throw new Error(`no focusable "${key}" in the scene:\n${h.snapshot()}`);
  return found;
}
const dataRequests = (h: WasmHarness) =>
  h.messages.flatMap((m) => (m.type === 'data.request' ? [m.path] : []));

/** No crash, no store rejection, no log message: what every test ends with. */
function expectHealthy(h: WasmHarness) {
  expect(h.crashes()).toEqual([]);
  expect(h.rejected).toEqual([]);
  expect(h.messages.filter((m) => m.type === 'log')).toEqual([]);
}

const PAGE_TOP = ['view #0', '  view #1 height=1080 width=1920'];

const LOADING_SCENE = [
  ...PAGE_TOP,
  '    view #2 backgroundColor="#0d1117" height=1080 width=1920 x=0 y=0',
  '      view #3 backgroundColor="#161b22" borderRadius=12 height=400 width=800 x=560 y=340',
  '        text #4 color="#8b949e" fontSize=30 height=40 text="Loading…" textAlign="center" width=800 x=0 y=180',
].join('\n');

/** A Button (legacy-react/pages/shared/button.tsx) at `indent`, numbered from `n`. */
function buttonLines(
  indent: string,
  n: number,
  key: string,
  label: string,
  x: number,
  y: number,
  lit: boolean,
) {
  return [
    `${indent}view #${n} backgroundColor="${lit ? '#e8b04a' : '#21262d'}" borderRadius=8 focusKey="${key}" height=64 label="${label}" role="button" width=240 x=${x} y=${y}`,
    `${indent}  text #${n + 1} color="${lit ? '#000000' : '#ffffff'}" fontSize=26 height=32 text="${label}" textAlign="center" width=240 x=0 y=16`,
  ];
}

function readyScene(focused: 'play' | 'back' | null = null): string {
  const meta = `${title.year} · ${title.genres.join(', ')} · ${formatDuration(title.durationMinutes)} · ${title.rating}`;
  return [
    ...PAGE_TOP,
    '    view #2 backgroundColor="#0d1117" height=1080 preferredChild="details:play" width=1920 x=0 y=0',
    '      view #3 height=1080 width=1920 x=0 y=0',
    `        image #4 fit="cover" height=1080 opacity=0.35 src=${JSON.stringify(title.backdropUrl)} width=1920 x=0 y=0`,
    `        text #5 color="#ffffff" fontSize=64 fontWeight="bold" height=80 maxLines=1 role="heading" text=${JSON.stringify(title.title)} width=1100 x=80 y=260`,
    `        text #6 color="#8b949e" fontSize=30 height=40 maxLines=1 text=${JSON.stringify(meta)} width=1100 x=80 y=360`,
    `        text #7 color="#ffffff" fontSize=30 height=160 maxLines=4 text=${JSON.stringify(title.synopsis)} width=1100 x=80 y=430`,
    `        text #8 color="#8b949e" fontSize=26 height=36 maxLines=1 text=${JSON.stringify(`Starring ${title.cast.join(', ')}`)} width=1100 x=80 y=610`,
    ...buttonLines('      ', 9, 'details:play', 'Play', 80, 700, focused === 'play'),
    ...buttonLines('      ', 11, 'details:back', 'Back', 344, 700, focused === 'back'),
  ].join('\n');
}

function errorScene(message: string, focused: 'retry' | 'back' | null = null): string {
  return [
    ...PAGE_TOP,
    '    view #2 backgroundColor="#0d1117" height=1080 preferredChild="error-retry" width=1920 x=0 y=0',
    '      view #3 backgroundColor="#161b22" borderRadius=12 height=400 width=800 x=560 y=340',
    '        text #4 color="#f85149" fontSize=32 fontWeight="bold" height=40 text="Something went wrong" width=720 x=40 y=120',
    `        text #5 color="#8b949e" fontSize=24 height=36 maxLines=2 text=${JSON.stringify(message)} width=720 x=40 y=170`,
    ...buttonLines('        ', 6, 'error-retry', 'Retry', 40, 230, focused === 'retry'),
    // Next to Retry: 560 + 40 + 240 + 24, and the panel's middle + 30.
    ...buttonLines('      ', 8, 'details:back', 'Back', 864, 570, focused === 'back'),
  ].join('\n');
}

/** legacy-react/pages/details/format.ts, restated: "1h 52m", "2h", "45m". */
function formatDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest}m`;
  return rest === 0 ? `${hours}h` : `${hours}h ${rest}m`;
}

const NOT_FOUND = 'This title is not available any more.';

describe('WASM page "details"', () => {
  it('shows the loading panel at mount and asks for the title, spelled like apiPaths.title', async () => {
    const h = await mounted();
    expect(h.snapshot()).toBe(LOADING_SCENE);
    expect(focusKeys(h)).toEqual([]);
    expect(dataRequests(h)).toEqual([apiPaths.title(title.id)]);
    expectHealthy(h);

    const odd = await mounted({ id: 'a b/c?d&é#' });
    expect(dataRequests(odd)).toEqual([apiPaths.title('a b/c?d&é#')]);
    const none = await mounted({});
    expect(dataRequests(none)).toEqual([apiPaths.title('')]);
  });

  it('then shows the backdrop, name, facts, synopsis, cast, Play and Back', async () => {
    const h = await mounted();
    await h.settle();
    expect(h.snapshot()).toBe(readyScene());
    expect(focusKeys(h)).toEqual(['details:play', 'details:back']);
    expect(focusable(h, 'details:back').rect).toEqual({ x: 344, y: 700, width: 240, height: 64 });
    expect(h.focusedKey()).toBeNull();
    expectHealthy(h);
  });

  it('starts on Play, lights the focused button, and stops at the ends', async () => {
    const h = await mounted();
    await h.settle();
    h.focus.focusInitial();
    h.frame();
    expect(h.focusedKey()).toBe('details:play');
    expect(h.snapshot()).toBe(readyScene('play'));
    h.press('right');
    expect(h.focusedKey()).toBe('details:back');
    expect(h.snapshot()).toBe(readyScene('back'));
    for (const direction of ['right', 'up', 'down'] as const) {
      expect(h.press(direction)).toMatchObject({ moved: false });
    }
    h.press('left');
    expect(h.snapshot()).toBe(readyScene('play'));
    expect(h.requests()).toEqual([]);
    expectHealthy(h);
  });

  it('Play asks for playback of the loaded title, Back asks to go back', async () => {
    const h = await mounted();
    await h.settle();
    h.focus.focusInitial();
    h.select();
    h.press('right');
    h.select();
    expect(h.requests()).toEqual([
      { type: 'navigate', route: 'playback', params: { id: title.id } },
      { type: 'back' },
    ]);
    expectHealthy(h);
  });

  it('says "not available" for an unknown title, with Retry and Back next to it', async () => {
    const h = await mounted({ id: 't9999' });
    await h.settle();
    expect(h.snapshot()).toBe(errorScene(NOT_FOUND));
    h.focus.focusInitial();
    h.frame();
    expect(h.focusedKey()).toBe('error-retry');
    h.press('right');
    expect(h.snapshot()).toBe(errorScene(NOT_FOUND, 'back'));
    h.select();
    expect(h.requests()).toEqual([{ type: 'back' }]);
    expectHealthy(h);
  });

  it('shows the error text of other failures (only a 404 says "not available")', async () => {
    for (const [mode, message] of [
      [{ kind: 'status', status: 500 }, `${TEST_API_BASE}${apiPaths.title(title.id)} answered HTTP 500`],
      [{ kind: 'status', status: 410 }, `${TEST_API_BASE}${apiPaths.title(title.id)} answered HTTP 410`],
      [{ kind: 'malformed' }, `${TEST_API_BASE}${apiPaths.title(title.id)} did not answer with JSON`],
    ] as const) {
      backend.fail('title', mode, { times: 1 });
      const h = await mounted();
      await h.settle();
      expect(h.snapshot()).toBe(errorScene(message));
      expectHealthy(h);
    }
  });

  it('Retry: a new request at once, the loading panel one frame later, then the title with focus on Play', async () => {
    backend.fail('title', { kind: 'network' }, { times: 1 });
    const h = await mounted();
    await h.settle();
    h.focus.focusInitial();
    h.frame();
    expect(h.focusedKey()).toBe('error-retry');

    h.select(); // and the frame after it
    expect(dataRequests(h)).toHaveLength(2);
    expect(h.snapshot()).toContain('Something went wrong');
    h.frame();
    expect(h.snapshot()).toBe(LOADING_SCENE);
    expect(h.focusedKey()).toBeNull();
    await h.settle();
    expect(h.focusedKey()).toBe('details:play');
    expect(h.snapshot()).toBe(readyScene('play'));
    expectHealthy(h);
  });

  it("Retry answered before the loading panel shows: the error's Back button becomes Play, as React keeps it", async () => {
    backend.fail('title', { kind: 'status', status: 500 }, { times: 1 });
    const h = await mounted();
    await h.settle();
    const errorBack = focusable(h, 'details:back').node.id;
    h.focus.focusInitial();
    h.select();
    await h.settle();
    expect(h.snapshot()).toBe(readyScene('play'));
    expect(focusable(h, 'details:play').node.id).toBe(errorBack);
    expect(focusable(h, 'details:back').node.id).not.toBe(errorBack);
    expectHealthy(h);
  });

  it('Retry answered with another error keeps the panel and updates its message', async () => {
    backend.fail('title', { kind: 'status', status: 500 }, { times: 1 });
    const h = await mounted();
    await h.settle();
    h.focus.focusInitial();
    h.frame();
    const retry = focusable(h, 'error-retry').node.id;
    backend.fail('title', { kind: 'status', status: 503 }, { times: 1 });
    h.select();
    await h.settle();
    const message = `${TEST_API_BASE}${apiPaths.title(title.id)} answered HTTP 503`;
    expect(h.snapshot()).toBe(errorScene(message, 'retry'));
    expect(focusable(h, 'error-retry').node.id).toBe(retry);
    expect(h.focusedKey()).toBe('error-retry');
    expectHealthy(h);
  });

  it('Retry pressed twice: the first request is dropped, the title shows once', async () => {
    backend.fail('title', { kind: 'status', status: 500 }, { times: 1 });
    const h = await mounted();
    await h.settle();
    h.focus.focusInitial();
    h.select();
    h.select();
    expect(dataRequests(h)).toHaveLength(3);
    await h.settle();
    expect(h.snapshot()).toBe(readyScene('play'));
    expectHealthy(h);
  });

  it('unmounts cleanly, even with its request in flight', async () => {
    const h = await mounted();
    expect(h.world.unmount('entry-details')).toEqual({ status: 'unmounted' });
    await h.settle();
    expect(h.snapshot()).toBe('view #0');
    expectHealthy(h);
  });
});
