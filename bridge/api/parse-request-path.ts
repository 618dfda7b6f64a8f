import { describeValue, type Schema, string } from '../schema.ts';
import { API_METHODS, API_OPERATIONS, type ApiMethod, type ApiOperationName } from './endpoints.ts';
import { ApiIdSchema } from './ids.ts';
import { API_PREFIX } from './paths.ts';

/** Every query parameter an operation declares ("profile", "q"). */
type QueryName = { [K in ApiOperationName]: keyof (typeof API_OPERATIONS)[K]['query'] }[ApiOperationName];

/** The longest request path accepted; the same bound as the ABI's `data.request` path. */
export const MAX_REQUEST_PATH_LENGTH = 2048;

/** Text with no control characters, of at most `maxLength` characters, named for refusals. */
const text = (maxLength: number, what: string): Schema<string> =>
  string({
    maxLength,
    pattern: /^\P{Cc}*$/u,
    patternName: `${what} (at most ${maxLength} characters, no control characters)`,
  });

/**
 * What each query parameter's decoded value must be. Typed by the declared names, so adding a
 * query parameter to API_OPERATIONS does not compile until it says what its values are.
 *
 * A query value cannot change which endpoint is fetched (it is decoded, checked and encoded
 * again), so it is held to what is safe, not to what the backend will find: `profile` is not
 * held to ApiIdSchema, and a page asking for a missing or unknown profile sends what the React
 * page sends and gets the backend's 400 or 404, as the React page does.
 */
const QUERY_VALUES: Readonly<Record<QueryName, Schema<string>>> = {
  profile: text(64, 'a profile id'),
  // SearchResponse echoes at most 1000 characters of the text searched.
  q: text(1000, 'search text'),
  name: text(40, 'a release channel name'),
};

/** A request a page may make, checked: a declared endpoint for its method, with valid parameters. */
export interface ApiRequest {
  readonly operation: ApiOperationName;
  /** Path parameters by name (`id` of `/api/titles/:id`), each an id of {@link ApiIdSchema}. */
  readonly params: Readonly<Record<string, string>>;
  /** Query parameters by name, percent-decoded, each valid for its parameter. */
  readonly query: Readonly<Record<string, string>>;
}

export type RequestPathParse =
  | {
      readonly ok: true;
      readonly request: ApiRequest;
      /**
       * The path to fetch (under the API's origin), built from `request` alone: the route with each
       * parameter passed through encodeURIComponent (and `'` as %27), never the page's string.
       */
      readonly path: string;
    }
  /** `reason` quotes (at most 100 characters of) the path and says what is wrong with it. */
  | { readonly ok: false; readonly reason: string };

type Segment = { readonly literal: string } | { readonly param: string };

interface Route {
  readonly name: ApiOperationName;
  readonly method: ApiMethod;
  readonly route: string;
  readonly segments: readonly Segment[];
  readonly query: Readonly<Record<string, 'required' | 'optional'>>;
}

const ROUTES: readonly Route[] = Object.entries(API_OPERATIONS).map(([name, operation]) => ({
  name: name as ApiOperationName,
  method: operation.method,
  route: operation.route,
  segments: operation.route
    .slice(1)
    .split('/')
    .map((part) => (part.startsWith(':') ? { param: part.slice(1) } : { literal: part })),
  query: operation.query,
}));

/** How the endpoints a page may send `method` to are spelled in a refusal. */
function endpointsFor(method: ApiMethod): string {
  const spelled = ROUTES.filter((route) => route.method === method).map(({ route, query }) => {
    const names = Object.keys(query);
    return names.length === 0 ? route : `${route}?${names.map((name) => `${name}=…`).join('&')}`;
  });
  return spelled.length === 0 ? `nothing (no ${method} endpoint is declared)` : spelled.join(', ');
}

const ENDPOINTS_OF: ReadonlyMap<ApiMethod, string> = new Map(
  API_METHODS.map((method) => [method, endpointsFor(method)]),
);

