import { beforeAll, describe, expect, it } from 'vitest';
import {
  apiPaths,
  type HomeResponse,
  HomeResponseSchema,
  type TitleSummary,
} from '../../../../bridge/index.ts';
import { collectFocusables, type Focusable } from '../../../../host/focus/focusables.ts';
import { walkAttached } from '../../../../host/scene/geometry.ts';
import { fetchFromBackend, setupMockBackend } from '../../../support/backend-harness.ts';
import { TEST_API_BASE } from '../../../support/legacy-harness.ts';
import { createWasmHarness, type WasmHarness } from '../../../support/wasm-harness.ts';

// The WASM port of "collections" alone (parity with the React page is in
// tests/unit/parity/collections.parity.test.tsx): real compiled page, real scene store, real
// focus engine, the msw mock backend.

const backend = setupMockBackend();

let home: HomeResponse;
beforeAll(async () => {
  home = await fetchFromBackend(apiPaths.home('p1'), HomeResponseSchema);
});

function rail(index: number) {
  const found = home.rails[index];
  if (found === undefined) throw new Error(`the home has no rail ${index}`);
  return found;
}
function item(railIndex: number, index: number): TitleSummary {
  const found = rail(railIndex).items[index];
  if (found === undefined) throw new Error(`rail ${railIndex} has no item ${index}`);
  return found;
}
const tileKey = (railIndex: number, index: number) => `tile:${rail(railIndex).id}:${index}`;

async function mounted(params: Record<string, string> = { profile: 'p1' }): Promise<WasmHarness> {
  const h = await createWasmHarness(['collections']);
  h.mount('collections', params);
  return h;
}

async function loaded(params: Record<string, string> = { profile: 'p1' }): Promise<WasmHarness> {
  const h = await mounted(params);
  await h.settle();
  return h;
}

const focusables = (h: WasmHarness): readonly Focusable[] => collectFocusables(h.store, 'wasm');
const focusKeys = (h: WasmHarness): string[] => focusables(h).map((f) => f.key);
function focusable(h: WasmHarness, key: string): Focusable {
  const found = focusables(h).find((f) => f.key === key);
  if (found === undefined) throw new Error(`no focusable "${key}" in the scene:\n${h.snapshot()}`);
  return found;
}
function texts(h: WasmHarness): { text: string; x: number; y: number }[] {
  const found: { text: string; x: number; y: number }[] = [];
  walkAttached(h.store, 'wasm', (node, rect) => {
    if (node.kind === 'text' && node.props.text !== undefined)
      found.push({ text: node.props.text, x: rect.x, y: rect.y });
  });
  return found;
}
const hasText = (h: WasmHarness, text: string) => texts(h).some((t) => t.text === text);
/** The hero's name and meta line (the first two texts, drawn before the header). */
const heroTexts = (h: WasmHarness) =>
  texts(h)
    .slice(0, 2)
    .map((t) => t.text);
const metaLine = (title: TitleSummary) => `${title.year} · ${title.genre} · ${title.rating}`;
/** The view holding a rail's tiles (it moves sideways as the rail scrolls). */
const railStrip = (tile: Focusable) => tile.path[tile.path.length - 1];
/** The view holding all rails (it moves up as focus goes down). */
const railStack = (tile: Focusable) => tile.path[tile.path.length - 5];

function expectHealthy(h: WasmHarness) {
  expect(h.crashes()).toEqual([]);
  expect(h.rejected).toEqual([]);
}

