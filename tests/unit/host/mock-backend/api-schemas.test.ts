import { describe, expect, it } from 'vitest';
import {
  API_OPERATIONS,
  ApiErrorSchema,
  apiError,
  apiPaths,
  describeIssue,
  HomeResponseSchema,
  PlaybackInfoSchema,
  ProfilesResponseSchema,
  type Schema,
  SearchResponseSchema,
  SettingsResponseSchema,
  TelemetryBatchSchema,
  TitleDetailsSchema,
  TitleSummarySchema,
  UpdateSettingRequestSchema,
} from '../../../../bridge/index.ts';

function issueOf<T>(schema: Schema<T>, input: unknown): string {
  const result = schema.check(input);
  if (result.ok) throw new Error(`expected ${JSON.stringify(input)} to be rejected, but it was accepted`);
  return describeIssue(result.issue);
}

const summary = {
  id: 't0042',
  title: 'The Dark Harbor',
  year: 2021,
  genre: 'Mystery',
  imageUrl: 'data:image/svg+xml,%3Csvg%3E%3C%2Fsvg%3E',
  rating: '13+',
};
const details = {
  id: 't0042',
  title: 'The Dark Harbor',
  year: 2021,
  genres: ['Mystery', 'Drama'],
  synopsis: 'Someone must do something.',
  durationMinutes: 104,
  rating: '13+',
  imageUrl: summary.imageUrl,
  backdropUrl: 'https://img.example/backdrop.jpg',
  cast: ['Ava Moreau'],
};

describe('bridge/api schemas accept good data', () => {
  it.each([
    ['TitleSummary', TitleSummarySchema, summary],
    ['TitleDetails', TitleDetailsSchema, details],
    [
      'Profiles',
      ProfilesResponseSchema,
      { profiles: [{ id: 'p1', name: 'Alex', avatarColor: '#e8b04a', isKids: false }] },
    ],
    [
      'Home',
      HomeResponseSchema,
      { hero: summary, rails: [{ id: 'trending', title: 'Trending now', items: [summary] }] },
    ],
    ['Search', SearchResponseSchema, { query: 'dark', results: [summary] }],
    [
      'Settings',
      SettingsResponseSchema,
      { settings: [{ id: 'subtitles', label: 'Subtitles', value: true }] },
    ],
    ['UpdateSetting', UpdateSettingRequestSchema, { value: false }],
    [
      'Playback',
      PlaybackInfoSchema,
      { titleId: 't0042', title: 'X', durationSeconds: 60, streamUrl: 'https://s.example/a.m3u8' },
    ],
    [
      'Telemetry',
      TelemetryBatchSchema,
      {
        events: [
          { name: 'a', at: 0, data: { s: 'x', n: 1.5, b: false } },
          { name: 'b', at: 3 },
        ],
      },
    ],
    ['ApiError', ApiErrorSchema, apiError('not-found', 'nothing here')],
  ])('%s', (_name, schema: Schema<unknown>, value) => {
    expect(schema.check(value).ok).toBe(true);
  });
});

