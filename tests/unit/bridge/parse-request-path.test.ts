import { describe, expect, it } from 'vitest';
import {
  apiPaths,
  MAX_REQUEST_PATH_LENGTH,
  parseApiRequest,
  parseRequestPath,
} from '../../../bridge/index.ts';

// A WASM page names what it wants the host to fetch, and with which method; the host accepts
// exactly the declared endpoints of bridge/api for that method with valid parameters (and, for a
// write, a body the operation takes), and rebuilds the path itself.

describe('parseRequestPath accepts the declared GET endpoints', () => {
  it.each([
    [apiPaths.profiles(), 'listProfiles', {}, {}],
    [apiPaths.home('p1'), 'getHome', {}, { profile: 'p1' }],
    [apiPaths.title('t0042'), 'getTitle', { id: 't0042' }, {}],
    [apiPaths.title('genre-sci_fi'), 'getTitle', { id: 'genre-sci_fi' }, {}],
    [apiPaths.search('dark & co'), 'search', {}, { q: 'dark & co' }],
    [apiPaths.search('AC/DC ../ %2e é 🎬'), 'search', {}, { q: 'AC/DC ../ %2e é 🎬' }],
    [apiPaths.search(''), 'search', {}, { q: '' }],
    ['/api/search', 'search', {}, {}],
    [apiPaths.settings(), 'listSettings', {}, {}],
    [apiPaths.playback('t0001'), 'getPlayback', { id: 't0001' }, {}],
  ])('%s', (path, operation, params, query) => {
    // The path the host fetches is rebuilt from the parsed request, and is the apiPaths spelling.
    expect(parseRequestPath(path)).toEqual({ ok: true, request: { operation, params, query }, path });
  });

  it('leaves whether a profile exists to the backend, as for the React page', () => {
    // The React page sends these too (no profile param, a mistyped one); the backend answers 400 or 404.
    expect(parseRequestPath(apiPaths.home(''))).toMatchObject({ ok: true, path: '/api/home?profile=' });
    expect(parseRequestPath(apiPaths.home('nobody here'))).toMatchObject({
      ok: true,
      path: '/api/home?profile=nobody%20here',
    });
  });

  it('keeps a query value data: decoded and encoded again, it cannot change the endpoint', () => {
    expect(parseRequestPath('/api/home?profile=p1%26admin%3D1')).toEqual({
      ok: true,
      request: { operation: 'getHome', params: {}, query: { profile: 'p1&admin=1' } },
      path: '/api/home?profile=p1%26admin%3D1',
    });
    expect(parseRequestPath('/api/home?profile=..%2f..%2fsecret')).toMatchObject({
      ok: true,
      path: '/api/home?profile=..%2F..%2Fsecret',
    });
  });

  it('rebuilds the path from decoded, re-encoded parameters, not from the page string', () => {
    expect(parseRequestPath('/api/home?profile=%70%31')).toEqual({
      ok: true,
      request: { operation: 'getHome', params: {}, query: { profile: 'p1' } },
      path: '/api/home?profile=p1',
    });
    // `'` is escaped too, as the URL parser would escape it in a query anyway.
    const parsed = parseRequestPath("/api/search?q=it's%20(a)%20*test*!~");
    expect(parsed.ok && parsed.path).toBe('/api/search?q=it%27s%20(a)%20*test*!~');
  });

  it(`accepts a path of ${MAX_REQUEST_PATH_LENGTH} characters and no more`, () => {
    // 226 euro signs, each 9 characters encoded: 14 + 2034 = 2048.
    const longest = `/api/search?q=${'%E2%82%AC'.repeat(226)}`;
    expect(longest.length).toBe(MAX_REQUEST_PATH_LENGTH);
    expect(parseRequestPath(longest)).toMatchObject({ ok: true, path: longest });
    expect(parseRequestPath(`${longest}a`)).toMatchObject({
      ok: false,
      reason: expect.stringContaining(`at most ${MAX_REQUEST_PATH_LENGTH} are allowed`),
    });
  });
});

