import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiPaths, SearchResponseSchema, type TitleSummary } from '../../../../bridge/index.ts';
import { walkAttached } from '../../../../host/scene/geometry.ts';
import {
  applyKey,
  KEYBOARD_KEYS,
  keyFocusKey,
  QUERY_PLACEHOLDER,
  resultFocusKey,
  SEARCH_HINT,
  SearchPage,
} from '../../../../legacy-react/pages/search/index.ts';
import {
  fetchFromBackend,
  focusableByKey,
  focusKeys,
  hasText,
  mountPage,
  setupMockBackend,
  texts,
} from '../../../support/backend-harness.ts';
import type { LegacyHarness } from '../../../support/legacy-harness.ts';

const backend = setupMockBackend();
const pages = { search: SearchPage };

afterEach(() => {
  vi.restoreAllMocks();
});

function mountSearch(): LegacyHarness {
  const h = mountPage(pages, 'search', { profile: 'p1' });
  expect(h.focus.focusInitial()).toBe(true);
  return h;
}

/** Types `text` the way a viewer does: move to each key, press OK. */
async function type(h: LegacyHarness, text: string): Promise<void> {
  for (const character of text) {
    const key = character === ' ' ? 'space' : character;
    expect(h.focus.focusByKey(keyFocusKey(key))).toBe(true);
    h.select();
    await h.settle();
  }
}

async function pressKey(h: LegacyHarness, keyId: string): Promise<void> {
  expect(h.focus.focusByKey(keyFocusKey(keyId))).toBe(true);
  h.select();
  await h.settle();
}

/** Right until focus leaves the keyboard (keys further right come first). */
function pressRightIntoResults(h: LegacyHarness): void {
  for (let i = 0; i < 6 && h.focusedKey()?.startsWith('key:'); i++) h.press('right');
}

/** Nodes drawn outside the 1920×1080 stage; what a clipping container holds in is not drawn. */
function outsideStage(h: LegacyHarness): string[] {
  const outside: string[] = [];
  const clipped = new Set<number>();
  walkAttached(h.store, 'legacy', (node, rect, ancestors) => {
    if (ancestors.some((ancestor) => clipped.has(ancestor.id))) return;
    if (node.props.clip === true) clipped.add(node.id);
    if (rect.x < 0 || rect.y < 0 || rect.x + rect.width > 1920 || rect.y + rect.height > 1080) {
      outside.push(`${node.kind} ${JSON.stringify(node.props.focusKey ?? node.props.text ?? '')}`);
    }
  });
  return outside;
}

const resultKeys = (h: LegacyHarness): string[] => focusKeys(h).filter((key) => key.startsWith('result:'));
const header = (results: readonly TitleSummary[], query: string): string =>
  `${results.length} ${results.length === 1 ? 'result' : 'results'} for “${query}”`;

/** Waits until the grid shows the backend's answer for `query`, and checks it tile by tile. */
async function expectResultsFor(h: LegacyHarness, query: string): Promise<readonly TitleSummary[]> {
  const { results } = await fetchFromBackend(apiPaths.search(query), SearchResponseSchema);
  expect(results.length).toBeGreaterThan(0);
  await h.waitFor(() => hasText(h, header(results, query)), `results for "${query}"`);
  expect(resultKeys(h)).toEqual(results.map((_, index) => resultFocusKey(index)));
  for (const [index, title] of results.entries()) {
    const tile = focusableByKey(h, resultFocusKey(index));
    // The tile's label is its last child.
    const labelId = tile.node.children.at(-1);
    const label = labelId === undefined ? undefined : h.store.get('legacy', labelId);
    expect(label?.props.text).toBe(title.title);
  }
  return results;
}

