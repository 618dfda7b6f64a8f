import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths, type TitleDetails, TitleDetailsSchema } from '../../../bridge/index.ts';
import { createMockBackend } from '../../../host/mock-backend/mock-backend.ts';
import { sceneTree } from '../../../host/scene/snapshot.ts';
import {
  castLine,
  DetailsPage,
  detailsMetaLine,
  NOT_FOUND_MESSAGE,
} from '../../../legacy-react/pages/details/index.ts';
import { watchFetches } from '../../support/backend-harness.ts';
import { createLegacyHarness, type LegacyHarness, TEST_API_BASE } from '../../support/legacy-harness.ts';
import { type ParityStep, runParity, sceneDiff } from '../../support/parity.ts';
import { createWasmHarness, type WasmHarness } from '../../support/wasm-harness.ts';

// The mock backend (msw), plus one more title the seeded catalog never has: no cast (the page
// then draws no cast line) and an empty synopsis. It is a real answer of the msw server that
// both worlds read, built from a catalog title so it passes TitleDetailsSchema.
const backend = createMockBackend();
const BARE_ID = 'bare-title';
const bareTitle = (): TitleDetails => {
  const base = backend.catalog.titles[7];
  if (base === undefined) throw new Error('the catalog is too small');
  return { ...base, id: BARE_ID, title: 'A Title With No Cast', synopsis: '', cast: [] };
};
const server = setupServer(
  http.get(`*${apiPaths.title(BARE_ID)}`, () => HttpResponse.json(bareTitle())),
  ...backend.handlers,
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => backend.reset());
afterAll(() => server.close());

const PAGE = { route: 'details', react: DetailsPage, wasm: 'details' } as const;
const TITLE_URL = (id: string) => `${TEST_API_BASE}${apiPaths.title(id)}`;

/** Catalog titles that make the page draw each kind of data (found, not assumed). */
function catalogTitle(what: string, test: (title: TitleDetails) => boolean): TitleDetails {
  const found = backend.catalog.titles.find(test);
  if (found === undefined) throw new Error(`the catalog has no title with ${what}`);
  return found;
}
/** The title the React page's own test shows. */
function TITLE(): TitleDetails {
  const title = backend.catalog.titles[41];
  if (title === undefined) throw new Error('the catalog is too small');
  return title;
}

/**
 * Plays `script` on the React page alone, the way runParity does, and records what it showed
 * after each step. runParity reports only differences, so this proves a script really reached the
 * states it is about (both worlds were then equal there, or runParity would have said so).
 */
async function playReact(script: readonly ParityStep[]) {
  const react = createLegacyHarness({ details: DetailsPage });
  const after: { snapshot: string; focused: string | null }[] = [];
  for (const step of script) {
    if (step.do === 'mount') react.mount('details', step.params ?? {});
    else if (step.do === 'settle') await react.settle(6);
    else if (step.do === 'focusInitial') react.focus.focusInitial();
    else if (step.do === 'press') react.press(step.direction);
    else react.select();
    await react.settle(2);
    after.push({ snapshot: react.snapshot(), focused: react.focusedKey() });
  }
  const requests = react.requests();
  react.world.unmount('entry-details');
  return { after, requests };
}

/** Everything runParity compares, for the steps done by hand (timing it cannot script). */
function differences(react: LegacyHarness, wasm: WasmHarness): string[] {
  const found: string[] = [];
  const diff = sceneDiff(sceneTree(react.store, 'legacy'), sceneTree(wasm.store, 'wasm'));
  if (diff !== null) found.push(diff);
  if (react.focusedKey() !== wasm.focusedKey())
    found.push(`focus: React ${react.focusedKey()}, WASM ${wasm.focusedKey()}`);
  if (JSON.stringify(react.requests()) !== JSON.stringify(wasm.requests())) found.push('navigation requests');
  if (wasm.crashes().length + react.rejected.length + wasm.rejected.length > 0)
    found.push('crash or rejected ops');
  return found;
}

const wasmDataRequests = (wasm: WasmHarness) =>
  wasm.messages.flatMap((m) => (m.type === 'data.request' ? [m.path] : []));