describe('parseRequestPath refuses everything else, saying why', () => {
  // [path, what the reason says]. The first three are the paths of issue 10 that fetched /secret,
  // /wasm/manifest.json and /admin before.
  const HOSTILE: readonly (readonly [string, string])[] = [
    ['/api/titles/..\\..\\secret', 'contains a backslash at index 14'],
    ['/api/playback/..\\..\\..\\wasm\\manifest.json', 'contains a backslash at index 16'],
    ['/api/titles/%2e%2e\\%2e%2e\\admin', 'contains a backslash at index 18'],
    ['/api/titles/t1\\', 'contains a backslash'],
    // Dot segments, plain and percent-encoded.
    ['/api/titles/../../secret', 'has a dot segment ("..") at segment 3'],
    ['/api/titles/..', 'has a dot segment ("..")'],
    ['/api/titles/.', 'has a dot segment (".")'],
    ['/api/./profiles', 'has a dot segment (".") at segment 2'],
    ['/api/titles/%2e%2e/%2e%2e/admin', 'has a dot segment ("%2e%2e")'],
    ['/api/titles/%2E%2E', 'has a dot segment ("%2E%2E")'],
    ['/api/titles/.%2e/secret', 'has a dot segment (".%2e")'],
    ['/api/titles/%2e', 'has a dot segment ("%2e")'],
    // Encoded separators and other escapes in the path.
    ['/api/titles/..%2f..%2fsecret', 'has an encoded separator (%2f) in segment 3'],
    ['/api/titles/..%2F..%2Fsecret', 'has an encoded separator (%2F)'],
    ['/api/titles/%2e%2e%2fsecret', 'has an encoded separator (%2f)'],
    ['/api/titles/..%5c..%5csecret', 'has an encoded separator (%5c)'],
    ['/api/titles/..%5C..%5Csecret', 'has an encoded separator (%5C)'],
    ['/api/titles/t%31', 'has a percent escape in segment 3'],
    ['/api/titles/t1%3f/../x', 'has a percent escape in segment 3'],
    ['/api/titles/t1%23', 'has a percent escape'],
    ['/api/titles/%252e%252e', 'has a percent escape'],
    ['/api/titles/t1%', 'malformed percent escape at index 14'],
    ['/api/titles/t1%2', 'malformed percent escape'],
    ['/api/titles/t1%zz', 'malformed percent escape'],
    // Empty segments.
    ['/api//evil.example/x', 'has an empty segment (// or a trailing /) after segment 1'],
    ['/api/titles//t1', 'has an empty segment'],
    ['/api/profiles/', 'has an empty segment'],
    ['/api/', 'has an empty segment'],
    // Query and fragment tricks.
    ['/api/profiles#/../../secret', 'contains a fragment (# at index 13)'],
    ['/api/profiles#', 'contains a fragment'],
    ['/api/titles/t1?/../../secret', '/api/titles/:id takes no query parameters'],
    ['/api/profiles?', '/api/profiles takes no query parameters'],
    ['/api/profiles?x=1', '/api/profiles takes no query parameters'],
    ['/api/home?profile=p1&profile=p2', 'its query parameter "profile" appears twice'],
    ['/api/home?profile=p1&admin=1', 'its query parameter "admin" is not one /api/home reads (profile)'],
    ['/api/home?profile=p1&__proto__=x', 'its query parameter "__proto__" is not one /api/home reads'],
    ['/api/home?%70rofile=p1', 'its query parameter "%70rofile" is not one /api/home reads'],
    ['/api/home?profile=p1%00', 'its query parameter "profile" is not a profile id (at most 64 characters'],
    [`/api/home?profile=${'p'.repeat(65)}`, 'its query parameter "profile" is not a profile id'],
    ['/api/home?profile=p1?x=1', 'has more than one ?'],
    ['/api/home?profile=p1&', 'has an empty query parameter'],
    ['/api/home?&profile=p1', 'has an empty query parameter'],
    ['/api/home?profile=p1&&q=1', 'has an empty query parameter'],
    ['/api/home?profile', 'its query parameter "profile" has no = value'],
    ['/api/search?q=a=b', 'its query parameter "q" has more than one ='],
    ['/api/search?q=a+b', 'contains "+" at index 15'],
    ['/api/search?q=%C0%AF', 'its query parameter "q" is not percent-encoded UTF-8'],
    ['/api/search?q=%ED%A0%80', 'its query parameter "q" is not percent-encoded UTF-8'],
    ['/api/search?q=%00', 'its query parameter "q" is not search text'],
    ['/api/search?q=a%0Ab', 'its query parameter "q" is not search text'],
    [
      `/api/search?q=${'a'.repeat(1001)}`,
      'its query parameter "q" is not search text (at most 1000 characters',
    ],
    ['/api/home', 'it lacks the required query parameter "profile"'],
    // Control, space and non-ASCII characters, and characters an encoded path never has.
    ['/api/titles/t1\u0000', 'contains a control character (U+0000) at index 14'],
    ['/api/titles/t1\n/../x', 'contains a control character (U+000A)'],
    ['/api/titles/t1\r', 'contains a control character (U+000D)'],
    ['/api/ti\ttles/t1', 'contains a control character (U+0009)'],
    ['/api/titles/t1\u007f', 'contains a control character (U+007F)'],
    ['/api/titles/t1\u0085', 'contains a control character (U+0085)'],
    ['/api/titles/t 1', 'contains " " at index 13'],
    ['/api/titles/tÉ', 'contains a non-ASCII character (U+00C9) at index 13; percent-encode it'],
    ['/api/titles/\uff0e\uff0e/secret', 'contains a non-ASCII character (U+FF0E)'],
    ['/api/titles/t\ud800', 'contains a non-ASCII character (U+D800)'],
    ['/api/titles/t1@evil.example', 'contains "@"'],
    ['/api/titles/t1:80', 'contains ":"'],
    ['/api/titles/t1;x', 'contains ";"'],
    ['/api/titles/<script>', 'contains "<"'],
    // Not the API, or not a declared endpoint of it.
    ['', 'it is empty'],
    ['api/profiles', 'does not start with /api/'],
    ['/api', 'does not start with /api/'],
    ['/apix/profiles', 'does not start with /api/'],
    ['/API/profiles', 'does not start with /api/'],
    ['//evil.example/api/profiles', 'does not start with /api/'],
    ['\\\\evil.example\\api\\profiles', 'does not start with /api/'],
    ['http://evil.example/api/profiles', 'does not start with /api/'],
    ['https://ficus.test/api/profiles', 'does not start with /api/'],
    [' /api/profiles', 'does not start with /api/'],
    ['/secret', 'does not start with /api/'],
    ['/wasm/manifest.json', 'does not start with /api/'],
    ['/api/secret', 'it is not a declared endpoint; a page may GET /api/profiles, /api/home?profile=…'],
    ['/api/Profiles', 'it is not a declared endpoint'],
    ['/api/titles', 'it is not a declared endpoint'],
    ['/api/titles/t1/extra', 'it is not a declared endpoint'],
    ['/api/titles/:id', 'contains ":"'],
    [
      '/api/settings/subtitles',
      'it is the PUT endpoint /api/settings/:id (updateSetting), not a GET one; a page may GET /api/profiles',
    ],
    ['/api/telemetry', 'it is the POST endpoint /api/telemetry (sendTelemetry), not a GET one'],
    // Invalid parameters.
    ['/api/titles/.hidden', 'its :id of /api/titles/:id is not an id (1-64 of A-Z a-z 0-9 _ -)'],
    ['/api/titles/t1.json', 'its :id of /api/titles/:id is not an id'],
    [`/api/playback/${'t'.repeat(65)}`, 'its :id of /api/playback/:id is not an id'],
    ["/api/titles/t1'", 'its :id of /api/titles/:id is not an id'],
  ];

  it.each(HOSTILE)('%j: %s', (path, why) => {
    const parsed = parseRequestPath(path);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.reason).toContain(why);
    // The reason names the path (JSON-quoted: backslashes and control characters stay visible).
    expect(parsed.reason.startsWith(`request path ${JSON.stringify(path.slice(0, 100))}`)).toBe(true);
  });

  it('refuses an over-long path, quoting only its start', () => {
    const path = `/api/search?q=${'a'.repeat(MAX_REQUEST_PATH_LENGTH)}`;
    const parsed = parseRequestPath(path);
    expect(parsed).toEqual({
      ok: false,
      reason: `request path ${JSON.stringify(path.slice(0, 100))}… (${path.length} characters) refused: it is ${path.length} characters long; at most ${MAX_REQUEST_PATH_LENGTH} are allowed`,
    });
  });

  it.each([
    [42, '42'],
    [null, 'null'],
    [undefined, 'undefined'],
    [{ path: '/api/profiles' }, 'object'],
    [['/api/profiles'], 'an array'],
    [Number.NaN, 'NaN'],
  ])('refuses a path that is not a string: %j', (path, described) => {
    expect(parseRequestPath(path)).toEqual({
      ok: false,
      reason: `request path refused: it is not a string but ${described}`,
    });
  });
});

