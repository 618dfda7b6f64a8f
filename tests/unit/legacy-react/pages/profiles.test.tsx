import { describe, expect, it } from 'vitest';
import { apiPaths, ProfilesResponseSchema } from '../../../../bridge/index.ts';
import {
  PROFILE_CARD,
  ProfilesPage,
  profileFocusKey,
} from '../../../../legacy-react/pages/profiles/index.ts';
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
const pages = { profiles: ProfilesPage };

async function mountProfiles(): Promise<LegacyHarness> {
  const h = mountPage(pages, 'profiles');
  await h.waitFor(() => hasText(h, "Who's watching?"), 'the profiles');
  return h;
}

/** The avatar square of a profile card (the card's first child). */
function avatarBorder(h: LegacyHarness, profileId: string): number | undefined {
  const card = focusableByKey(h, profileFocusKey(profileId)).node;
  const avatarId = card.children[0];
  return avatarId === undefined ? undefined : h.store.get('legacy', avatarId)?.props.borderWidth;
}

describe('ProfilesPage', () => {
  it('shows a loading panel first, then one card per profile from the backend, centered', async () => {
    const { profiles } = await fetchFromBackend(apiPaths.profiles(), ProfilesResponseSchema);
    expect(profiles.length).toBeGreaterThan(1);
    const h = mountPage(pages, 'profiles');
    expect(hasText(h, 'Loading…')).toBe(true);
    expect(focusKeys(h)).toEqual([]);

    await h.waitFor(() => hasText(h, "Who's watching?"), 'the profiles');
    expect(hasText(h, 'Loading…')).toBe(false);
    expect(focusKeys(h)).toEqual(profiles.map((p) => `profile:${p.id}`));
    for (const profile of profiles) {
      expect(hasText(h, profile.name)).toBe(true);
      expect(hasText(h, profile.name.charAt(0).toUpperCase())).toBe(true);
    }
    // One centered row, inside the stage.
    const rects = profiles.map((p) => focusableByKey(h, profileFocusKey(p.id)).rect);
    const first = rects[0];
    const last = rects[rects.length - 1];
    if (first === undefined || last === undefined) throw new Error('no cards');
    expect(new Set(rects.map((r) => r.y)).size).toBe(1);
    expect(first.x).toBe(1920 - (last.x + last.width));
    expect(first.x).toBeGreaterThan(0);
    expect(last.y + last.height).toBeLessThanOrEqual(1080);
    expect(first.width).toBe(PROFILE_CARD.size);
    expect(h.rejected).toEqual([]);
  });

  it('starts on the first profile and highlights the focused card', async () => {
    const h = await mountProfiles();
    expect(h.focus.focusInitial()).toBe(true);
    expect(h.focusedKey()).toBe('profile:p1');
    await h.settle();
    expect(avatarBorder(h, 'p1')).toBe(PROFILE_CARD.border);
    expect(avatarBorder(h, 'p2') ?? 0).toBe(0);

    h.press('right');
    await h.settle();
    expect(h.focusedKey()).toBe('profile:p2');
    expect(avatarBorder(h, 'p1') ?? 0).toBe(0);
    expect(avatarBorder(h, 'p2')).toBe(PROFILE_CARD.border);

    h.press('right');
    h.press('right');
    expect(h.focusedKey()).toBe('profile:p4');
    expect(h.press('right')).toEqual({ moved: false, reason: 'no-candidate' });
    expect(h.press('up')).toEqual({ moved: false, reason: 'no-candidate' });
    h.press('left');
    expect(h.focusedKey()).toBe('profile:p3');
    expect(h.rejected).toEqual([]);
  });

  it('opens the selected profile’s home with exactly one navigate request', async () => {
    const h = await mountProfiles();
    h.focus.focusInitial();
    h.press('right');
    await h.settle();
    expect(h.requests()).toEqual([]);
    h.select();
    await h.settle();
    expect(h.requests()).toEqual([{ type: 'navigate', route: 'collections', params: { profile: 'p2' } }]);
    expect(h.rejected).toEqual([]);
  });

  it.each([
    ['an HTTP 500', { kind: 'status', status: 500 } as const, 'answered HTTP 500'],
    ['malformed JSON', { kind: 'malformed' } as const, 'did not answer with JSON'],
    ['a dropped connection', { kind: 'network' } as const, 'could not reach'],
  ])(
    'shows an error panel on %s, and Retry loads the profiles once the backend heals',
    async (_, mode, message) => {
      backend.fail('profiles', mode);
      const fetches = watchFetches();
      const h = mountPage(pages, 'profiles');
      await h.waitFor(() => hasText(h, 'Something went wrong'), 'the error panel');
      expect(fetches.started(apiPaths.profiles())).toBe(1);
      expect(texts(h).some((t) => t.text.includes(message))).toBe(true);
      expect(focusKeys(h)).toEqual(['error-retry']);
      h.focus.focusInitial();
      expect(h.focusedKey()).toBe('error-retry');

      // Still failing: Retry asks again, and the error stays.
      h.select();
      await h.waitFor(() => fetches.settled(apiPaths.profiles()) === 2, 'a second request');
      await h.settle();
      expect(hasText(h, 'Something went wrong')).toBe(true);
      // Focus came back to the new Retry by itself (the loading panel in between had none).
      expect(h.focusedKey()).toBe('error-retry');

      backend.reset();
      h.select();
      await h.waitFor(() => hasText(h, "Who's watching?"), 'the profiles after Retry');
      expect(hasText(h, 'Something went wrong')).toBe(false);
      // The content replaced the panel: focus is on the first profile, by itself.
      expect(h.focusedKey()).toBe('profile:p1');
      expect(fetches.started(apiPaths.profiles())).toBe(3);
      expect(h.requests()).toEqual([]);
      expect(h.rejected).toEqual([]);
    },
  );

  it('draws the same scene every time it is mounted', async () => {
    const first = await mountProfiles();
    first.focus.focusInitial();
    await first.settle();
    const second = await mountProfiles();
    second.focus.focusInitial();
    await second.settle();
    expect(second.snapshot()).toBe(first.snapshot());
    expect(first.snapshot()).toContain('focusKey="profile:p1"');
  });
});
