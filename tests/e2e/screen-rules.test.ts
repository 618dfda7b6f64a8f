// The rules the load test and the soak check on every screen (run by `npm test`, in Node).
import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../bridge/index.ts';
import type { ScreenSnapshot } from './screen-probe.ts';
import { describeStack, screenProblems } from './screen-rules.ts';

const profiles: HistoryEntry = {
  key: 'e1',
  route: 'profiles',
  params: {},
  world: 'wasm',
  focusKey: 'profile:p2',
};
const collections: HistoryEntry = {
  key: 'e2',
  route: 'collections',
  params: { profile: 'p2' },
  world: 'wasm',
  focusKey: null,
};
const history = { entries: [profiles, collections], index: 1 };

/** Collections in WASM with one focused tile, the URL and both histories agreeing. */
const good: ScreenSnapshot = {
  worlds: [
    { world: 'legacy', page: null, visible: false },
    { world: 'wasm', page: 'collections', visible: true },
  ],
  focused: [{ key: 'tile:top-picks:0', inVisibleWorld: true, rendered: true }],
  url: { path: '/collections', params: { profile: 'p2' } },
  router: { switching: false, history },
  legacyCopy: { ...history, seq: 4 },
  frameProblems: [],
  framesWatched: 12,
};

describe('screenProblems', () => {
  it('finds nothing wrong on a consistent screen, at rest or not', () => {
    expect(screenProblems(good, { atRest: true })).toEqual([]);
    expect(screenProblems(good, { atRest: false })).toEqual([]);
  });

  it('refuses two visible worlds at any time', () => {
    const screen = { ...good, worlds: good.worlds.map((w) => ({ ...w, visible: true })) };
    expect(screenProblems(screen, { atRest: false })).toEqual([
      '2 worlds are visible (legacy:(no page), wasm:collections)',
    ]);
  });

  it('allows no focus mid-switch but wants exactly one focused node at rest', () => {
    const screen = { ...good, focused: [] };
    expect(screenProblems(screen, { atRest: false })).toEqual([]);
    expect(screenProblems(screen, { atRest: true })).toEqual(['0 nodes are focused on wasm:collections']);
  });

  it('refuses focus outside the visible world or on a page hidden inside it', () => {
    const outside = { ...good, focused: [{ key: 'profile:p1', inVisibleWorld: false, rendered: true }] };
    expect(screenProblems(outside, { atRest: false })).toEqual([
      'the focused node profile:p1 is outside the visible world (wasm:collections)',
    ]);
    const hidden = { ...good, focused: [{ key: 'details:play', inVisibleWorld: true, rendered: false }] };
    expect(screenProblems(hidden, { atRest: false })).toEqual([
      'the focused node details:play is on a page hidden in wasm:collections',
    ]);
  });

  it('sees the URL and the page part ways (issue 14: search on screen, URL on collections)', () => {
    const screen: ScreenSnapshot = {
      ...good,
      worlds: [
        { world: 'legacy', page: 'search', visible: true },
        { world: 'wasm', page: 'collections', visible: false },
      ],
      focused: [{ key: 'key:a', inVisibleWorld: true, rendered: true }],
    };
    expect(screenProblems(screen, { atRest: true })).toEqual([
      'the URL is /collections?profile=p2 but legacy:search is on screen',
      "the router's current entry is wasm:collections but legacy:search is on screen",
    ]);
  });

  it("wants the URL's params to be the current entry's, world overrides aside", () => {
    const overridden = {
      ...good,
      url: { path: '/collections', params: { profile: 'p2', 'world.details': 'wasm' } },
    };
    expect(screenProblems(overridden, { atRest: true })).toEqual([]);
    const other = { ...good, url: { path: '/collections', params: { profile: 'p3' } } };
    expect(screenProblems(other, { atRest: true })).toEqual([
      "the URL is /collections?profile=p3 but the router's current entry is /collections?profile=p2",
    ]);
  });

  it("wants the React world's copy of the history to equal the router's", () => {
    const stale = { ...good, legacyCopy: { entries: [profiles], index: 0, seq: 3 } };
    expect(screenProblems(stale, { atRest: true })).toEqual([
      "the React world's history copy ([profiles(wasm)*], seq 3) differs from the router's ([profiles(wasm) collections(wasm)*])",
    ]);
    const otherFocus = {
      ...good,
      legacyCopy: { entries: [{ ...profiles, focusKey: 'profile:p1' }, collections], index: 1, seq: 4 },
    };
    expect(screenProblems(otherFocus, { atRest: true })).toHaveLength(1);
  });

  it('reports what the per-frame watch saw, and a missing router view', () => {
    const screen = {
      ...good,
      router: null,
      frameProblems: ['frame 7: 2 focused nodes (a in wasm, b in legacy)'],
    };
    expect(screenProblems(screen, { atRest: true })).toEqual([
      'frame 7: 2 focused nodes (a in wasm, b in legacy)',
      'the app exposes no router state (window.__ficus is missing)',
    ]);
  });
});

describe('describeStack', () => {
  it('names each entry with its world and stars the current one', () => {
    expect(describeStack({ entries: [profiles, collections], index: 0 })).toBe(
      '[profiles(wasm)* collections(wasm)]',
    );
  });
});
