import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMockBackend } from '../../../host/mock-backend/mock-backend.ts';
import { startNodeBackend } from '../../../host/mock-backend/node.ts';
import { EXAMPLES } from '../../../legacy-react/examples/index.ts';
import { createLegacyHarness } from '../../support/legacy-harness.ts';

const backend = createMockBackend();
let stop: (() => void) | undefined;
beforeAll(() => {
  stop = startNodeBackend(backend);
});
afterEach(() => backend.reset());
afterAll(() => stop?.());

const pages = Object.fromEntries(Object.entries(EXAMPLES).map(([route, { Page }]) => [route, Page]));
const textsOf = (snapshot: string) => [...snapshot.matchAll(/text="([^"]*)"/g)].map((m) => m[1]);

describe('every example runs', () => {
  for (const route of Object.keys(EXAMPLES)) {
    it(`${route} mounts, draws, and unmounts cleanly`, async () => {
      const h = createLegacyHarness(pages);
      h.mount(route);
      await h.settle();
      expect(h.messages.filter((m) => m.type === 'crashed')).toEqual([]);
      expect(h.rejected).toEqual([]);
      expect(h.store.size('legacy')).toBeGreaterThan(2);
      h.world.unmount(`entry-${route}`);
      expect(h.store.size('legacy')).toBe(1);
    });
  }
});

describe('examples do what they say', () => {
  it('example-view counts selects', async () => {
    const h = createLegacyHarness(pages);
    h.mount('example-view');
    h.focus.focusInitial();
    h.select();
    h.press('right');
    h.select();
    await h.waitFor(() => h.snapshot().includes('Selected 2 times'), 'two selects');
  });

  it('example-motion: the strip glides in x and the focused card grows', async () => {
    const h = createLegacyHarness(pages);
    h.mount('example-motion');
    h.focus.focusInitial();
    for (let i = 0; i < 5; i++) h.press('right');
    await h.settle();
    expect(h.focusedKey()).toBe('motion:5');
    const snapshot = h.snapshot();
    // Props print in name order: the strip (animate x = 1) moved one card; card 5 grew (animate scale = 8).
    expect(snapshot).toContain(
      'animate=1 animateDuration=250 animateEasing="ease-out" boundary=12 focusGroup=true height=200 width=4080 x=-260 y=50',
    );
    expect(snapshot).toMatch(/animate=8 animateDuration=150 [^\n]*focusKey="motion:5" [^\n]*scale=1\.1 /);
    expect(snapshot).toMatch(/animate=8 animateDuration=150 [^\n]*focusKey="motion:0" [^\n]*scale=1 /);
    expect(h.rejected).toEqual([]);
  });

  it('example-text shows markup as text', () => {
    const h = createLegacyHarness(pages);
    h.mount('example-text');
    expect(textsOf(h.snapshot())).toContain('<b>this is shown as text, not markup</b>');
  });

  it('example-focus-props starts on its preferred child, remembers rows and nudges with arrows', async () => {
    const h = createLegacyHarness(pages);
    h.mount('example-focus-props');
    h.focus.focusInitial();
    expect(h.focusedKey()).toBe('top-2');
    h.press('down');
    expect(h.focusedKey()).toBe('bottom-4');
    h.press('up');
    expect(h.focusedKey()).toBe('top-2');
    h.press('down');
    h.press('down');
    expect(h.focusedKey()).toBe('slider');
    h.press('right');
    h.press('right');
    await h.waitFor(() => h.snapshot().includes('Left/right nudge: 2'), 'two nudges');
    expect(h.focusedKey()).toBe('slider');
  });

  it('example-navigation asks for the next step and shows the history it is given', async () => {
    const h = createLegacyHarness(pages);
    h.mount('example-navigation', { step: '3' });
    h.world.deliver({
      type: 'history.sync',
      seq: 1,
      entries: [
        {
          key: 'entry-example-navigation',
          route: 'example-navigation',
          params: { step: '3' },
          world: 'legacy',
          focusKey: null,
        },
      ],
      index: 0,
    });
    await h.waitFor(() => h.snapshot().includes('Step 3: history has 1 entries, current 0'), 'history shown');
    h.focus.focusByKey('next');
    h.select();
    expect(h.requests()).toEqual([{ type: 'navigate', route: 'example-navigation', params: { step: '4' } }]);
  });

  it('example-is-focused follows focus', async () => {
    const h = createLegacyHarness(pages);
    h.mount('example-is-focused');
    h.focus.focusInitial();
    h.press('right');
    await h.waitFor(
      () => textsOf(h.snapshot()).join('|') === 'Not focused|Focused|Not focused',
      'second card focused',
    );
  });

  it('example-fetch shows profiles, and an error with retry when the backend fails', async () => {
    backend.fail('profiles', { kind: 'status', status: 500 }, { times: 1 });
    const h = createLegacyHarness(pages);
    h.mount('example-fetch');
    await h.waitFor(() => h.snapshot().includes('Select to retry'), 'error shown');
    h.focus.focusInitial();
    h.select();
    await h.waitFor(() => textsOf(h.snapshot()).length === backend.catalog.profiles.length, 'profiles shown');
  });

  it('example-backend saves a setting', async () => {
    const h = createLegacyHarness(pages);
    h.mount('example-backend');
    h.focus.focusInitial();
    const before = backend.settings().find((s) => s.id === 'subtitles')?.value;
    h.select();
    await h.waitFor(() => h.snapshot().includes('Saved: subtitles'), 'saved');
    expect(backend.settings().find((s) => s.id === 'subtitles')?.value).toBe(!before);
  });
});