describe('bridge/api schemas reject malformed data, naming the path', () => {
  it.each([
    [
      'a missing field',
      TitleSummarySchema,
      { ...summary, rating: undefined },
      'at .rating: missing required field',
    ],
    [
      'a string year',
      TitleDetailsSchema,
      { ...details, year: '2021' },
      'at .year: expected an integer from 1870 to 2100, got "2021"',
    ],
    [
      'a fractional duration',
      TitleDetailsSchema,
      { ...details, durationMinutes: 90.5 },
      'at .durationMinutes: expected an integer',
    ],
    [
      'an unknown rating',
      TitleSummarySchema,
      { ...summary, rating: 'PG' },
      'at .rating: expected one of "All", "7+", "13+", "16+", "18+", got "PG"',
    ],
    ['an unknown field', TitleSummarySchema, { ...summary, score: 9 }, 'at .score: unknown field'],
    [
      'a script image URL',
      TitleSummarySchema,
      { ...summary, imageUrl: 'javascript:alert(1)' },
      'at .imageUrl: expected an image URL',
    ],
    ['an id with a slash', TitleSummarySchema, { ...summary, id: 't/1' }, 'at .id: expected an id'],
    ['no genres', TitleDetailsSchema, { ...details, genres: [] }, 'at .genres: expected at least 1 items'],
    [
      'a bad cast entry',
      TitleDetailsSchema,
      { ...details, cast: ['A', 3] },
      'at .cast[1]: expected a string, got 3',
    ],
    [
      'a bad tile deep in a rail',
      HomeResponseSchema,
      { hero: summary, rails: [{ id: 'r', title: 'R', items: [summary, { ...summary, year: null }] }] },
      'at .rails[0].items[1].year: expected an integer',
    ],
    [
      'a color name',
      ProfilesResponseSchema,
      { profiles: [{ id: 'p1', name: 'A', avatarColor: 'red', isKids: false }] },
      'at .profiles[0].avatarColor: expected a color like #1a2b3c, got "red"',
    ],
    [
      '41 search results',
      SearchResponseSchema,
      { query: 'a', results: Array.from({ length: 41 }, () => summary) },
      'at .results: expected at most 40 items, got 41',
    ],
    [
      'a string setting value',
      SettingsResponseSchema,
      { settings: [{ id: 's', label: 'S', value: 'on' }] },
      'at .settings[0].value: expected a boolean, got "on"',
    ],
    [
      'zero seconds',
      PlaybackInfoSchema,
      { titleId: 't1', title: 'X', durationSeconds: 0, streamUrl: 'https://s/a' },
      'at .durationSeconds: expected an integer of at least 1, got 0',
    ],
    [
      'an object in telemetry data',
      TelemetryBatchSchema,
      { events: [{ name: 'a', at: 1, data: { x: {} } }] },
      'at .events[0].data.x: expected a string, finite number or boolean, got object',
    ],
    [
      'NaN in telemetry data',
      TelemetryBatchSchema,
      { events: [{ name: 'a', at: 1, data: { x: Number.NaN } }] },
      'at .events[0].data.x: expected a string, finite number or boolean, got NaN',
    ],
    [
      'an error without a code',
      ApiErrorSchema,
      { error: { message: 'x' } },
      'at .error.code: missing required field',
    ],
    [
      'a spaced error code',
      ApiErrorSchema,
      apiError('Not Found', 'x'),
      'at .error.code: expected an error code like "not-found"',
    ],
  ])('%s', (_name, schema: Schema<unknown>, value, message) => {
    expect(issueOf(schema, value)).toContain(message);
  });
});

describe('apiPaths', () => {
  it('builds the documented URLs', () => {
    expect(apiPaths.profiles()).toBe('/api/profiles');
    expect(apiPaths.home('p1')).toBe('/api/home?profile=p1');
    expect(apiPaths.title('t0042')).toBe('/api/titles/t0042');
    expect(apiPaths.search('dark & co/2')).toBe('/api/search?q=dark%20%26%20co%2F2');
    expect(apiPaths.settings()).toBe('/api/settings');
    expect(apiPaths.setting('reduce-motion')).toBe('/api/settings/reduce-motion');
    expect(apiPaths.playback('t0001')).toBe('/api/playback/t0001');
    expect(apiPaths.telemetry()).toBe('/api/telemetry');
  });

  it('agrees with the routes of the endpoint table', () => {
    const built: Record<keyof typeof API_OPERATIONS, string> = {
      listProfiles: apiPaths.profiles(),
      getHome: apiPaths.home('p1'),
      getTitle: apiPaths.title('t1'),
      search: apiPaths.search('x'),
      listSettings: apiPaths.settings(),
      updateSetting: apiPaths.setting('s1'),
      getPlayback: apiPaths.playback('t1'),
      sendTelemetry: apiPaths.telemetry(),
      getRollout: apiPaths.rollout(),
      getReleaseChannel: apiPaths.releaseChannel('stable'),
    };
    for (const [name, operation] of Object.entries(API_OPERATIONS)) {
      const pattern = new RegExp(`^${operation.route.replace(/:[a-z]+/g, '[^/?]+')}(\\?|$)`);
      expect(built[name as keyof typeof API_OPERATIONS], name).toMatch(pattern);
    }
  });
});