describe('parseRequestPath with a method: the write endpoints (ABI v2)', () => {
  it.each([
    ['PUT', apiPaths.setting('subtitles'), 'updateSetting', { id: 'subtitles' }],
    ['PUT', apiPaths.setting('auto-play_2'), 'updateSetting', { id: 'auto-play_2' }],
    ['POST', apiPaths.telemetry(), 'sendTelemetry', {}],
  ] as const)('%s %s', (method, path, operation, params) => {
    expect(parseRequestPath(path, method)).toEqual({
      ok: true,
      request: { operation, params, query: {} },
      path,
    });
  });

  it.each([
    [
      'PUT',
      '/api/settings',
      'it is the GET endpoint /api/settings (listSettings), not a PUT one; a page may PUT /api/settings/:id',
    ],
    [
      'POST',
      '/api/settings/subtitles',
      'it is the PUT endpoint /api/settings/:id (updateSetting), not a POST one; a page may POST /api/telemetry',
    ],
    ['PUT', '/api/profiles', 'it is the GET endpoint /api/profiles (listProfiles), not a PUT one'],
    [
      'DELETE',
      '/api/settings/subtitles',
      'not a DELETE one; a page may DELETE nothing (no DELETE endpoint is declared)',
    ],
    ['DELETE', '/api/secret', 'it is not a declared endpoint; a page may DELETE nothing'],
    ['PUT', '/api/settings/..%2fsecret', 'has an encoded separator (%2f)'],
    ['PUT', '/api/settings/sub titles', 'contains " " at index 17'],
    ['PUT', '/api/settings/subtitles?x=1', '/api/settings/:id takes no query parameters'],
    ['POST', '/api/telemetry/', 'has an empty segment'],
  ] as const)('refuses %s %s, naming the method', (method, path, why) => {
    const parsed = parseRequestPath(path, method);
    expect(parsed).toEqual({ ok: false, reason: expect.stringContaining(why) });
    if (!parsed.ok)
      expect(parsed.reason.startsWith(`request path ${JSON.stringify(path)} (${method}) refused: `)).toBe(
        true,
      );
  });
});