// What encodeURIComponent leaves as it is, a percent sign, and the separators / ? & =.
const PATH_CHARACTER = /[A-Za-z0-9\-_.!~*'()%/?&=]/;
const PERCENT_ESCAPE = /^%[0-9A-Fa-f]{2}/;
const MAX_QUOTED = 100;

/**
 * Parses the path a WASM page asks the host to fetch with `method` (GET when absent: every ABI v1
 * request) against the endpoints declared in {@link API_OPERATIONS}. It is accepted only if it is
 * exactly a declared endpoint of that method (`GET /api/titles/:id`, `GET /api/home?profile=…`,
 * `PUT /api/settings/:id`, ...) with valid parameters: path parameters are ids (ApiIdSchema, never
 * escaped); query parameters are declared ones, each at most once, with percent-encoded UTF-8
 * values of bounded length and no control characters. Backslashes, dot segments (also as `%2e`),
 * encoded separators, empty segments (`//`), fragments, control or non-ASCII characters,
 * undeclared parameters, an endpoint of another method and paths longer than
 * {@link MAX_REQUEST_PATH_LENGTH} are refused with a reason. Never throws, whatever `path` is.
 * The body of a write is checked by {@link parseApiRequest}, which calls this first.
 *
 * On success, `path` is rebuilt from the parsed request (parameters through encodeURIComponent),
 * so what the host fetches is a declared endpoint whatever the page sent.
 *
 * @example
 * parseRequestPath('/api/home?profile=p1');
 * // { ok: true, request: { operation: 'getHome', params: {}, query: { profile: 'p1' } }, path: '/api/home?profile=p1' }
 * parseRequestPath('/api/settings/subtitles', 'PUT');
 * // { ok: true, request: { operation: 'updateSetting', params: { id: 'subtitles' }, query: {} }, path: '/api/settings/subtitles' }
 * parseRequestPath('/api/titles/..\\..\\secret');
 * // { ok: false, reason: 'request path "/api/titles/..\\\\..\\\\secret" refused: it contains a backslash at index 14, which URL parsers read as /' }
 */
export function parseRequestPath(path: unknown, method: ApiMethod = 'GET'): RequestPathParse {
  if (typeof path !== 'string')
    return { ok: false, reason: `${refusedPath(null, method)}it is not a string but ${describeValue(path)}` };
  const why = whyRefused(path, method);
  if (typeof why === 'string') return { ok: false, reason: `${refusedPath(path, method)}${why}` };
  return { ok: true, request: why, path: buildPath(why) };
}

/**
 * How every refusal of a page's request begins: `request path "<path>" refused: ` for a GET (as
 * ABI v1 words it), `request path "<path>" (PUT) refused: ` for another method; `path` is quoted
 * as JSON, cut to its first 100 characters. Null for a path that is not a string.
 *
 * @example
 * refusedPath('/api/telemetry', 'POST'); // 'request path "/api/telemetry" (POST) refused: '
 */
export function refusedPath(path: string | null, method: ApiMethod): string {
  const named = path === null ? 'request path' : `request path ${quote(path)}`;
  return method === 'GET' ? `${named} refused: ` : `${named} (${method}) refused: `;
}

/** The request `path` names for `method`, or why it names none. */
function whyRefused(path: string, method: ApiMethod): ApiRequest | string {
  if (path.length === 0) return 'it is empty';
  if (path.length > MAX_REQUEST_PATH_LENGTH)
    return `it is ${path.length} characters long; at most ${MAX_REQUEST_PATH_LENGTH} are allowed`;
  if (!path.startsWith(`${API_PREFIX}/`)) return `it does not start with ${API_PREFIX}/`;
  const character = whyCharacterRefused(path);
  if (character !== null) return character;

  const queryAt = path.indexOf('?');
  const pathname = queryAt === -1 ? path : path.slice(0, queryAt);
  const search = queryAt === -1 ? null : path.slice(queryAt + 1);
  const parts = pathname.slice(1).split('/');
  for (const [index, part] of parts.entries()) {
    const why = whySegmentRefused(part, index);
    if (why !== null) return why;
  }

  const sameShape = ROUTES.filter(
    ({ segments }) =>
      segments.length === parts.length &&
      segments.every((segment, i) => !('literal' in segment) || segment.literal === parts[i]),
  );
  const route = sameShape.find((candidate) => candidate.method === method);
  if (route === undefined) {
    const other = sameShape[0];
    const allowed = `a page may ${method} ${ENDPOINTS_OF.get(method) ?? ''}`;
    return other === undefined
      ? `it is not a declared endpoint; ${allowed}`
      : `it is the ${other.method} endpoint ${other.route} (${other.name}), not a ${method} one; ${allowed}`;
  }

  const params: Record<string, string> = {};
  for (const [i, segment] of route.segments.entries()) {
    if (!('param' in segment)) continue;
    const value = parts[i] ?? '';
    const checked = ApiIdSchema.check(value);
    if (!checked.ok) return `its :${segment.param} of ${route.route} is not ${ApiIdSchema.expected}`;
    params[segment.param] = value;
  }
  const query = parseQuery(search, route);
  return typeof query === 'string' ? query : { operation: route.name, params, query };
}

function whyCharacterRefused(path: string): string | null {
  for (let i = 0; i < path.length; i++) {
    const c = path[i] ?? '';
    const code = path.charCodeAt(i);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f))
      return `it contains a control character (${unicode(code)}) at index ${i}`;
    if (c === '\\') return `it contains a backslash at index ${i}, which URL parsers read as /`;
    if (c === '#') return `it contains a fragment (# at index ${i})`;
    if (c === '%' && !PERCENT_ESCAPE.test(path.slice(i, i + 3)))
      return `it contains a malformed percent escape at index ${i}`;
    if (code > 0x7e)
      return `it contains a non-ASCII character (${unicode(code)}) at index ${i}; percent-encode it`;
    if (!PATH_CHARACTER.test(c))
      return `it contains ${JSON.stringify(c)} at index ${i}; an API path has only A-Z a-z 0-9 - _ . ! ~ * ' ( ), percent escapes and the separators / ? & =`;
  }
  return null;
}

