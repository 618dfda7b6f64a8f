import { describe, expect, it } from 'vitest';
import {
  API_OPERATIONS,
  ApiErrorSchema,
  type ApiOperationName,
  apiPaths,
  HomeResponseSchema,
  PlaybackInfoSchema,
  ProfilesResponseSchema,
  type Schema,
  SearchResponseSchema,
  SettingSchema,
  SettingsResponseSchema,
  TitleDetailsSchema,
} from '../../../../bridge/index.ts';
import { RAIL_LENGTH } from '../../../../host/mock-backend/home-feed.ts';
import { expectValid, fetchJson, mockBackendPerTest, sendJson } from './backend-fixture.ts';

const backend = mockBackendPerTest();

/** One good request per operation of the endpoint table, with the status it answers. */
const GOOD_REQUESTS: Record<ApiOperationName, { path: string; init?: RequestInit; status: number }> = {
  listProfiles: { path: apiPaths.profiles(), status: 200 },
  getHome: { path: apiPaths.home('p1'), status: 200 },
  getTitle: { path: apiPaths.title('t0042'), status: 200 },
  search: { path: apiPaths.search('harbor'), status: 200 },
  listSettings: { path: apiPaths.settings(), status: 200 },
  updateSetting: { path: apiPaths.setting('subtitles'), init: sendJson('PUT', { value: true }), status: 200 },
  getPlayback: { path: apiPaths.playback('t0042'), status: 200 },
  sendTelemetry: {
    path: apiPaths.telemetry(),
    init: sendJson('POST', { events: [{ name: 'page.shown', at: 1 }] }),
    status: 204,
  },
  getRollout: { path: apiPaths.rollout(), status: 200 },
  getReleaseChannel: { path: apiPaths.releaseChannel('stable'), status: 200 },
};

describe('every operation answers with data its bridge/api schema accepts', () => {
  for (const [name, operation] of Object.entries(API_OPERATIONS)) {
    it(`${name}: ${operation.method} ${operation.route}`, async () => {
      const request = GOOD_REQUESTS[name as ApiOperationName];
      expect(request.init?.method ?? 'GET').toBe(operation.method);
      const { status, body } = await fetchJson(request.path, request.init);
      expect(status).toBe(request.status);
      const schema: Schema<unknown> | null = operation.response;
      if (schema === null) expect(body).toBeUndefined();
      else expectValid(schema, body);
    });
  }
});

describe('responses', () => {
  it('lists four profiles, one of them a kids profile', async () => {
    const { profiles } = expectValid(ProfilesResponseSchema, (await fetchJson(apiPaths.profiles())).body);
    expect(profiles).toHaveLength(4);
    expect(profiles.filter((profile) => profile.isKids)).toHaveLength(1);
  });

  it('gives every profile at least 12 rails of 24 tiles', async () => {
    const { profiles } = backend().catalog;
    for (const profile of profiles) {
      const home = expectValid(HomeResponseSchema, (await fetchJson(apiPaths.home(profile.id))).body);
      expect(home.rails.length).toBeGreaterThanOrEqual(12);
      for (const rail of home.rails) expect(rail.items).toHaveLength(RAIL_LENGTH);
      expect(new Set(home.rails.map((rail) => rail.id)).size).toBe(home.rails.length);
    }
  });

  it('answers a title with its details, as the catalog has them', async () => {
    const details = expectValid(TitleDetailsSchema, (await fetchJson(apiPaths.title('t0042'))).body);
    expect(details).toEqual(backend().catalog.titles.find((title) => title.id === 't0042'));
    expect(details.imageUrl.startsWith('data:image/svg+xml,')).toBe(true);
  });

  it('answers playback with the title and its duration in seconds', async () => {
    const playback = expectValid(PlaybackInfoSchema, (await fetchJson(apiPaths.playback('t0042'))).body);
    const title = backend().catalog.titles.find((entry) => entry.id === 't0042');
    expect(playback).toMatchObject({ titleId: 't0042', title: title?.title });
    expect(playback.durationSeconds).toBe((title?.durationMinutes ?? 0) * 60);
  });

  it('lists the settings with their defaults', async () => {
    const { settings } = expectValid(SettingsResponseSchema, (await fetchJson(apiPaths.settings())).body);
    expect(settings.map((setting) => setting.id)).toEqual([
      'subtitles',
      'autoplay-next',
      'reduce-motion',
      'data-saver',
    ]);
  });

  it('works with any origin', async () => {
    const response = await fetch(`https://tv.example:8443${apiPaths.profiles()}`);
    expectValid(ProfilesResponseSchema, await response.json());
  });
});

describe('errors use the error shape', () => {
  const cases: [string, string, number, string][] = [
    ['an unknown title', apiPaths.title('t9999'), 404, 'not-found'],
    ['playback of an unknown title', apiPaths.playback('nope'), 404, 'not-found'],
    ['the home of an unknown profile', apiPaths.home('p9'), 404, 'not-found'],
    ['a home without a profile', '/api/home', 400, 'bad-request'],
    ['an unknown path under /api', '/api/nothing/here', 404, 'not-found'],
    ['a method an endpoint lacks', apiPaths.profiles(), 404, 'not-found'],
  ];
  for (const [what, path, status, code] of cases) {
    it(`${what}: ${status} ${code}`, async () => {
      const init = what.startsWith('a method') ? { method: 'DELETE' } : undefined;
      const response = await fetchJson(path, init);
      expect(response.status).toBe(status);
      const { error } = expectValid(ApiErrorSchema, response.body);
      expect(error.code).toBe(code);
    });
  }

  it('names the missing thing in the message', async () => {
    const { body } = await fetchJson(apiPaths.title('t9999'));
    expect(expectValid(ApiErrorSchema, body).error.message).toBe('no title with id "t9999"');
  });
});

