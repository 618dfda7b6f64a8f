import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  API_METHODS,
  API_OPERATIONS,
  type ApiMethod,
  apiPaths,
  MAX_REQUEST_PATH_LENGTH,
  parseRequestPath,
  type Schema,
} from '../../../../bridge/index.ts';
import { answerDataRequest, type DataEvent } from '../../../../host/wasm-world/data-requests.ts';

// Whatever method, path and body a WASM page sends, the host fetches nothing, or one URL that is
// a declared endpoint of bridge/api for that very method on the API's origin, with a body only
// when the endpoint takes one and exactly one it takes, and answers the page without throwing.

const ORIGIN = 'http://ficus.test';
/** Where the app is served when apiBase is "" (the browser: same origin). */
const DOCUMENT = `${ORIGIN}/app/index.html`;

// An independent reading of the contract: each declared route as a pattern over the URL's
// pathname, path parameters being ids, with its method, the query names it reads and its body.
const DECLARED_ROUTES = Object.values(API_OPERATIONS).map((operation) => ({
  method: operation.method as ApiMethod,
  pathname: new RegExp(`^${operation.route.replace(/:[A-Za-z]+/g, '[A-Za-z0-9_-]{1,64}')}$`),
  query: operation.query as Readonly<Record<string, string>>,
  request: operation.request as Schema<unknown> | null,
}));

interface Fetched {
  readonly url: string;
  readonly init: RequestInit | undefined;
}

/**
 * Throws (failing the property) unless `url` is a declared endpoint of `method` on ORIGIN, sent
 * with that method and the page's `body` only if the endpoint takes one (and it passes its schema).
 */
function checkFetched({ url, init }: Fetched, apiBase: string, method: ApiMethod, body: unknown): void {
  const resolved = new URL(url, DOCUMENT);
  if (resolved.origin !== ORIGIN) throw new Error(`${url} leaves ${ORIGIN}`);
  const sent = url.slice(apiBase.length);
  // What the host built is what gets fetched: the URL parser had nothing to normalise.
  if (`${resolved.pathname}${resolved.search}` !== sent || resolved.hash !== '')
    throw new Error(`${url} is read by the URL parser as ${resolved.href}`);
  const sentMethod = init?.method ?? 'GET';
  if (sentMethod !== method)
    throw new Error(`${url} was sent with ${sentMethod}, the page asked for ${method}`);
  const route = DECLARED_ROUTES.find(
    (candidate) => candidate.method === method && candidate.pathname.test(resolved.pathname),
  );
  if (route === undefined) throw new Error(`${url} is not a declared ${method} endpoint`);
  const names = [...resolved.searchParams.keys()];
  if (names.some((name) => !Object.hasOwn(route.query, name)) || new Set(names).size !== names.length)
    throw new Error(`${url} has query parameters its endpoint does not declare, or one twice`);
  const again = parseRequestPath(sent, method);
  if (!again.ok || again.path !== sent) throw new Error(`${url} does not parse back to itself`);
  if (route.request === null) {
    if (init?.body !== undefined) throw new Error(`${method} ${url} takes no body but got one`);
    return;
  }
  if (typeof init?.body !== 'string') throw new Error(`${method} ${url} was sent without a JSON body`);
  const json: unknown = JSON.parse(init.body);
  if (!route.request.check(json).ok) throw new Error(`${method} ${url} was sent a body it does not take`);
  expect(json).toEqual(body);
}

// Pieces of paths, friendly and hostile, that the generator strings together.
const PIECES = [
  '/api/',
  '/api',
  '/',
  '//',
  'profiles',
  'home',
  'titles',
  'search',
  'settings',
  'playback',
  'telemetry',
  'secret',
  'wasm',
  'manifest.json',
  't0001',
  'p1',
  'subtitles',
  '?',
  '&',
  '=',
  'profile=',
  'q=',
  '?profile=p1',
  '?q=',
  '.',
  '..',
  '../',
  '..\\',
  '\\',
  '%2e',
  '%2E',
  '%2e%2e',
  '%2f',
  '%2F',
  '%5c',
  '%5C',
  '%25',
  '%252e',
  '%3f',
  '%23',
  '%00',
  '%0a',
  '%C0%AF',
  '%ED%A0%80',
  '%E2%82%AC',
  '%',
  '%2',
  '#',
  '\u0000',
  '\t',
  '\n',
  '\r',
  ' ',
  '+',
  '@',
  ':',
  ';',
  'http:',
  'evil.example',
  '\uff0e',
  '\ud800',
  'é',
  '__proto__',
  'constructor',
] as const;

