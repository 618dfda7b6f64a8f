import { describeIssue, type Params, ParamsSchema, WORLD_IDS, type WorldId } from '../bridge/index.ts';
import type { PageRef } from './history-stack.ts';

/**
 * QA's per-page world choice from the URL, e.g. `?world.details=wasm`: page id → world. They are
 * not page params (the page never sees them); the host feeds them to its world choice.
 */
export type WorldOverrides = Readonly<Record<string, WorldId>>;

/** A location the router understands: the page to open, plus any QA world overrides. */
export interface ParsedLocation extends PageRef {
  readonly worldOverrides: WorldOverrides;
}

export type LocationErrorCode = 'bad-path' | 'unknown-route' | 'bad-param' | 'bad-override';

/** Why a URL was not understood; `message` names the offending part and what was expected. */
export interface LocationError {
  readonly code: LocationErrorCode;
  readonly message: string;
  /**
   * For `unknown-route`: the route the path named, so the host can hand it to the router, which
   * refuses it (counted, naming the URL as who asked) and opens the root page.
   */
  readonly route?: string;
}

export type LocationResult =
  | { readonly ok: true; readonly value: ParsedLocation }
  | { readonly ok: false; readonly error: LocationError };

const OVERRIDE_PREFIX = 'world.';

/**
 * The URL of a page: `/<route>?a=1&b=2`, every part percent-encoded, params in key order so one
 * page has one URL. Overrides (if given) follow the params, so a QA session keeps them.
 * Throws for a param that could not survive the round trip (an empty name, or one that starts
 * with `world.`, which is reserved for overrides).
 *
 * @example
 * entryUrl({ route: 'details', params: { id: 't 1', from: 'home' } }); // '/details?from=home&id=t%201'
 * entryUrl({ route: 'home', params: {} }, { details: 'legacy' });      // '/home?world.details=legacy'
 */
export function entryUrl(page: PageRef, worldOverrides: WorldOverrides = {}): string {
  const parts: string[] = [];
  for (const name of Object.keys(page.params).sort()) {
    if (name === '' || name.startsWith(OVERRIDE_PREFIX)) {
      throw new RangeError(
        `param name "${name}" cannot be put in a URL (empty, or reserved for ${OVERRIDE_PREFIX}<page> overrides)`,
      );
    }
    parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(page.params[name] ?? '')}`);
  }
  for (const pageId of Object.keys(worldOverrides).sort()) {
    parts.push(`${OVERRIDE_PREFIX}${encodeURIComponent(pageId)}=${worldOverrides[pageId] ?? ''}`);
  }
  const path = `/${encodeURIComponent(page.route)}`;
  return parts.length === 0 ? path : `${path}?${parts.join('&')}`;
}

/**
 * Reads a browser location (deep link or popstate) back into a page. `/` is `rootRoute`; any other
 * path must be `/<one of knownRoutes>`. `?world.<page>=legacy|wasm` pairs become `worldOverrides`
 * and every other pair a param. Never throws: a bad URL gives an error that names the bad part.
 *
 * @example
 * parseLocation('/details', '?id=t1&world.details=wasm', ['home', 'details'], 'home');
 * // { ok: true, value: { route: 'details', params: { id: 't1' }, worldOverrides: { details: 'wasm' } } }
 * parseLocation('/detail', '', ['home', 'details'], 'home');
 * // { ok: false, error: { code: 'unknown-route', message: 'unknown route "detail" ...; known routes: home, details' } }
 */
export function parseLocation(
  pathname: string,
  search: string,
  knownRoutes: readonly string[],
  rootRoute: string,
): LocationResult {
  const route = routeOf(pathname, rootRoute);
  if (!route.ok) return route;
  if (!knownRoutes.includes(route.value)) {
    const message = `unknown route "${route.value}" in path "${pathname}"; known routes: ${knownRoutes.join(', ')}`;
    return { ok: false, error: { code: 'unknown-route', message, route: route.value } };
  }

  const params = new Map<string, string>();
  const overrides = new Map<string, WorldId>();
  const query = search.startsWith('?') ? search.slice(1) : search;
  for (const pair of query.split('&')) {
    if (pair === '') continue; // tolerate `?&a=1` and a trailing `&`
    const equals = pair.indexOf('=');
    const rawName = equals < 0 ? pair : pair.slice(0, equals);
    const rawValue = equals < 0 ? '' : pair.slice(equals + 1);
    const name = decodePart(rawName);
    const value = decodePart(rawValue);
    if (name === undefined || value === undefined) {
      return fail('bad-param', `query part "${pair}" is not valid percent-encoding`);
    }
    if (name.startsWith(OVERRIDE_PREFIX)) {
      const added = addOverride(overrides, name.slice(OVERRIDE_PREFIX.length), value, knownRoutes);
      if (added !== undefined) return { ok: false, error: added };
      continue;
    }
    if (name === '') return fail('bad-param', `query part "${pair}" has no param name`);
    if (params.has(name)) return fail('bad-param', `param "${name}" appears more than once`);
    params.set(name, value);
  }

  // Object.fromEntries defines own properties, so a param named "__proto__" stays a plain param.
  const checked = ParamsSchema.check(Object.fromEntries(params));
  if (!checked.ok) return fail('bad-param', `params ${describeIssue(checked.issue)}`);
  const paramsValue: Params = checked.value;
  return {
    ok: true,
    value: { route: route.value, params: paramsValue, worldOverrides: Object.fromEntries(overrides) },
  };
}

function routeOf(
  pathname: string,
  rootRoute: string,
): { readonly ok: true; readonly value: string } | { readonly ok: false; readonly error: LocationError } {
  if (!pathname.startsWith('/')) return fail('bad-path', `path "${pathname}" does not start with "/"`);
  const trimmed = pathname.length > 1 && pathname.endsWith('/') ? pathname.slice(0, -1) : pathname;
  if (trimmed === '/') return { ok: true, value: rootRoute };
  const segment = trimmed.slice(1);
  if (segment.includes('/')) return fail('bad-path', `path "${pathname}" is not a single "/<route>"`);
  const route = decodePart(segment);
  if (route === undefined) return fail('bad-path', `path "${pathname}" is not valid percent-encoding`);
  return { ok: true, value: route };
}

function addOverride(
  overrides: Map<string, WorldId>,
  pageId: string,
  value: string,
  knownRoutes: readonly string[],
): LocationError | undefined {
  const name = `${OVERRIDE_PREFIX}${pageId}`;
  if (!knownRoutes.includes(pageId)) {
    return {
      code: 'bad-override',
      message: `${name} names unknown page "${pageId}"; known pages: ${knownRoutes.join(', ')}`,
    };
  }
  const world = WORLD_IDS.find((id) => id === value);
  if (world === undefined) {
    return { code: 'bad-override', message: `${name} must be ${WORLD_IDS.join(' or ')}, got "${value}"` };
  }
  if (overrides.has(pageId)) return { code: 'bad-override', message: `${name} appears more than once` };
  overrides.set(pageId, world);
  return undefined;
}

// Query strings written by people or forms use "+" for a space; encodeURIComponent never emits it.
function decodePart(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw.replaceAll('+', ' '));
  } catch {
    return undefined;
  }
}

function fail(
  code: LocationErrorCode,
  message: string,
): { readonly ok: false; readonly error: LocationError } {
  return { ok: false, error: { code, message } };
}