describe('collections (WASM port)', () => {
  it('shows the loading panel first and asks for the profile home', async () => {
    const h = await mounted();
    expect(texts(h).map((t) => t.text)).toEqual(['Loading…']);
    expect(focusKeys(h)).toEqual([]);
    expect(h.messages.filter((m) => m.type === 'data.request').map((m) => m.path)).toEqual([
      apiPaths.home('p1'),
    ]);
    expectHealthy(h);
  });

  it('spells the request path like apiPaths.home (encodeURIComponent of the profile)', async () => {
    const profile = 'a b&c/é?';
    const h = await mounted({ profile });
    const paths = h.messages.filter((m) => m.type === 'data.request').map((m) => m.path);
    expect(paths).toEqual([apiPaths.home(profile)]);
    expectHealthy(h);
  });

  it('draws every rail with 24 tiles, the header buttons and the hero', async () => {
    const h = await loaded();
    expect(home.rails.length).toBeGreaterThanOrEqual(12);
    const expected = [
      'nav:search',
      'nav:settings',
      ...home.rails.flatMap((r) => r.items.map((_, i) => `tile:${r.id}:${i}`)),
    ];
    expect(focusKeys(h)).toEqual(expected);
    for (const r of home.rails) expect(r.items).toHaveLength(24);
    for (const r of home.rails) expect(hasText(h, r.title)).toBe(true);
    expect(hasText(h, 'Ficus TV')).toBe(true);
    expect(hasText(h, 'Search')).toBe(true);
    expect(hasText(h, 'Settings')).toBe(true);
    expect(heroTexts(h)).toEqual([home.hero.title, metaLine(home.hero)]);
    expect(focusable(h, tileKey(0, 1)).rect).toEqual({
      x: 80 + 324,
      y: 440 + 44 + 8,
      width: 300,
      height: 210,
    });
    expect(h.focusedKey()).toBeNull();
    expectHealthy(h);
  });

  it('starts on the first tile, lights it up and shows it in the hero', async () => {
    const h = await loaded();
    h.focus.focusInitial();
    await h.settle(1);
    expect(h.focusedKey()).toBe(tileKey(0, 0));
    expect(heroTexts(h)).toEqual([item(0, 0).title, metaLine(item(0, 0))]);
    const frame = h.store.get('wasm', focusable(h, tileKey(0, 0)).node.children[0] ?? -1);
    expect(frame?.props.borderWidth).toBe(4);
    expectHealthy(h);
  });

  it('scrolls a rail sideways and the rail stack up, and keeps left/right inside a rail', async () => {
    const h = await loaded();
    h.focus.focusInitial();
    for (let i = 0; i < 5; i++) h.press('right');
    await h.settle(1);
    expect(h.focusedKey()).toBe(tileKey(0, 5));
    // Tile 5 is past VISIBLE_TILES - 1 (4): the strip starts at tile 5 - 5 + 2 = 2.
    expect(railStrip(focusable(h, tileKey(0, 5)))?.props.x).toBe(80 - 2 * 324);
    for (let i = 0; i < 30; i++) h.press('right');
    expect(h.focusedKey()).toBe(tileKey(0, 23));
    h.press('down');
    h.press('down');
    await h.settle(1);
    expect(h.focusedKey()?.startsWith(`tile:${rail(2).id}:`)).toBe(true);
    expect(railStack(focusable(h, tileKey(2, 0)))?.props.y).toBe(-2 * 270);
    expect(heroTexts(h)[0]).toBe(item(2, Number(h.focusedKey()?.split(':')[2])).title);
    expectHealthy(h);
  });

  it('Search asks for search with the profile, Settings for settings', async () => {
    const h = await loaded({ profile: 'p1' });
    h.focus.focusByKey('nav:search');
    h.select();
    h.focus.focusByKey('nav:settings');
    h.select();
    expect(h.requests()).toEqual([
      expect.objectContaining({ type: 'navigate', route: 'search', params: { profile: 'p1' } }),
      expect.objectContaining({ type: 'navigate', route: 'settings', params: {} }),
    ]);
    expectHealthy(h);
  });

  it('lights a header button while it has focus', async () => {
    const h = await loaded();
    h.focus.focusByKey('nav:search');
    await h.settle(1);
    expect(focusable(h, 'nav:search').node.props.backgroundColor).toBe('#e8b04a');
    h.press('right');
    await h.settle(1);
    expect(h.focusedKey()).toBe('nav:settings');
    expect(focusable(h, 'nav:search').node.props.backgroundColor).toBe('#21262d');
    expect(focusable(h, 'nav:settings').node.props.backgroundColor).toBe('#e8b04a');
    expectHealthy(h);
  });

  it('a tile asks for its details', async () => {
    const h = await loaded();
    h.focus.focusByKey(tileKey(1, 2));
    h.select();
    expect(h.requests()).toEqual([
      expect.objectContaining({ type: 'navigate', route: 'details', params: { id: item(1, 2).id } }),
    ]);
    expectHealthy(h);
  });

  it('shows the error panel with the same text as React, and Retry loads the home', async () => {
    backend.fail('home', { kind: 'status', status: 500 }, { times: 1 });
    const h = await loaded();
    expect(hasText(h, 'Something went wrong')).toBe(true);
    expect(hasText(h, `${TEST_API_BASE}${apiPaths.home('p1')} answered HTTP 500`)).toBe(true);
    expect(focusKeys(h)).toEqual(['error-retry']);
    h.focus.focusInitial();
    expect(h.focusedKey()).toBe('error-retry');
    // Retry: the request goes out at once; the loading panel follows one frame later (as React
    // renders it after its effect), unless the answer came first.
    h.select();
    expect(h.messages.filter((m) => m.type === 'data.request')).toHaveLength(2);
    expect(hasText(h, 'Something went wrong')).toBe(true);
    h.frame();
    expect(texts(h).map((t) => t.text)).toEqual(['Loading…']);
    await h.settle();
    expect(focusKeys(h)).toContain(tileKey(0, 0));
    expectHealthy(h);
  });

  it('Retry pressed twice keeps one request and draws the home once', async () => {
    backend.fail('home', { kind: 'status', status: 500 }, { times: 1 });
    const h = await loaded();
    h.focus.focusInitial();
    h.select();
    h.select();
    await h.settle();
    const container = h.store.get('wasm', h.store.root('wasm').children[0] ?? -1);
    expect(container?.children).toHaveLength(1);
    expect(focusKeys(h).filter((k) => k === tileKey(0, 0))).toHaveLength(1);
    expectHealthy(h);
  });

  it('shows the error panel on a malformed answer', async () => {
    backend.fail('home', { kind: 'malformed' }, { times: 1 });
    const h = await loaded();
    expect(hasText(h, 'Something went wrong')).toBe(true);
    expect(hasText(h, `${TEST_API_BASE}${apiPaths.home('p1')} did not answer with JSON`)).toBe(true);
    expectHealthy(h);
  });

  it('the kids profile gets its own rails', async () => {
    const kids = await fetchFromBackend(apiPaths.home('p4'), HomeResponseSchema);
    const h = await loaded({ profile: 'p4' });
    expect(focusKeys(h)).toHaveLength(2 + kids.rails.length * 24);
    expect(focusKeys(h)).toContain(`tile:${kids.rails[0]?.id}:23`);
    expectHealthy(h);
  });
});