const lit = (key: string) => `backgroundColor="#e8b04a" borderRadius=8 focusKey="${key}"`;
const unlit = (key: string) => `backgroundColor="#21262d" borderRadius=8 focusKey="${key}"`;
const press = (direction: 'up' | 'down' | 'left' | 'right'): ParityStep => ({ do: 'press', direction });
const playback = (id: string) =>
  expect.objectContaining({ type: 'navigate', route: 'playback', params: { id } });

describe('details parity (React page vs WASM port)', () => {
  it('(a) loads the title, walks Play and Back in every direction, and Play asks for playback', async () => {
    const title = TITLE();
    const script: ParityStep[] = [
      { do: 'mount', params: { id: title.id } },
      { do: 'settle' },
      { do: 'focusInitial' },
      press('up'),
      press('left'),
      press('down'),
      press('right'),
      press('right'),
      press('up'),
      press('down'),
      press('left'),
      { do: 'select' },
    ];
    const report = await runParity(PAGE, script);
    expect(report.differences).toEqual([]);
    expect(report.steps).toBe(script.length);

    const react = await playReact(script);
    expect(react.after[1]?.snapshot).toContain(`text=${JSON.stringify(title.title)}`);
    expect(react.after[1]?.snapshot).toContain(`text=${JSON.stringify(detailsMetaLine(title))}`);
    expect(react.after[1]?.snapshot).toContain(`text=${JSON.stringify(castLine(title.cast))}`);
    expect(react.after[1]?.snapshot).toContain(`src=${JSON.stringify(title.backdropUrl)}`);
    // The focused button lights up (theme.accent), the other one does not (theme.surfaceRaised).
    expect(react.after[2]?.focused).toBe('details:play');
    expect(react.after[2]?.snapshot).toContain(lit('details:play'));
    expect(react.after[5]?.focused).toBe('details:play');
    expect(react.after[6]?.focused).toBe('details:back');
    expect(react.after[6]?.snapshot).toContain(lit('details:back'));
    expect(react.after[6]?.snapshot).toContain(unlit('details:play'));
    expect(react.after[7]?.focused).toBe('details:back');
    expect(react.after[10]?.focused).toBe('details:play');
    expect(react.requests).toEqual([playback(title.id)]);
  });

  it('(b) Back asks the router to go back', async () => {
    const title = TITLE();
    const script: ParityStep[] = [
      { do: 'mount', params: { id: title.id } },
      { do: 'settle' },
      { do: 'focusInitial' },
      press('right'),
      { do: 'select' },
    ];
    const report = await runParity(PAGE, script);
    expect(report.differences).toEqual([]);
    expect(report.steps).toBe(script.length);

    const react = await playReact(script);
    expect(react.after[3]?.focused).toBe('details:back');
    expect(react.requests).toEqual([{ type: 'back' }]);
  });

  it.each([
    ['a running time under an hour', (t: TitleDetails) => t.durationMinutes < 60],
    ['a running time of whole hours', (t: TitleDetails) => t.durationMinutes % 60 === 0],
    ['one genre', (t: TitleDetails) => t.genres.length === 1],
    ['three genres', (t: TitleDetails) => t.genres.length === 3],
    ['five in the cast', (t: TitleDetails) => t.cast.length === 5],
    ['an 18+ rating', (t: TitleDetails) => t.rating === '18+'],
  ])('(c) draws a title with %s the same', async (what, test) => {
    const title = catalogTitle(what, test);
    const script: ParityStep[] = [
      { do: 'mount', params: { id: title.id } },
      { do: 'settle' },
      { do: 'focusInitial' },
      press('right'),
    ];
    const report = await runParity(PAGE, script);
    expect(report.differences).toEqual([]);
    expect(report.steps).toBe(script.length);

    const react = await playReact(script);
    expect(react.after[1]?.snapshot).toContain(`text=${JSON.stringify(detailsMetaLine(title))}`);
  });

  it('(c) draws a title with no cast (no cast line) and an empty synopsis the same', async () => {
    expect(TitleDetailsSchema.check(bareTitle()).ok).toBe(true); // a valid answer, not a broken one
    const script: ParityStep[] = [
      { do: 'mount', params: { id: BARE_ID } },
      { do: 'settle' },
      { do: 'focusInitial' },
      { do: 'select' },
    ];
    const report = await runParity(PAGE, script);
    expect(report.differences).toEqual([]);
    expect(report.steps).toBe(script.length);

    const react = await playReact(script);
    expect(react.after[1]?.snapshot).toContain('text="A Title With No Cast"');
    expect(react.after[1]?.snapshot).toContain('text=""');
    expect(react.after[1]?.snapshot).not.toContain('Starring');
    expect(react.requests).toEqual([playback(BARE_ID)]);
  });

  it('(d) HTTP 500: the error panel, Retry and Back next to it in every direction, then Retry loads the title', async () => {
    const title = TITLE();
    // Each world makes its own request, so two failures make both worlds see one.
    backend.fail('title', { kind: 'status', status: 500 }, { times: 2 });
    const script: ParityStep[] = [
      { do: 'mount', params: { id: title.id } },
      { do: 'settle' },
      { do: 'focusInitial' },
      press('up'),
      press('down'),
      press('left'),
      press('right'),
      press('right'),
      press('left'),
      { do: 'select' },
      { do: 'settle' },
      press('right'),
      { do: 'select' },
    ];
    const report = await runParity(PAGE, script);
    expect(report.differences).toEqual([]);
    expect(report.steps).toBe(script.length);

    backend.fail('title', { kind: 'status', status: 500 }, { times: 1 });
    const react = await playReact(script);
    expect(react.after[1]?.snapshot).toContain('Something went wrong');
    expect(react.after[1]?.snapshot).toContain(`${TITLE_URL(title.id)} answered HTTP 500`);
    expect(react.after[2]?.focused).toBe('error-retry');
    expect(react.after[6]?.focused).toBe('details:back');
    expect(react.after[7]?.focused).toBe('details:back');
    expect(react.after[8]?.focused).toBe('error-retry');
    // After Retry the title shows and focus is on Play, the page's preferred child.
    expect(react.after[10]?.snapshot).toContain(`text=${JSON.stringify(title.title)}`);
    expect(react.after[10]?.focused).toBe('details:play');
    expect(react.after[11]?.focused).toBe('details:back');
    expect(react.requests).toEqual([{ type: 'back' }]);
  });

  it('(e) an unknown title: "not available", Retry (still unknown) keeps the panel, Back goes back', async () => {
    const script: ParityStep[] = [
      { do: 'mount', params: { id: 't9999' } },
      { do: 'settle' },
      { do: 'focusInitial' },
      { do: 'select' },
      { do: 'settle' },
      press('right'),
      { do: 'select' },
    ];
    const report = await runParity(PAGE, script);
    expect(report.differences).toEqual([]);
    expect(report.steps).toBe(script.length);

    const react = await playReact(script);
    expect(react.after[1]?.snapshot).toContain(JSON.stringify(NOT_FOUND_MESSAGE));
    expect(react.after[4]?.snapshot).toContain(JSON.stringify(NOT_FOUND_MESSAGE));
    expect(react.after[4]?.focused).toBe('error-retry');
    expect(react.after[5]?.focused).toBe('details:back');
    expect(react.requests).toEqual([{ type: 'back' }]);
  });

  it.each([
    ['a malformed answer', { kind: 'malformed' } as const, 'did not answer with JSON'],
    ['a network failure', { kind: 'network' } as const, 'could not reach'],
    ['HTTP 503', { kind: 'status', status: 503 } as const, 'answered HTTP 503'],
    ['HTTP 400 (a 4xx that is not 404)', { kind: 'status', status: 400 } as const, 'answered HTTP 400'],
  ])('(f) %s: its message, and Retry after the backend heals opens the title', async (_, mode, message) => {
    const title = TITLE();
    backend.fail('title', mode, { times: 2 });
    const script: ParityStep[] = [
      { do: 'mount', params: { id: title.id } },
      { do: 'settle' },
      press('down'),
      { do: 'select' },
      { do: 'settle' },
      { do: 'select' },
    ];
    const report = await runParity(PAGE, script);
    expect(report.differences).toEqual([]);
    expect(report.steps).toBe(script.length);

    backend.fail('title', mode, { times: 1 });
    const react = await playReact(script);
    expect(react.after[1]?.snapshot).toContain(message);
    // The first arrow starts focus on the error panel's Retry.
    expect(react.after[2]?.focused).toBe('error-retry');
    expect(react.after[4]?.focused).toBe('details:play');
    expect(react.requests).toEqual([playback(title.id)]);
  });

  it('(g) the loading panel, and Retry answered slowly (loading panel, then the title), compared by hand', async () => {
    const title = TITLE();
    const path = apiPaths.title(title.id);
    const fetches = watchFetches();
    const loading = (h: LegacyHarness | WasmHarness) => h.snapshot().includes('text="Loading…"');

    // Mount on a slow backend: both show the loading panel, each having asked for the title once.
    backend.fail('title', { kind: 'delay', ms: 150 }, { times: 2 });
    const react = createLegacyHarness({ details: DetailsPage });
    const wasm = await createWasmHarness(['details']);
    react.mount('details', { id: title.id });
    wasm.mount('details', { id: title.id });
    await react.settle(2);
    expect(loading(react)).toBe(true);
    expect(react.focusedKey()).toBeNull();
    expect(differences(react, wasm)).toEqual([]);
    expect(wasmDataRequests(wasm)).toEqual([path]);
    expect(fetches.started(path)).toBe(2); // one per world
    await react.waitFor(() => react.snapshot().includes('details:play'), 'the title');
    await wasm.settle();
    expect(differences(react, wasm)).toEqual([]);
    react.world.unmount('entry-details');

    // A failing load, then Retry answered slowly: the loading panel shows in both, then the title.
    const react2 = createLegacyHarness({ details: DetailsPage });
    const wasm2 = await createWasmHarness(['details']);
    backend.fail('title', { kind: 'status', status: 500 }, { times: 2 });
    react2.mount('details', { id: title.id });
    wasm2.mount('details', { id: title.id });
    await react2.waitFor(() => react2.snapshot().includes('Something went wrong'), 'the error panel');
    await wasm2.settle();
    react2.focus.focusInitial();
    wasm2.focus.focusInitial();
    await react2.settle(2);
    wasm2.frame();
    expect(react2.focusedKey()).toBe('error-retry');
    expect(differences(react2, wasm2)).toEqual([]);

    backend.fail('title', { kind: 'delay', ms: 150 }, { times: 2 });
    react2.select();
    wasm2.select();
    await react2.settle(2);
    wasm2.frame(); // React renders the loading state after its effect; the port one frame later
    expect(loading(react2)).toBe(true);
    expect(react2.focusedKey()).toBeNull(); // Retry went away with the error panel
    expect(differences(react2, wasm2)).toEqual([]);
    expect(wasmDataRequests(wasm2)).toEqual([path, path]);
    expect(fetches.started(path)).toBe(2 + 4);

    await react2.waitFor(() => react2.snapshot().includes('details:play'), 'the title after Retry');
    await wasm2.settle();
    expect(react2.focusedKey()).toBe('details:play');
    expect(differences(react2, wasm2)).toEqual([]);
    react2.press('right');
    wasm2.press('right');
    await react2.settle(2);
    await wasm2.settle(1);
    expect(react2.focusedKey()).toBe('details:back');
    expect(differences(react2, wasm2)).toEqual([]);
    react2.world.unmount('entry-details');
  });

  // Known gap: an id the API's id rule refuses (a hand-typed deep link). React asks the backend
  // for /api/titles/a%20b and shows "not available" on its 404; the WASM port's request is refused
  // by the host's path check before it leaves (a hostile-path guard) and the page shows that error.
  // Recorded as a known gap, so `npm run coverage` counts the details port as not done until one
  // side changes; this test fails once the two agree, to have the mark removed.
  it('(h) an id outside the API id rule: known gap, React shows "not available", WASM the refused path', async () => {
    const script: ParityStep[] = [
      { do: 'mount', params: { id: 'a b' } },
      { do: 'settle' },
      { do: 'focusInitial' },
    ];
    const report = await runParity(PAGE, script, {
      knownGap:
        'an id outside the API id rule (/details?id=a b): React shows "not available", WASM a refused-path error',
    });
    expect(report.differences.join('\n')).toContain('backend requests sent differ');
    const react = await playReact(script);
    expect(react.after[1]?.snapshot).toContain(JSON.stringify(NOT_FOUND_MESSAGE));
  });
});
