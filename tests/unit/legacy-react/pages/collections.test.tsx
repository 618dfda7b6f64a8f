import { beforeAll, describe, expect, it } from 'vitest';
import {
  apiPaths,
  type HomeResponse,
  HomeResponseSchema,
  type TitleSummary,
} from '../../../../bridge/index.ts';
import type { Focusable } from '../../../../host/focus/focusables.ts';
import { CollectionsPage, heroMetaLine } from '../../../../legacy-react/pages/collections/index.ts';
import { RAILS_VIEWPORT } from '../../../../legacy-react/pages/collections/layout.ts';
import { RAIL, tileFocusKey } from '../../../../legacy-react/pages/shared/rail.tsx';
import { MARGIN } from '../../../../legacy-react/pages/shared/theme.ts';
import {
  fetchFromBackend,
  focusableByKey,
  focusKeys,
  hasText,
  mountPage,
  setupMockBackend,
  texts,
  watchFetches,
} from '../../../support/backend-harness.ts';
import type { LegacyHarness } from '../../../support/legacy-harness.ts';

const backend = setupMockBackend();
const pages = { collections: CollectionsPage };
const PROFILE = 'p1';

let home: HomeResponse;
beforeAll(async () => {
  home = await fetchFromBackend(apiPaths.home(PROFILE), HomeResponseSchema);
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
const tileKey = (railIndex: number, index: number) => tileFocusKey(rail(railIndex).id, index);

async function mountCollections(profile = PROFILE): Promise<LegacyHarness> {
  const h = mountPage(pages, 'collections', { profile });
  await h.waitFor(() => focusKeys(h).includes(tileKey(0, 0)), 'the rails');
  return h;
}

/** The hero shows `title`: its name and its "year · genre · rating" line, side by side in one view. */
function heroShows(h: LegacyHarness, title: TitleSummary): boolean {
  const all = texts(h);
  const meta = all.find((t) => t.text === heroMetaLine(title));
  return meta !== undefined && all.some((t) => t.text === title.title && t.x === meta.x && t.y < meta.y);
}

/** The view that holds a rail's tiles and moves sideways when the rail scrolls. */
const railStrip = (tile: Focusable) => tile.path[tile.path.length - 1];
/** The view that holds all rails and moves up and down when the page scrolls. */
const railStack = (h: LegacyHarness) => {
  const stack = focusableByKey(h, tileKey(0, 0)).path.find((node) => node.props.focusGroup === true);
  if (stack === undefined) throw new Error('no rail stack');
  return stack;
};

describe('CollectionsPage', () => {
  it('shows a loading panel, then the header, the hero and every rail of the profile’s home', async () => {
    expect(home.rails.length).toBeGreaterThanOrEqual(12);
    const h = mountPage(pages, 'collections', { profile: PROFILE });
    expect(hasText(h, 'Loading…')).toBe(true);
    expect(focusKeys(h)).toEqual([]);

    await h.waitFor(() => focusKeys(h).includes(tileKey(0, 0)), 'the rails');
    expect(hasText(h, 'Loading…')).toBe(false);
    expect(hasText(h, 'Search')).toBe(true);
    expect(hasText(h, 'Settings')).toBe(true);
    expect(heroShows(h, home.hero)).toBe(true);

    const expectedKeys = [
      'nav:search',
      'nav:settings',
      ...home.rails.flatMap((r) => r.items.map((_, i) => tileFocusKey(r.id, i))),
    ];
    expect(focusKeys(h)).toEqual(expectedKeys);
    expect(home.rails.every((r) => r.items.length >= 24)).toBe(true);
    for (const r of home.rails) expect(hasText(h, r.title)).toBe(true);
    // Rails are stacked one RAIL.height apart, the first at the top of the window under the hero.
    home.rails.forEach((r, index) => {
      expect(focusableByKey(h, tileFocusKey(r.id, 0)).rect.y).toBe(
        focusableByKey(h, tileKey(0, 0)).rect.y + index * RAIL.height,
      );
    });
    expect(focusableByKey(h, tileKey(0, 0)).rect.y).toBeGreaterThanOrEqual(RAILS_VIEWPORT.y);
    expect(h.rejected).toEqual([]);
  });

  it('starts on the first tile of the first rail and shows it in the hero', async () => {
    const h = await mountCollections();
    expect(h.focus.focusInitial()).toBe(true);
    expect(h.focusedKey()).toBe(tileKey(0, 0));
    await h.settle();
    expect(heroShows(h, item(0, 0))).toBe(true);
    const tile = focusableByKey(h, tileKey(0, 0)).rect;
    expect(tile.x).toBe(MARGIN);
    expect(tile.y + tile.height).toBeLessThanOrEqual(1080);
    expect(h.rejected).toEqual([]);
  });

  it('moves right along a rail, scrolling it, and the hero follows the focused title', async () => {
    const h = await mountCollections();
    h.focus.focusInitial();
    const strip = railStrip(focusableByKey(h, tileKey(0, 0)));
    const startX = strip?.props.x;
    expect(startX).toBe(MARGIN);

    for (let i = 1; i <= 6; i++) {
      expect(h.press('right').moved).toBe(true);
      await h.settle();
      expect(h.focusedKey()).toBe(tileKey(0, i));
      expect(heroShows(h, item(0, i))).toBe(true);
    }
    // The rail scrolled left so the focused tile stays on screen.
    expect(strip?.props.x).toBeLessThan(MARGIN);
    const focused = focusableByKey(h, tileKey(0, 6)).rect;
    expect(focused.x).toBeGreaterThanOrEqual(0);
    expect(focused.x + focused.width).toBeLessThanOrEqual(1920);

    // Left at the first tile stays in the rail (the header and other rails are not to its left).
    for (let i = 5; i >= 0; i--) h.press('left');
    await h.settle();
    expect(h.focusedKey()).toBe(tileKey(0, 0));
    expect(strip?.props.x).toBe(MARGIN);
    expect(h.press('left')).toEqual({ moved: false, reason: 'boundary' });
    expect(h.focusedKey()).toBe(tileKey(0, 0));
    expect(h.rejected).toEqual([]);
  });

  it('stops at the end of a rail instead of jumping to another one', async () => {
    const h = await mountCollections();
    h.focus.focusInitial();
    const last = rail(0).items.length - 1;
    for (let i = 0; i < last; i++) h.press('right');
    await h.settle();
    expect(h.focusedKey()).toBe(tileKey(0, last));
    const rect = focusableByKey(h, tileKey(0, last)).rect;
    expect(rect.x + rect.width).toBeLessThanOrEqual(1920);
    expect(h.press('right')).toEqual({ moved: false, reason: 'boundary' });
    expect(h.focusedKey()).toBe(tileKey(0, last));
  });

  it('moves down to the tile below, scrolls the rails up under the hero, and Up restores the remembered tile', async () => {
    const h = await mountCollections();
    h.focus.focusInitial();
    for (let i = 0; i < 6; i++) h.press('right');
    await h.settle();
    const windowTop = focusableByKey(h, tileKey(0, 6)).rect.y;
    const below = focusableByKey(h, tileKey(0, 6)).rect;

    h.press('down');
    await h.settle();
    const downKey = h.focusedKey() ?? '';
    expect(downKey.startsWith(`tile:${rail(1).id}:`)).toBe(true);
    // The tile straight below on screen, not the sixth of the next rail.
    expect(focusableByKey(h, downKey).rect.x).toBe(below.x);
    // The stack scrolled one rail: the focused rail now sits where the first one was.
    expect(railStack(h).props.y).toBe(-RAIL.height);
    expect(focusableByKey(h, downKey).rect.y).toBe(windowTop);
    const downIndex = Number(downKey.split(':')[2]);
    expect(heroShows(h, item(1, downIndex))).toBe(true);

    // Two to the left, then up: the first rail gives back the tile it remembers, not the one above.
    h.press('left');
    h.press('left');
    await h.settle();
    expect(h.focusedKey()).toBe(tileKey(1, downIndex - 2));
    h.press('up');
    await h.settle();
    expect(h.focusedKey()).toBe(tileKey(0, 6));
    expect(railStack(h).props.y).toBe(0);
    expect(heroShows(h, item(0, 6))).toBe(true);

    // Down again comes back to where we left the second rail.
    h.press('down');
    await h.settle();
    expect(h.focusedKey()).toBe(tileKey(1, downIndex - 2));
    expect(h.rejected).toEqual([]);
  });

  it('scrolls down through every rail, keeping the focused one on the stage', async () => {
    const h = await mountCollections();
    h.focus.focusInitial();
    const windowTop = focusableByKey(h, tileKey(0, 0)).rect.y;
    for (let r = 1; r < home.rails.length; r++) {
      expect(h.press('down').moved).toBe(true);
      await h.settle();
      expect(h.focusedKey()).toBe(tileKey(r, 0));
      expect(railStack(h).props.y).toBe(-r * RAIL.height);
      const rect = focusableByKey(h, tileKey(r, 0)).rect;
      expect(rect.y).toBe(windowTop);
      expect(rect.y + rect.height).toBeLessThanOrEqual(1080);
    }
    expect(h.press('down')).toEqual({ moved: false, reason: 'no-candidate' });
    for (let r = home.rails.length - 2; r >= 0; r--) h.press('up');
    await h.settle();
    expect(h.focusedKey()).toBe(tileKey(0, 0));
    expect(railStack(h).props.y).toBe(0);
    expect(h.rejected).toEqual([]);
  });

  it('goes up from the first rail to the header, and down again to the tile it left', async () => {
    const h = await mountCollections();
    h.focus.focusInitial();
    h.press('up');
    expect(h.focusedKey()).toBe('nav:search');
    h.press('right');
    expect(h.focusedKey()).toBe('nav:settings');
    h.press('left');
    h.press('down');
    expect(h.focusedKey()).toBe(tileKey(0, 0));
    h.press('right');
    h.press('right');
    h.press('up');
    await h.settle();
    expect(['nav:search', 'nav:settings']).toContain(h.focusedKey());
    h.press('down');
    await h.settle();
    expect(h.focusedKey()).toBe(tileKey(0, 2));
    // The hero keeps the last focused title while the header has focus.
    expect(heroShows(h, item(0, 2))).toBe(true);
    expect(h.requests()).toEqual([]);
    expect(h.rejected).toEqual([]);
  });

  it('opens Search with the profile', async () => {
    const h = await mountCollections();
    h.focus.focusInitial();
    h.press('up');
    expect(h.focusedKey()).toBe('nav:search');
    h.select();
    await h.settle();
    expect(h.requests()).toEqual([{ type: 'navigate', route: 'search', params: { profile: PROFILE } }]);
  });

  it('opens Settings', async () => {
    const h = await mountCollections();
    h.focus.focusInitial();
    h.press('up');
    h.press('right');
    expect(h.focusedKey()).toBe('nav:settings');
    h.select();
    await h.settle();
    expect(h.requests()).toEqual([{ type: 'navigate', route: 'settings', params: {} }]);
  });

  it('opens the details of the selected tile', async () => {
    const h = await mountCollections();
    h.focus.focusInitial();
    h.press('down');
    h.press('right');
    await h.settle();
    const key = h.focusedKey() ?? '';
    const index = Number(key.split(':')[2]);
    expect(key).toBe(tileKey(1, index));
    h.select();
    await h.settle();
    expect(h.requests()).toEqual([{ type: 'navigate', route: 'details', params: { id: item(1, index).id } }]);
    expect(h.rejected).toEqual([]);
  });

  it('shows another profile’s home for another profile', async () => {
    const other = await fetchFromBackend(apiPaths.home('p4'), HomeResponseSchema);
    const h = await mountCollections('p4');
    const first = other.rails[0];
    if (first === undefined) throw new Error('no rails for p4');
    await h.waitFor(() => focusKeys(h).includes(tileFocusKey(first.id, 0)), 'the kids rails');
    expect(heroShows(h, other.hero)).toBe(true);
    for (const r of other.rails) expect(hasText(h, r.title)).toBe(true);
  });

  it.each([
    ['an HTTP 500', { kind: 'status', status: 500 } as const, 'answered HTTP 500'],
    ['malformed JSON', { kind: 'malformed' } as const, 'did not answer with JSON'],
  ])(
    'shows an error panel on %s, and Retry loads the home once the backend heals',
    async (_, mode, message) => {
      backend.fail('home', mode);
      const fetches = watchFetches();
      const path = apiPaths.home(PROFILE);
      const h = mountPage(pages, 'collections', { profile: PROFILE });
      await h.waitFor(() => hasText(h, 'Something went wrong'), 'the error panel');
      expect(texts(h).some((t) => t.text.includes(message))).toBe(true);
      expect(focusKeys(h)).toEqual(['error-retry']);
      h.focus.focusInitial();
      expect(h.focusedKey()).toBe('error-retry');

      h.select();
      await h.waitFor(() => fetches.settled(path) === 2, 'a second request');
      await h.settle();
      expect(hasText(h, 'Something went wrong')).toBe(true);
      // Focus came back to the new Retry by itself (the loading panel in between had none).
      expect(h.focusedKey()).toBe('error-retry');

      backend.reset();
      h.select();
      await h.waitFor(() => focusKeys(h).includes(tileKey(0, 0)), 'the rails after Retry');
      expect(hasText(h, 'Something went wrong')).toBe(false);
      expect(fetches.started(path)).toBe(3);
      // The content replaced the panel: focus is on the page's initial focus, nobody asked for it.
      expect(h.focusedKey()).toBe(tileKey(0, 0));
      expect(heroShows(h, item(0, 0))).toBe(true);
      expect(h.requests()).toEqual([]);
      expect(h.rejected).toEqual([]);
    },
  );

  it('shows the error for an unknown profile', async () => {
    const h = mountPage(pages, 'collections', { profile: 'nobody' });
    await h.waitFor(() => hasText(h, 'Something went wrong'), 'the error panel');
    expect(texts(h).some((t) => t.text.includes('answered HTTP 404'))).toBe(true);
    expect(h.rejected).toEqual([]);
  });

  it('draws the same scene every time it is mounted', async () => {
    const first = await mountCollections();
    first.focus.focusInitial();
    first.press('down');
    first.press('right');
    await first.settle();
    const second = await mountCollections();
    second.focus.focusInitial();
    second.press('down');
    second.press('right');
    await second.settle();
    expect(second.snapshot()).toBe(first.snapshot());
    expect(first.snapshot()).toContain(`text="${heroMetaLine(item(1, 1))}"`);
  });
});