describe('SearchPage: keyboard', () => {
  it('renders the keyboard, the placeholder and a hint, and starts on key:a without any request', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const h = mountSearch();
    await h.settle();
    expect(h.focusedKey()).toBe('key:a');
    expect(hasText(h, 'Search')).toBe(true);
    expect(hasText(h, QUERY_PLACEHOLDER)).toBe(true);
    expect(hasText(h, SEARCH_HINT)).toBe(true);
    expect(focusKeys(h)).toEqual(KEYBOARD_KEYS.map((key) => keyFocusKey(key.id)));
    expect(focusKeys(h)).toContain('key:z');
    expect(focusKeys(h)).toContain('key:0');
    expect(focusKeys(h)).toContain('key:9');
    for (const key of ['key:space', 'key:delete', 'key:clear']) expect(focusKeys(h)).toContain(key);
    // An empty query asks nothing of the backend.
    expect(fetchSpy).not.toHaveBeenCalled();
    // The focused key lights up.
    expect(focusableByKey(h, 'key:a').node.props.backgroundColor).not.toBe(
      focusableByKey(h, 'key:b').node.props.backgroundColor,
    );
    expect(h.rejected).toEqual([]);
  });

  it('moves around the keyboard with the arrows', () => {
    const h = mountSearch();
    h.press('right');
    expect(h.focusedKey()).toBe('key:b');
    h.press('down');
    expect(h.focusedKey()).toBe('key:h');
    for (let i = 0; i < 10; i++) h.press('down');
    expect(h.focusedKey()).toBe('key:space');
    h.press('right');
    expect(h.focusedKey()).toBe('key:delete');
    h.press('right');
    expect(h.focusedKey()).toBe('key:clear');
    h.press('up');
    expect(['key:8', 'key:9']).toContain(h.focusedKey());
    expect(h.rejected).toEqual([]);
  });

  it('draws everything inside the stage, a long result list under its clip', async () => {
    const h = mountSearch();
    expect(outsideStage(h)).toEqual([]);
    await type(h, 'the');
    await h.waitFor(() => resultKeys(h).length > 12, 'a long result list');
    expect(outsideStage(h)).toEqual([]);
  });

  it('typing updates the query text and the results, which match the backend search', async () => {
    const h = mountSearch();
    // "d" by moving from key:a to key:d with the arrows, then OK.
    h.press('right');
    h.press('right');
    h.press('right');
    expect(h.focusedKey()).toBe('key:d');
    h.select();
    await h.settle();
    expect(hasText(h, 'd')).toBe(true);
    expect(hasText(h, QUERY_PLACEHOLDER)).toBe(false);
    expect(hasText(h, SEARCH_HINT)).toBe(false);
    await expectResultsFor(h, 'd');

    await type(h, 'ar');
    expect(hasText(h, 'dar')).toBe(true);
    await expectResultsFor(h, 'dar');
    expect(h.rejected).toEqual([]);
  });

  it('shows a loading placeholder while the search is under way', async () => {
    const h = mountSearch();
    await type(h, 'd');
    await expectResultsFor(h, 'd');
    backend.fail('search', { kind: 'delay', ms: 400 }, { times: 1 });
    await type(h, 'a');
    await h.waitFor(() => hasText(h, 'Searching…'), 'the loading placeholder');
    // The answer for "d" is not shown for "da".
    expect(resultKeys(h)).toEqual([]);
    await expectResultsFor(h, 'da');
    expect(hasText(h, 'Searching…')).toBe(false);
  });

  it('delete removes the last character and clear empties the query', async () => {
    const h = mountSearch();
    await type(h, 'dar');
    await expectResultsFor(h, 'dar');

    await pressKey(h, 'delete');
    expect(hasText(h, 'da')).toBe(true);
    expect(hasText(h, 'dar')).toBe(false);
    await expectResultsFor(h, 'da');

    await pressKey(h, 'clear');
    expect(hasText(h, QUERY_PLACEHOLDER)).toBe(true);
    expect(hasText(h, SEARCH_HINT)).toBe(true);
    expect(resultKeys(h)).toEqual([]);

    // Delete on an empty query does nothing.
    await pressKey(h, 'delete');
    expect(hasText(h, QUERY_PLACEHOLDER)).toBe(true);
    expect(h.rejected).toEqual([]);
  });

  it('space separates words: "dark w" searches both words', async () => {
    const h = mountSearch();
    await type(h, 'dark w');
    expect(hasText(h, 'dark w')).toBe(true);
    const results = await expectResultsFor(h, 'dark w');
    expect(results.length).toBeLessThanOrEqual(7);
  });

  it('says so when nothing matches', async () => {
    const h = mountSearch();
    await type(h, 'zq');
    await h.waitFor(() => hasText(h, 'No results for “zq”'), 'the empty state');
    expect(resultKeys(h)).toEqual([]);
    expect(h.rejected).toEqual([]);
  });

  it('applyKey caps the query length', () => {
    let query = '';
    for (let i = 0; i < 40; i++) query = applyKey(query, 'a');
    expect(query.length).toBe(24);
    expect(applyKey(query, 'space')).toBe(query);
    expect(applyKey(query, 'delete').length).toBe(23);
  });
});