function whySegmentRefused(part: string, index: number): string | null {
  if (part === '') return `it has an empty segment (// or a trailing /) after segment ${index}`;
  const dots = part.replace(/%2e/gi, '.');
  if (dots === '.' || dots === '..')
    return `it has a dot segment (${JSON.stringify(part)}) at segment ${index + 1}`;
  const separator = /%(2f|5c)/i.exec(part);
  if (separator !== null)
    return `it has an encoded separator (${separator[0]}) in segment ${index + 1} (${JSON.stringify(part)})`;
  if (part.includes('%'))
    return `it has a percent escape in segment ${index + 1} (${JSON.stringify(part)}); API names and ids never need one`;
  return null;
}

/** The query parameters of `search` (the text after `?`, or null) for `route`, or why they are refused. */
function parseQuery(search: string | null, route: Route): Record<string, string> | string {
  const declared = Object.keys(route.query);
  const query: Record<string, string> = {};
  if (search !== null) {
    if (declared.length === 0) return `${route.route} takes no query parameters`;
    if (search.includes('?')) return 'it has more than one ?';
    for (const pair of search.split('&')) {
      if (pair === '') return 'it has an empty query parameter (? or & with nothing after it, or &&)';
      const [name = '', value, ...extra] = pair.split('=');
      if (value === undefined) return `its query parameter ${JSON.stringify(name)} has no = value`;
      if (extra.length > 0) return `its query parameter ${JSON.stringify(name)} has more than one =`;
      if (!Object.hasOwn(route.query, name))
        return `its query parameter ${JSON.stringify(name)} is not one ${route.route} reads (${declared.join(', ')})`;
      if (Object.hasOwn(query, name)) return `its query parameter ${JSON.stringify(name)} appears twice`;
      let decoded: string;
      try {
        decoded = decodeURIComponent(value);
      } catch {
        return `its query parameter ${JSON.stringify(name)} is not percent-encoded UTF-8`;
      }
      const schema = QUERY_VALUES[name as QueryName];
      const checked = schema.check(decoded);
      if (!checked.ok) return `its query parameter ${JSON.stringify(name)} is not ${schema.expected}`;
      query[name] = decoded;
    }
  }
  const missing = declared.find((name) => route.query[name] === 'required' && !Object.hasOwn(query, name));
  return missing === undefined ? query : `it lacks the required query parameter ${JSON.stringify(missing)}`;
}

/** The path of `request`: its route, each parameter encoded; query parameters in declared order. */
function buildPath(request: ApiRequest): string {
  const operation = API_OPERATIONS[request.operation];
  const pathname = operation.route.replace(/:([A-Za-z]+)/g, (_, name: string) =>
    encodeURIComponent(request.params[name] ?? ''),
  );
  const pairs = Object.keys(operation.query).flatMap((name) => {
    const value = request.query[name];
    return value === undefined ? [] : [`${name}=${encodeQueryValue(value)}`];
  });
  return pairs.length === 0 ? pathname : `${pathname}?${pairs.join('&')}`;
}

/**
 * encodeURIComponent, and `'` too: the URL parser escapes `'` in the query of an http(s) URL
 * itself, and the host fetches exactly the URL it built, with nothing left to rewrite.
 */
const encodeQueryValue = (value: string): string => encodeURIComponent(value).replaceAll("'", '%27');

const unicode = (code: number): string => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

/** The path as JSON (control characters escaped), cut to MAX_QUOTED characters. */
const quote = (path: string): string =>
  path.length > MAX_QUOTED
    ? `${JSON.stringify(path.slice(0, MAX_QUOTED))}… (${path.length} characters)`
    : JSON.stringify(path);
