import { beforeAll, describe, expect, it } from 'vitest';
import { apiPaths, type TitleDetails, TitleDetailsSchema } from '../../../../bridge/index.ts';
import { walkAttached } from '../../../../host/scene/geometry.ts';
import {
  castLine,
  DetailsPage,
  detailsMetaLine,
  formatDuration,
  NOT_FOUND_MESSAGE,
} from '../../../../legacy-react/pages/details/index.ts';
import { theme } from '../../../../legacy-react/pages/shared/theme.ts';
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
const pages = { details: DetailsPage };

let title: TitleDetails;
beforeAll(async () => {
  const id = backend.catalog.titles[41]?.id;
  if (id === undefined) throw new Error('the catalog is too small');
  title = await fetchFromBackend(apiPaths.title(id), TitleDetailsSchema);
});

async function mountDetails(id = title.id): Promise<LegacyHarness> {
  const h = mountPage(pages, 'details', { id });
  await h.waitFor(() => focusKeys(h).includes('details:play'), 'the details');
  return h;
}

function imageSources(h: LegacyHarness): string[] {
  const sources: string[] = [];
  walkAttached(h.store, 'legacy', (node) => {
    if (node.kind === 'image' && node.props.src !== undefined) sources.push(node.props.src);
  });
  return sources;
}

const buttonColor = (h: LegacyHarness, key: string) => focusableByKey(h, key).node.props.backgroundColor;

describe('formatDuration', () => {
  it('reads like a running time', () => {
    expect(formatDuration(45)).toBe('45m');
    expect(formatDuration(60)).toBe('1h');
    expect(formatDuration(112)).toBe('1h 52m');
    expect(formatDuration(165)).toBe('2h 45m');
  });
});

describe('DetailsPage', () => {
  it('shows a loading panel, then the title’s backdrop, facts, synopsis, cast and buttons', async () => {
    const h = mountPage(pages, 'details', { id: title.id });
    expect(hasText(h, 'Loading…')).toBe(true);
    expect(focusKeys(h)).toEqual([]);

    await h.waitFor(() => focusKeys(h).includes('details:play'), 'the details');
    expect(hasText(h, 'Loading…')).toBe(false);
    expect(focusKeys(h)).toEqual(['details:play', 'details:back']);
    expect(hasText(h, title.title)).toBe(true);
    expect(hasText(h, detailsMetaLine(title))).toBe(true);
    expect(detailsMetaLine(title)).toBe(
      `${title.year} · ${title.genres.join(', ')} · ${formatDuration(title.durationMinutes)} · ${title.rating}`,
    );
    expect(hasText(h, title.synopsis)).toBe(true);
    expect(hasText(h, castLine(title.cast))).toBe(true);
    expect(hasText(h, 'Play')).toBe(true);
    expect(hasText(h, 'Back')).toBe(true);
    expect(imageSources(h)).toEqual([title.backdropUrl]);
    expect(h.snapshot()).toContain('maxLines=4');
    for (const key of ['details:play', 'details:back']) {
      const rect = focusableByKey(h, key).rect;
      expect(rect.x + rect.width).toBeLessThanOrEqual(1920);
      expect(rect.y + rect.height).toBeLessThanOrEqual(1080);
    }
    expect(h.rejected).toEqual([]);
  });

  it('starts on Play; Right goes to Back and Left comes back', async () => {
    const h = await mountDetails();
    expect(h.focus.focusInitial()).toBe(true);
    expect(h.focusedKey()).toBe('details:play');
    await h.settle();
    expect(buttonColor(h, 'details:play')).toBe(theme.accent);
    h.press('right');
    await h.settle();
    expect(h.focusedKey()).toBe('details:back');
    expect(buttonColor(h, 'details:back')).toBe(theme.accent);
    expect(buttonColor(h, 'details:play')).toBe(theme.surfaceRaised);
    expect(h.press('right')).toEqual({ moved: false, reason: 'no-candidate' });
    expect(h.press('down')).toEqual({ moved: false, reason: 'no-candidate' });
    h.press('left');
    expect(h.focusedKey()).toBe('details:play');
    expect(h.rejected).toEqual([]);
  });

  it('Play asks for playback of this title', async () => {
    const h = await mountDetails();
    h.focus.focusInitial();
    h.select();
    await h.settle();
    expect(h.requests()).toEqual([{ type: 'navigate', route: 'playback', params: { id: title.id } }]);
  });

  it('Back asks the router to go back', async () => {
    const h = await mountDetails();
    h.focus.focusInitial();
    h.press('right');
    h.select();
    await h.settle();
    expect(h.requests()).toEqual([{ type: 'back' }]);
  });

  it('shows “not available” for an unknown title, with Retry and Back', async () => {
    const h = mountPage(pages, 'details', { id: 't9999' });
    await h.waitFor(() => hasText(h, 'Something went wrong'), 'the error panel');
    expect(hasText(h, NOT_FOUND_MESSAGE)).toBe(true);
    expect(focusKeys(h)).toEqual(['error-retry', 'details:back']);
    h.focus.focusInitial();
    expect(h.focusedKey()).toBe('error-retry');
    h.press('right');
    expect(h.focusedKey()).toBe('details:back');
    h.select();
    await h.settle();
    expect(h.requests()).toEqual([{ type: 'back' }]);
    expect(h.rejected).toEqual([]);
  });

  it.each([
    ['an HTTP 500', { kind: 'status', status: 500 } as const, 'answered HTTP 500'],
    ['malformed JSON', { kind: 'malformed' } as const, 'did not answer with JSON'],
  ])(
    'shows an error panel on %s, and Retry loads the title once the backend heals',
    async (_, mode, message) => {
      backend.fail('title', mode);
      const fetches = watchFetches();
      const path = apiPaths.title(title.id);
      const h = mountPage(pages, 'details', { id: title.id });
      await h.waitFor(() => hasText(h, 'Something went wrong'), 'the error panel');
      expect(texts(h).some((t) => t.text.includes(message))).toBe(true);
      expect(focusKeys(h)).toEqual(['error-retry', 'details:back']);
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
      await h.waitFor(() => focusKeys(h).includes('details:play'), 'the details after Retry');
      expect(fetches.started(path)).toBe(3);
      expect(hasText(h, title.title)).toBe(true);
      // The data replaced the panel: focus is on Play, the page's initial focus, by itself.
      expect(h.focusedKey()).toBe('details:play');
      expect(h.requests()).toEqual([]);
      expect(h.rejected).toEqual([]);
    },
  );

  it('draws the same scene every time it is mounted', async () => {
    const first = await mountDetails();
    first.focus.focusInitial();
    await first.settle();
    const second = await mountDetails();
    second.focus.focusInitial();
    await second.settle();
    expect(second.snapshot()).toBe(first.snapshot());
    expect(first.snapshot()).toContain(`text="${title.title}"`);
  });
});
