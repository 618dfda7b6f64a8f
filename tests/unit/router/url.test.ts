import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entryUrl, type LocationResult, parseLocation } from '../../../router/index.ts';

const ROUTES = ['home', 'details', 'search', 'title-details'] as const;
const parse = (pathname: string, search = ''): LocationResult =>
  parseLocation(pathname, search, ROUTES, 'home');

/** Splits a URL the way `window.location` would. */
function locationOf(url: string): [pathname: string, search: string] {
  const q = url.indexOf('?');
  return q < 0 ? [url, ''] : [url.slice(0, q), url.slice(q)];
}

describe('entryUrl', () => {
  it('is /<route> with the params as a query, in key order, percent-encoded', () => {
    expect(entryUrl({ route: 'home', params: {} })).toBe('/home');
    expect(entryUrl({ route: 'details', params: { id: 't1', from: 'home' } })).toBe(
      '/details?from=home&id=t1',
    );
    expect(entryUrl({ route: 'search', params: { q: 'a b&c=d+e/é' } })).toBe(
      '/search?q=a%20b%26c%3Dd%2Be%2F%C3%A9',
    );
  });

  it('appends QA world overrides after the params', () => {
    expect(entryUrl({ route: 'details', params: { id: 't1' } }, { search: 'wasm', details: 'legacy' })).toBe(
      '/details?id=t1&world.details=legacy&world.search=wasm',
    );
  });

  it('refuses a param that could not come back from the URL', () => {
    expect(() => entryUrl({ route: 'home', params: { 'world.home': 'x' } })).toThrow(/reserved/);
    expect(() => entryUrl({ route: 'home', params: { '': 'x' } })).toThrow(RangeError);
  });
});

describe('parseLocation', () => {
  it('reads the route and params', () => {
    expect(parse('/details', '?id=t1&from=home')).toEqual({
      ok: true,
      value: { route: 'details', params: { id: 't1', from: 'home' }, worldOverrides: {} },
    });
  });

  it('maps / (and an empty query) to the root route the caller gave', () => {
    expect(parse('/')).toEqual({ ok: true, value: { route: 'home', params: {}, worldOverrides: {} } });
    expect(parseLocation('/', '', ['profiles'], 'profiles')).toMatchObject({
      ok: true,
      value: { route: 'profiles' },
    });
  });

  it('tolerates a trailing slash, a bare "?", empty pairs, "+" for a space and a name without "="', () => {
    expect(parse('/search/', '?&q=star+wars&&flag')).toEqual({
      ok: true,
      value: { route: 'search', params: { q: 'star wars', flag: '' }, worldOverrides: {} },
    });
    expect(parse('/home', '?')).toMatchObject({ ok: true, value: { params: {} } });
  });

  it('takes ?world.<page>=legacy|wasm out as overrides, never as params', () => {
    expect(parse('/details', '?id=t1&world.details=wasm&world.search=legacy')).toEqual({
      ok: true,
      value: {
        route: 'details',
        params: { id: 't1' },
        worldOverrides: { details: 'wasm', search: 'legacy' },
      },
    });
  });

  it('names an unknown route and lists the known ones', () => {
    const result = parse('/detail', '?id=t1');
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'unknown-route',
        message:
          'unknown route "detail" in path "/detail"; known routes: home, details, search, title-details',
        route: 'detail', // for the router to refuse, naming the URL, before it opens the root
      },
    });
    // The root route must be known too.
    expect(parseLocation('/', '', ['details'], 'home')).toMatchObject({
      ok: false,
      error: { code: 'unknown-route' },
    });
  });

  it('rejects a path that is not /<route>', () => {
    expect(parse('/details/t1')).toMatchObject({ ok: false, error: { code: 'bad-path' } });
    expect(parse('details')).toMatchObject({ ok: false, error: { code: 'bad-path' } });
    expect(parse('/%E0%A4%A')).toMatchObject({ ok: false, error: { code: 'bad-path' } });
  });

  it('rejects bad params with a message naming them', () => {
    expect(parse('/details', '?id=%E0%A4%A')).toEqual({
      ok: false,
      error: { code: 'bad-param', message: 'query part "id=%E0%A4%A" is not valid percent-encoding' },
    });
    expect(parse('/details', '?id=1&id=2')).toEqual({
      ok: false,
      error: { code: 'bad-param', message: 'param "id" appears more than once' },
    });
    expect(parse('/details', '?=1')).toMatchObject({ ok: false, error: { code: 'bad-param' } });
    const long = parse('/details', `?id=${'x'.repeat(2049)}`);
    expect(long).toMatchObject({ ok: false, error: { code: 'bad-param' } });
    expect(long.ok ? '' : long.error.message).toMatch(/^params at \.id: /);
  });

  it('rejects bad overrides: unknown page, unknown world, twice', () => {
    expect(parse('/home', '?world.detail=wasm')).toEqual({
      ok: false,
      error: {
        code: 'bad-override',
        message:
          'world.detail names unknown page "detail"; known pages: home, details, search, title-details',
      },
    });
    expect(parse('/home', '?world.details=flash')).toEqual({
      ok: false,
      error: { code: 'bad-override', message: 'world.details must be legacy or wasm, got "flash"' },
    });
    expect(parse('/home', '?world.details=wasm&world.details=legacy')).toMatchObject({
      ok: false,
      error: { code: 'bad-override' },
    });
  });

  it('keeps a param called __proto__ as a plain param', () => {
    const result = parse('/details', '?__proto__=x');
    expect(result.ok && Object.hasOwn(result.value.params, '__proto__')).toBe(true);
    expect(result.ok && Object.getPrototypeOf(result.value.params)).toBe(Object.prototype);
  });
});

describe('round trip', () => {
  const paramName = fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: 12 })
    .filter((name) => !name.startsWith('world.'));
  const params = fc.dictionary(paramName, fc.string({ unit: 'grapheme', maxLength: 30 }), { maxKeys: 6 });
  const overrides = fc.dictionary(
    fc.constantFrom(...ROUTES),
    fc.constantFrom('legacy' as const, 'wasm' as const),
  );

  it('parseLocation(entryUrl(page, overrides)) gives back the page and overrides (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ROUTES), params, overrides, (route, p, o) => {
        const [pathname, search] = locationOf(entryUrl({ route, params: p }, o));
        expect(parse(pathname, search)).toEqual({ ok: true, value: { route, params: p, worldOverrides: o } });
      }),
    );
  });
});
