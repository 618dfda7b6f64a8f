import { describe, expect, it } from 'vitest';
import { apiPaths, HomeResponseSchema, type TitleSummary } from '../../../../bridge/index.ts';
import { isKidFriendly } from '../../../../host/mock-backend/catalog.ts';
import { createMockBackend, type MockBackend } from '../../../../host/mock-backend/mock-backend.ts';
import { KID_GENRES } from '../../../../host/mock-backend/word-lists.ts';
import { expectValid, fetchJson, withBackend } from './backend-fixture.ts';

/** Every response a page could ask for, fetched from one backend, as text for exact comparison. */
async function everything(backend: MockBackend): Promise<string[]> {
  return withBackend(backend, async () => {
    const paths = [
      apiPaths.profiles(),
      ...backend.catalog.profiles.map((profile) => apiPaths.home(profile.id)),
      apiPaths.title('t0001'),
      apiPaths.title('t0400'),
      apiPaths.search('the'),
      apiPaths.settings(),
      apiPaths.playback('t0123'),
    ];
    return Promise.all(paths.map(async (path) => JSON.stringify((await fetchJson(path)).body)));
  });
}

async function homeOf(backend: MockBackend, profileId: string) {
  return withBackend(backend, async () =>
    expectValid(HomeResponseSchema, (await fetchJson(apiPaths.home(profileId))).body),
  );
}

const ids = (items: readonly TitleSummary[]): string[] => items.map((item) => item.id);

describe('determinism', () => {
  it('two backends with the same seed answer byte for byte the same', async () => {
    expect(await everything(createMockBackend({ seed: 99 }))).toEqual(
      await everything(createMockBackend({ seed: 99 })),
    );
  });

  it('another seed gives another catalog', async () => {
    const [a, b] = [createMockBackend({ seed: 1 }), createMockBackend({ seed: 2 })];
    expect(a.catalog.titles.map((title) => title.title)).not.toEqual(
      b.catalog.titles.map((title) => title.title),
    );
  });

  it('each profile gets its own home, and the same one every time', async () => {
    const backend = createMockBackend();
    // One at a time: msw patches the process-wide fetch, so two servers must never overlap.
    const homes = [];
    for (const profile of backend.catalog.profiles) homes.push(await homeOf(backend, profile.id));
    const railIds = homes.map((home) => JSON.stringify(home.rails.map((rail) => ids(rail.items))));
    expect(new Set(railIds).size).toBe(homes.length);
    expect(await homeOf(createMockBackend(), 'p2')).toEqual(homes[1]);
  });

  it('a kids home only holds kid-friendly titles', async () => {
    const backend = createMockBackend();
    const kids = backend.catalog.profiles.find((profile) => profile.isKids);
    const home = await homeOf(backend, kids?.id ?? 'missing');
    const shown = [home.hero, ...home.rails.flatMap((rail) => rail.items)];
    for (const item of shown) {
      const title = backend.catalog.titles.find((entry) => entry.id === item.id);
      expect(title !== undefined && isKidFriendly(title), `${item.id} ${item.title}`).toBe(true);
      expect(['All', '7+']).toContain(item.rating);
      expect(KID_GENRES).toContain(item.genre);
    }
  });

  it('backends do not share state', async () => {
    const a = createMockBackend();
    const b = createMockBackend();
    a.fail('profiles', { kind: 'status', status: 500 });
    await withBackend(a, async () => {
      await fetchJson(apiPaths.setting('subtitles'), {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ value: true }),
      });
      expect((await fetchJson(apiPaths.profiles())).status).toBe(500);
    });
    await withBackend(b, async () => {
      expect((await fetchJson(apiPaths.profiles())).status).toBe(200);
    });
    expect(b.settings().find((setting) => setting.id === 'subtitles')?.value).toBe(false);
    expect(a.settings().find((setting) => setting.id === 'subtitles')?.value).toBe(true);
  });
});