const pieced = fc.array(fc.constantFrom(...PIECES), { maxLength: 14 }).map((parts) => parts.join(''));
const apiPieced = pieced.map((rest) => `/api/${rest}`);
const anyText = fc.string({ unit: 'binary', maxLength: 80 });
const apiText = anyText.map((rest) => `/api/${rest}`);
const id = fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/);
/** What a viewer may search for: any text without control characters. */
const searchText = fc.string({ unit: 'grapheme', maxLength: 60 }).filter((text) => !/\p{Cc}/u.test(text));
/** Paths a page may send: the apiPaths spellings with random ids and search text. */
const declared = fc.oneof(
  fc.constant(apiPaths.profiles()),
  fc.constant(apiPaths.settings()),
  id.map(apiPaths.home),
  id.map(apiPaths.title),
  id.map(apiPaths.playback),
  searchText.map(apiPaths.search),
);
/** A declared path with a hostile piece spliced in somewhere. */
const spliced = fc.tuple(declared, fc.constantFrom(...PIECES), fc.nat()).map(([path, piece, at]) => {
  const i = at % (path.length + 1);
  return `${path.slice(0, i)}${piece}${path.slice(i)}`;
});
/** Search paths around the length limit (the text itself is too long for a search too). */
const overLong = fc
  .integer({ min: MAX_REQUEST_PATH_LENGTH - 20, max: MAX_REQUEST_PATH_LENGTH + 20 })
  .map((length) => `/api/search?q=${'%20'.repeat(Math.ceil((length - 14) / 3))}`);
const notAString = fc.anything().filter((value) => typeof value !== 'string');

/** Valid writes: each declared write endpoint with its method and a body it takes. */
const telemetryEvent = fc.record(
  {
    name: fc.string({ minLength: 1, maxLength: 20 }),
    at: fc.nat(),
    data: fc.dictionary(
      fc.string({ maxLength: 8 }),
      fc.oneof(fc.string({ maxLength: 8 }), fc.boolean(), fc.integer()),
      {
        maxKeys: 3,
      },
    ),
  },
  { requiredKeys: ['name', 'at'] },
);
const declaredWrite = fc.oneof(
  fc.tuple(id, fc.boolean()).map(([settingId, value]) => ({
    method: 'PUT' as const,
    path: apiPaths.setting(settingId),
    body: { value } as unknown,
  })),
  fc.array(telemetryEvent, { maxLength: 3 }).map((events) => ({
    method: 'POST' as const,
    path: apiPaths.telemetry(),
    body: { events } as unknown,
  })),
);
/** Bodies a write endpoint does not take, or that a GET must not carry. */
const hostileBody = fc.oneof(
  fc.constant({ value: 'yes' }),
  fc.constant({ value: true, admin: true }),
  fc.constant({ events: [{ name: '', at: 0 }] }),
  fc.constant({ events: 'all' }),
  fc.constant([{ value: true }]),
  fc.constant(null),
  fc.anything({ maxDepth: 2 }),
);
/** Methods, declared and not (a page's message is checked again where it enters the host). */
const anyMethod = fc.oneof(
  fc.constantFrom<unknown>(...API_METHODS, undefined),
  fc.constantFrom<unknown>('get', 'PATCH', 'OPTIONS', 'HEAD', 'TRACE', 'CONNECT', '', ' PUT', 0, null),
);

const hostilePath = fc.oneof(
  { arbitrary: pieced, weight: 3 },
  { arbitrary: apiPieced, weight: 4 },
  { arbitrary: anyText, weight: 1 },
  { arbitrary: apiText, weight: 2 },
  { arbitrary: spliced, weight: 4 },
  { arbitrary: declared, weight: 2 },
  { arbitrary: overLong, weight: 1 },
  { arbitrary: notAString, weight: 1 },
);

