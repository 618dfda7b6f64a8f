import { describe, expect, it } from 'vitest';
import { chooseWorld, loadPlan, parseWorldOverrides, REFERENCE_PLAN } from '../../../migration-plan/index.ts';
import { pageData, referencePlanData } from './plan-fixtures.ts';

const PAGES = 'pages: profiles, collections, details, playback, search, settings';
const parse = (query: string) => parseWorldOverrides(new URLSearchParams(query), REFERENCE_PLAN);

describe('parseWorldOverrides', () => {
  it('finds nothing in an empty query', () => {
    expect(parse('')).toEqual({ overrides: {}, warnings: [] });
  });

  it('reads one override per page', () => {
    expect(parse('world.collections=legacy&world.profiles=wasm')).toEqual({
      overrides: { collections: 'legacy', profiles: 'wasm' },
      warnings: [],
    });
  });

  it('skips parameters that are not overrides, silently', () => {
    expect(parse('fail=home:500&example=example-view&worldly=1&world.search=legacy')).toEqual({
      overrides: { search: 'legacy' },
      warnings: [],
    });
  });

  it('leaves out an unknown page and says which pages exist', () => {
    expect(parse('world.profile=wasm')).toEqual({
      overrides: {},
      warnings: [`world.profile=wasm: unknown page "profile" (${PAGES})`],
    });
  });

  it.each([
    ['world.Profiles=wasm', 'Profiles'],
    ['world.=wasm', ''],
    ['world.constructor=legacy', 'constructor'],
    ['world.__proto__=legacy', '__proto__'],
  ])('treats %s as an unknown page', (query, page) => {
    const result = parse(query);
    expect(result.overrides).toEqual({});
    expect(Object.getPrototypeOf(result.overrides)).toBe(Object.prototype);
    expect(result.warnings).toEqual([`${query}: unknown page ${JSON.stringify(page)} (${PAGES})`]);
  });

  it('leaves out a value other than legacy or wasm', () => {
    expect(parse('world.collections=react&world.profiles=WASM&world.search=')).toEqual({
      overrides: {},
      warnings: [
        'world.collections=react: expected "legacy" or "wasm"',
        'world.profiles=WASM: expected "legacy" or "wasm"',
        'world.search=: expected "legacy" or "wasm"',
      ],
    });
  });

  it('asks for a page name when `world=` names none', () => {
    expect(parse('world=wasm')).toEqual({
      overrides: {},
      warnings: ['world=wasm: name the page, e.g. world.profiles=wasm'],
    });
  });

  it('keeps the last of a repeated page, with a warning', () => {
    expect(parse('world.collections=wasm&world.collections=legacy')).toEqual({
      overrides: { collections: 'legacy' },
      warnings: ['world.collections=legacy: world.collections is given more than once; the last one wins'],
    });
  });

  it('keeps an override to a missing implementation, warns, and the policy reports it ignored', () => {
    // A plan whose details page is React only (the reference plan's pages are being ported).
    const data = referencePlanData();
    const details = pageData(data, 'details');
    details.implementations.wasm = false;
    details.defaultWorld = 'legacy';
    delete details.rollout;
    const plan = loadPlan(data);
    const result = parseWorldOverrides(new URLSearchParams('world.details=wasm'), plan);
    expect(result).toEqual({
      overrides: { details: 'wasm' },
      warnings: [
        'world.details=wasm: page "details" has no wasm implementation; the override will be ignored',
      ],
    });
    expect(
      chooseWorld(plan, {
        route: 'details',
        capabilities: { webAssembly: true },
        overrides: result.overrides,
        cohort: 0,
        brokenWasmPages: new Set(),
      }),
    ).toEqual({ world: 'legacy', reason: 'override-unavailable' });
  });

  it('feeds chooseWorld: a QA override sends collections back to legacy', () => {
    const { overrides } = parse('?world.collections=legacy');
    expect(
      chooseWorld(REFERENCE_PLAN, {
        route: 'collections',
        capabilities: { webAssembly: true },
        overrides,
        cohort: 0,
        brokenWasmPages: new Set(),
      }),
    ).toEqual({ world: 'legacy', reason: 'override' });
  });

  it('reads encoded values as the browser decodes them', () => {
    expect(parse('world.collections=%6Cegacy').overrides).toEqual({ collections: 'legacy' });
  });
});
