import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  API_OPERATIONS,
  apiPaths,
  MAX_REQUEST_PATH_LENGTH,
  parseRequestPath,
} from '../../../../bridge/index.ts';
import { answerDataRequest, type DataEvent } from '../../../../host/wasm-world/data-requests.ts';

// Whatever path a WASM page sends, the host fetches nothing, or one URL that is a declared GET
// endpoint of bridge/api on the API's origin, and answers the page without throwing.

const ORIGIN = 'http://ficus.test';
/** Where the app is served when apiBase is "" (the browser: same origin). */
const DOCUMENT = `${ORIGIN}/app/index.html`;

// An independent reading of the contract: each declared GET route as a pattern over the URL's
// pathname, path parameters being ids, and the query names each one reads.
const READABLE = Object.values(API_OPERATIONS)
  .filter((operation) => operation.method === 'GET')
  .map((operation) => ({
    pathname: new RegExp(`^${operation.route.replace(/:[A-Za-z]+/g, '[A-Za-z0-9_-]{1,64}')}$`),
    query: operation.query as Readonly<Record<string, string>>,
  }));

/** Throws (failing the property) unless `url` is a declared GET endpoint on ORIGIN. */
function checkFetchedUrl(url: string, apiBase: string): void {
  const resolved = new URL(url, DOCUMENT);
  if (resolved.origin !== ORIGIN) throw new Error(`${url} leaves ${ORIGIN}`);
  const sent = url.slice(apiBase.length);
  // What the host built is what gets fetched: the URL parser had nothing to normalise.
  if (`${resolved.pathname}${resolved.search}` !== sent || resolved.hash !== '')
    throw new Error(`${url} is read by the URL parser as ${resolved.href}`);
  const route = READABLE.find(({ pathname }) => pathname.test(resolved.pathname));
  if (route === undefined) throw new Error(`${url} is not a declared GET endpoint`);
  const names = [...resolved.searchParams.keys()];
  if (names.some((name) => !Object.hasOwn(route.query, name)) || new Set(names).size !== names.length)
    throw new Error(`${url} has query parameters its endpoint does not declare, or one twice`);
  const again = parseRequestPath(sent);
  if (!again.ok || again.path !== sent) throw new Error(`${url} does not parse back to itself`);
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

const stats = { runs: 0, fetched: 0, refused: 0 };

describe('data request paths (property)', () => {
  it('never fetch a URL outside the declared endpoints, and never throw (10,000 paths)', async () => {
    await fc.assert(
      fc.asyncProperty(
        hostilePath,
        fc.constantFrom('', ORIGIN),
        fc.nat({ max: 0xffff_ffff }),
        async (path, apiBase, requestId) => {
          stats.runs++;
          const fetched: string[] = [];
          const fetchImpl: typeof fetch = async (input) => {
            fetched.push(String(input));
            return Response.json({ error: { code: 'not-found', message: 'nothing here' } }, { status: 404 });
          };
          let event: DataEvent;
          try {
            event = await answerDataRequest(requestId, path, { apiBase, fetch: fetchImpl });
          } catch (error) {
            throw new Error(`answerDataRequest threw ${String(error)} for ${JSON.stringify(path)}`);
          }
          expect(event.type).toBe('data');
          expect(event.requestId).toBe(requestId);
          expect(fetched.length).toBeLessThanOrEqual(1);
          for (const url of fetched) checkFetchedUrl(url, apiBase);
          if (fetched.length === 1) {
            stats.fetched++;
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
    // The generators reach both outcomes often, so the property cannot pass vacuously.
    expect(stats.runs).toBe(10_000);
    expect(stats.fetched).toBeGreaterThan(500);
    expect(stats.refused).toBeGreaterThan(5_000);
  });

  it('lets every apiPaths spelling through, as the same request (2,000 paths)', async () => {
    await fc.assert(
      fc.asyncProperty(declared, async (path) => {
        const fetched: string[] = [];
        const fetchImpl: typeof fetch = async (input) => {
          fetched.push(String(input));
          return Response.json({ error: { code: 'not-found', message: 'nothing here' } }, { status: 404 });
        };
        await answerDataRequest(1, path, { apiBase: ORIGIN, fetch: fetchImpl });
        // The URL fetch would send for the page's own spelling (the parser escapes ' in a query).
        expect(fetched).toEqual([new URL(path, ORIGIN).href]);
      }),
      { numRuns: 2_000 },
    );
  });
});