/** One request as a page sends it: a method (absent: GET, as ABI v1), a path and maybe a body. */
interface PageRequest {
  readonly method: unknown;
  readonly path: unknown;
  readonly body: unknown;
}
const requests: fc.Arbitrary<PageRequest> = fc.oneof(
  // ABI v1: a path alone.
  { arbitrary: hostilePath.map((path) => ({ method: undefined, path, body: undefined })), weight: 6 },
  // Any method with any path and maybe a body.
  {
    arbitrary: fc.record({
      method: anyMethod,
      path: hostilePath,
      body: fc.option(hostileBody, { nil: undefined }),
    }),
    weight: 3,
  },
  // A declared write, as it should be, or with its method, path or body changed.
  { arbitrary: declaredWrite, weight: 2 },
  {
    arbitrary: fc.tuple(declaredWrite, anyMethod).map(([write, method]) => ({ ...write, method })),
    weight: 1,
  },
  {
    arbitrary: fc.tuple(declaredWrite, fc.constantFrom(...PIECES), fc.nat()).map(([write, piece, at]) => {
      const i = at % (write.path.length + 1);
      return { ...write, path: `${write.path.slice(0, i)}${piece}${write.path.slice(i)}` };
    }),
    weight: 1,
  },
  {
    arbitrary: fc.tuple(declaredWrite, hostileBody).map(([write, body]) => ({ ...write, body })),
    weight: 1,
  },
);

const stats = { runs: 0, fetched: 0, writes: 0, refused: 0 };

/** A fetch that records what it was asked and answers 404, as a backend without the resource would. */
function recordingFetch() {
  const fetched: Fetched[] = [];
  const fetchImpl: typeof fetch = async (input, init) => {
    fetched.push({ url: String(input), init });
    return Response.json({ error: { code: 'not-found', message: 'nothing here' } }, { status: 404 });
  };
  return { fetched, fetchImpl };
}

describe('data requests (property)', () => {
  it('never fetch a URL outside the declared endpoints of their method, nor a body they do not take, and never throw (10,000 requests)', async () => {
    await fc.assert(
      fc.asyncProperty(
        requests,
        fc.constantFrom('', ORIGIN),
        fc.nat({ max: 0xffff_ffff }),
        async ({ method, path, body }, apiBase, requestId) => {
          stats.runs++;
          const { fetched, fetchImpl } = recordingFetch();
          let event: DataEvent;
          try {
            event = await answerDataRequest({ requestId, method, path, body }, { apiBase, fetch: fetchImpl });
          } catch (error) {
            throw new Error(
              `answerDataRequest threw ${String(error)} for ${String(method)} ${JSON.stringify(path)}`,
            );
          }
          expect(event.type).toBe('data');
          expect(event.requestId).toBe(requestId);
          expect(fetched.length).toBeLessThanOrEqual(1);
          const asked = (method ?? 'GET') as ApiMethod;
          for (const request of fetched) checkFetched(request, apiBase, asked, body);
          if (fetched.length === 1) {
            stats.fetched++;
            if (asked !== 'GET') stats.writes++;
            expect(event).toMatchObject({ ok: false, status: 404 });
          } else {
            stats.refused++;
            expect(event).toMatchObject({ ok: false, status: 0 });
            if (!event.ok) expect(event.error).toMatch(/^request path (.* )?refused: /s);
          }
        },
      ),
      { numRuns: 10_000 },
    );
    // The generators reach every outcome often, so the property cannot pass vacuously.
    expect(stats.runs).toBe(10_000);
    expect(stats.fetched).toBeGreaterThan(500);
    expect(stats.writes).toBeGreaterThan(500);
    expect(stats.refused).toBeGreaterThan(5_000);
  });

  it('lets every apiPaths spelling through, as the same request (2,000 paths)', async () => {
    await fc.assert(
      fc.asyncProperty(declared, async (path) => {
        const { fetched, fetchImpl } = recordingFetch();
        await answerDataRequest({ requestId: 1, path }, { apiBase: ORIGIN, fetch: fetchImpl });
        // The URL fetch would send for the page's own spelling (the parser escapes ' in a query).
        expect(fetched.map(({ url }) => url)).toEqual([new URL(path, ORIGIN).href]);
      }),
      { numRuns: 2_000 },
    );
  });

  it('sends every declared write with its method and exactly its body (1,000 writes)', async () => {
    await fc.assert(
      fc.asyncProperty(declaredWrite, async ({ method, path, body }) => {
        const { fetched, fetchImpl } = recordingFetch();
        await answerDataRequest({ requestId: 1, method, path, body }, { apiBase: ORIGIN, fetch: fetchImpl });
        expect(fetched.map(({ url, init }) => [url, init?.method, JSON.parse(String(init?.body))])).toEqual([
          [new URL(path, ORIGIN).href, method, body],
        ]);
      }),
      { numRuns: 1_000 },
    );
  });
});