describe('search', () => {
  const search = async (q: string) =>
    expectValid(SearchResponseSchema, (await fetchJson(apiPaths.search(q))).body);

  it('matches the start of title words, ignoring case, and echoes the query', async () => {
    const { query, results } = await search('HARB');
    expect(query).toBe('HARB');
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) expect(result.title.toLowerCase()).toMatch(/(^|[^a-z])harb/);
  });

  it('does not match the middle of a word', async () => {
    const { results } = await search('arbor');
    expect(results).toEqual([]);
  });

  it('matches genres, after title matches', async () => {
    const { results } = await search('documentary');
    expect(results.length).toBeGreaterThan(0);
    const details = backend().catalog.titles;
    for (const result of results) {
      expect(details.find((title) => title.id === result.id)?.genres).toContain('Documentary');
    }
  });

  it('needs every typed word to match', async () => {
    const { results } = await search('harbor zzz');
    expect(results).toEqual([]);
  });

  it('returns at most 40 results, in the same order every time', async () => {
    const first = await search('s');
    expect(first.results).toHaveLength(40);
    expect((await search('s')).results).toEqual(first.results);
  });

  it('finds nothing for an empty or blank query, or no query at all', async () => {
    expect((await search('')).results).toEqual([]);
    expect((await search('   ')).results).toEqual([]);
    expect(expectValid(SearchResponseSchema, (await fetchJson('/api/search')).body)).toEqual({
      query: '',
      results: [],
    });
  });

  it('survives characters that need encoding', async () => {
    const { query, results } = await search("harbor & o'brien ?#%");
    expect(query).toBe("harbor & o'brien ?#%");
    expect(Array.isArray(results)).toBe(true);
  });
});

describe('settings', () => {
  it('a PUT answers the updated setting, and it persists', async () => {
    const put = await fetchJson(apiPaths.setting('subtitles'), sendJson('PUT', { value: true }));
    expect(expectValid(SettingSchema, put.body)).toEqual({
      id: 'subtitles',
      label: 'Subtitles',
      value: true,
    });
    const { settings } = expectValid(SettingsResponseSchema, (await fetchJson(apiPaths.settings())).body);
    expect(settings.find((setting) => setting.id === 'subtitles')?.value).toBe(true);
    expect(
      backend()
        .settings()
        .find((setting) => setting.id === 'subtitles')?.value,
    ).toBe(true);
  });

  it('rejects an unknown setting with 404', async () => {
    const { status, body } = await fetchJson(apiPaths.setting('volume'), sendJson('PUT', { value: true }));
    expect(status).toBe(404);
    expect(expectValid(ApiErrorSchema, body).error.code).toBe('not-found');
  });

  const badBodies: [string, RequestInit][] = [
    ['a string value', sendJson('PUT', { value: 'yes' })],
    ['no value', sendJson('PUT', {})],
    ['an extra field', sendJson('PUT', { value: true, force: true })],
    ['not JSON', { method: 'PUT', body: '{value: true' }],
    ['no body', { method: 'PUT' }],
  ];
  for (const [what, init] of badBodies) {
    it(`rejects ${what} with 400 and leaves the setting alone`, async () => {
      const { status, body } = await fetchJson(apiPaths.setting('autoplay-next'), init);
      expect(status).toBe(400);
      expect(expectValid(ApiErrorSchema, body).error.code).toBe('bad-request');
      expect(
        backend()
          .settings()
          .find((setting) => setting.id === 'autoplay-next')?.value,
      ).toBe(true);
    });
  }

  it('explains a malformed body with its path', async () => {
    const { body } = await fetchJson(apiPaths.setting('subtitles'), sendJson('PUT', { value: 'yes' }));
    expect(expectValid(ApiErrorSchema, body).error.message).toContain('at .value: expected a boolean');
  });
});

describe('telemetry', () => {
  it('keeps the events it receives, in order', async () => {
    const events = [
      { name: 'page.shown', at: 10, data: { page: 'home', world: 'wasm', ms: 12.5, cold: true } },
      { name: 'key', at: 11 },
    ];
    expect((await fetchJson(apiPaths.telemetry(), sendJson('POST', { events }))).status).toBe(204);
    expect((await fetchJson(apiPaths.telemetry(), sendJson('POST', { events: [events[0]] }))).status).toBe(
      204,
    );
    expect(backend().telemetryEvents()).toEqual([...events, events[0]]);
  });

  const badBodies: [string, unknown][] = [
    ['no events', {}],
    ['an event without a name', { events: [{ at: 1 }] }],
    ['a nested data value', { events: [{ name: 'x', at: 1, data: { deep: { a: 1 } } }] }],
    ['a negative time', { events: [{ name: 'x', at: -1 }] }],
  ];
  for (const [what, payload] of badBodies) {
    it(`rejects ${what} with 400 and stores nothing`, async () => {
      const { status, body } = await fetchJson(apiPaths.telemetry(), sendJson('POST', payload));
      expect(status).toBe(400);
      expect(expectValid(ApiErrorSchema, body).error.code).toBe('bad-request');
      expect(backend().telemetryEvents()).toEqual([]);
    });
  }
});