describe('SearchPage: results', () => {
  it('right enters the results at the first tile; left from the first column returns to the last key', async () => {
    const h = mountSearch();
    await type(h, 'dar');
    await expectResultsFor(h, 'dar');
    expect(h.focusedKey()).toBe('key:r');

    h.press('right');
    expect(h.focusedKey()).toBe('result:0');
    h.press('right');
    expect(h.focusedKey()).toBe('result:1');
    h.press('down');
    expect(h.focusedKey()).toBe('result:5');
    h.press('left');
    expect(h.focusedKey()).toBe('result:4');
    h.press('left');
    expect(h.focusedKey()).toBe('key:r');

    // Back into the results: the grid remembers the tile left last.
    h.press('right');
    expect(h.focusedKey()).toBe('result:4');
    h.press('up');
    h.press('left');
    expect(h.focusedKey()).toBe('key:r');
    expect(h.rejected).toEqual([]);
  });

  it('the focused tile shows a border', async () => {
    const h = mountSearch();
    await type(h, 'dar');
    await expectResultsFor(h, 'dar');
    const border = (key: string) => {
      const posterId = focusableByKey(h, key).node.children[0];
      return posterId === undefined ? undefined : h.store.get('legacy', posterId)?.props.borderWidth;
    };
    expect(border('result:0')).toBe(0);
    h.press('right');
    await h.settle();
    expect(border('result:0')).toBeGreaterThan(0);
  });

  it('scrolls down a long result list to keep the focused row visible', async () => {
    const h = mountSearch();
    await type(h, 'the');
    const results = await expectResultsFor(h, 'the');
    expect(results.length).toBeGreaterThan(16);
    pressRightIntoResults(h);
    expect(h.focusedKey()).toBe('result:0');
    for (let i = 0; i < 4; i++) h.press('down');
    await h.settle();
    expect(h.focusedKey()).toBe('result:16');
    const { rect } = focusableByKey(h, 'result:16');
    expect(rect.y).toBeGreaterThanOrEqual(240);
    expect(rect.y + rect.height).toBeLessThanOrEqual(1080);
    expect(focusableByKey(h, 'result:0').rect.y).toBeLessThan(240);
  });

  it('selecting a result opens its details', async () => {
    const h = mountSearch();
    await type(h, 'dar');
    const results = await expectResultsFor(h, 'dar');
    h.press('right');
    h.press('right');
    expect(h.focusedKey()).toBe('result:1');
    h.select();
    await h.settle();
    expect(h.requests()).toEqual([{ type: 'navigate', route: 'details', params: { id: results[1]?.id } }]);
    expect(h.rejected).toEqual([]);
  });

  it('a new query starts the grid over at the first result', async () => {
    const h = mountSearch();
    await type(h, 'da');
    await expectResultsFor(h, 'da');
    pressRightIntoResults(h);
    h.press('right');
    expect(h.focusedKey()).toBe('result:1');
    h.press('left');
    h.press('left');
    expect(h.focusedKey()).toBe('key:f');
    await type(h, 'r');
    await expectResultsFor(h, 'dar');
    h.press('right');
    expect(h.focusedKey()).toBe('result:0');
  });
});

describe('SearchPage: errors', () => {
  it('shows an error panel with Retry when the search fails, and Retry searches again', async () => {
    const h = mountSearch();
    await type(h, 'da');
    await expectResultsFor(h, 'da');
    backend.fail('search', { kind: 'status', status: 500 }, { times: 1 });
    await type(h, 'r');
    await h.waitFor(() => hasText(h, 'Something went wrong'), 'the error panel');
    expect(texts(h).some((t) => t.text.includes('500'))).toBe(true);
    expect(resultKeys(h)).toEqual([]);

    h.press('right');
    expect(h.focusedKey()).toBe('error-retry');
    h.select();
    await expectResultsFor(h, 'dar');
    expect(hasText(h, 'Something went wrong')).toBe(false);
    // Focus fell back into the page: the keyboard's remembered key.
    expect(h.focusedKey()).toBe('key:r');
    expect(h.rejected).toEqual([]);
  });

  it('a network failure and a malformed answer are errors too', async () => {
    backend.fail('search', { kind: 'network' }, { times: 1 });
    const h = mountSearch();
    await type(h, 'd');
    await h.waitFor(() => hasText(h, 'Something went wrong'), 'the network error');
    backend.fail('search', { kind: 'malformed' }, { times: 1 });
    await type(h, 'a');
    await h.waitFor(
      () => texts(h).some((t) => t.text.includes('did not answer with JSON')),
      'the malformed error',
    );
    await type(h, 'r');
    await expectResultsFor(h, 'dar');
    expect(h.rejected).toEqual([]);
  });
});

describe('SearchPage: determinism', () => {
  it('two mounts typing the same query draw the same scene', async () => {
    const run = async () => {
      const h = mountSearch();
      await type(h, 'dar');
      await expectResultsFor(h, 'dar');
      return h.snapshot();
    };
    const first = await run();
    const second = await run();
    expect(second).toBe(first);
  });
});