describe('parseApiRequest: method, path and body together', () => {
  it('takes a GET without a method (every ABI v1 request) and with one', () => {
    expect(parseApiRequest({ path: apiPaths.settings() })).toEqual({
      ok: true,
      method: 'GET',
      request: { operation: 'listSettings', params: {}, query: {} },
      path: '/api/settings',
      body: undefined,
    });
    expect(parseApiRequest({ method: 'GET', path: apiPaths.title('t1') })).toMatchObject({
      ok: true,
      method: 'GET',
    });
  });

  it('takes a write with the body its operation declares, and keeps it as it is', () => {
    expect(
      parseApiRequest({ method: 'PUT', path: apiPaths.setting('subtitles'), body: { value: true } }),
    ).toEqual({
      ok: true,
      method: 'PUT',
      request: { operation: 'updateSetting', params: { id: 'subtitles' }, query: {} },
      path: '/api/settings/subtitles',
      body: { value: true },
    });
    const batch = {
      events: [{ name: 'playback.start', at: 12, data: { titleId: 't1', durationSeconds: 60 } }],
    };
    expect(parseApiRequest({ method: 'POST', path: apiPaths.telemetry(), body: batch })).toMatchObject({
      ok: true,
      request: { operation: 'sendTelemetry' },
      body: batch,
    });
  });

  it.each([
    [
      { method: 'PUT', path: '/api/settings/subtitles', body: { value: 'yes' } },
      'request path "/api/settings/subtitles" (PUT) refused: its body is not what updateSetting takes: at .value: expected a boolean, got "yes"',
    ],
    [
      { method: 'PUT', path: '/api/settings/subtitles', body: { value: true, admin: true } },
      'request path "/api/settings/subtitles" (PUT) refused: its body is not what updateSetting takes: at .admin: unknown field (expected only value)',
    ],
    [
      { method: 'PUT', path: '/api/settings/subtitles' },
      'request path "/api/settings/subtitles" (PUT) refused: updateSetting needs a body (an object), but it has none',
    ],
    [
      { method: 'POST', path: '/api/telemetry', body: { events: [{ name: '', at: 0 }] } },
      'request path "/api/telemetry" (POST) refused: its body is not what sendTelemetry takes: at .events[0].name: expected at least 1 characters, got 0',
    ],
    [
      { path: '/api/settings', body: { value: true } },
      'request path "/api/settings" refused: a GET sends no body, but it has one (object)',
    ],
    [
      { method: 'PATCH', path: '/api/settings/subtitles', body: { value: true } },
      'request path "/api/settings/subtitles" refused: its method "PATCH" is not one of GET, PUT, POST, DELETE',
    ],
    [
      { method: 'put', path: '/api/settings/subtitles', body: { value: true } },
      'request path "/api/settings/subtitles" refused: its method "put" is not one of GET, PUT, POST, DELETE',
    ],
    [
      { method: 'PUT', path: '/api/settings', body: { value: true } },
      'request path "/api/settings" (PUT) refused: it is the GET endpoint /api/settings (listSettings), not a PUT one; a page may PUT /api/settings/:id',
    ],
  ])('refuses %j, naming path, method and field', (input, reason) => {
    expect(parseApiRequest(input)).toEqual({ ok: false, reason });
  });
});
