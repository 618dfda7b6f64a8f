import { describe, expect, it } from 'vitest';
import { checkPlan, parentOf, parentPages, REFERENCE_PLAN } from '../../../migration-plan/index.ts';
import { legacyPage, pageData, planOf, referencePlanData } from './plan-fixtures.ts';

describe('parentPages: the synthetic back stack of a deep link', () => {
  it.each([
    // A parent goes beneath when its required params come with the link.
    ['search', { profile: 'p2' }, ['profiles', 'collections?profile=p2']],
    ['details', { id: 't0164', profile: 'p2' }, ['profiles', 'collections?profile=p2']],
    // collections needs a profile that a plain details link does not carry: the root instead.
    ['details', { id: 't0164' }, ['profiles']],
    ['playback', { id: 't0164' }, ['profiles', 'details?id=t0164']],
    ['playback', { id: 't1', profile: 'p1' }, ['profiles', 'collections?profile=p1', 'details?id=t1']],
    ['settings', {}, ['profiles']],
    ['collections', { profile: 'p3' }, ['profiles']],
    ['profiles', {}, []],
    ['nope', {}, []],
  ])('%s %o → %o', (route, params, expected) => {
    const shown = parentPages(REFERENCE_PLAN, { route, params }).map(({ route: r, params: p }) => {
      const query = new URLSearchParams(p).toString();
      return query === '' ? r : `${r}?${query}`;
    });
    expect(shown).toEqual(expected);
  });

  it('defaults a page without `parent` to the root page', () => {
    const plan = planOf([legacyPage('home'), legacyPage('a'), legacyPage('b', { parent: 'a' })]);
    expect(parentOf(plan, 'a')).toBe('home');
    expect(parentPages(plan, { route: 'b', params: {} })).toEqual([
      { route: 'home', params: {} },
      { route: 'a', params: {} },
    ]);
  });
});

describe('the plan rules for parent', () => {
  const issues = (edit: (data: ReturnType<typeof referencePlanData>) => void) => {
    const data = referencePlanData();
    edit(data);
    const result = checkPlan(data);
    return result.ok ? [] : result.issues.map((issue) => `${issue.page}.${issue.field}: ${issue.message}`);
  };

  it('accept the reference plan', () => {
    expect(issues(() => {})).toEqual([]);
  });

  it('refuse a parent that is not a page', () => {
    expect(
      issues((data) => {
        pageData(data, 'details').parent = 'home';
      }),
    ).toEqual([
      'details.parent: parent is "home" but there is no such page (pages: profiles, collections, details, playback, search, settings)',
    ]);
  });

  it('refuse a parent on the root page and a page that is its own parent', () => {
    expect(
      issues((data) => {
        pageData(data, 'profiles').parent = 'collections';
        pageData(data, 'search').parent = 'search';
      }),
    ).toEqual([
      'profiles.parent: parent is "collections" but this is the root page, the bottom of every history; remove parent',
      'search.parent: parent is the page itself; name another page or remove parent (the root page is the default)',
    ]);
  });

  it('refuse a cycle, naming each page in it', () => {
    expect(
      issues((data) => {
        pageData(data, 'collections').parent = 'playback';
      }),
    ).toEqual([
      'collections.parent: parent chain "collections" → "playback" → "details" → "collections" is a cycle; it must end at the root page "profiles"',
      'details.parent: parent chain "details" → "collections" → "playback" → "details" is a cycle; it must end at the root page "profiles"',
      'playback.parent: parent chain "playback" → "details" → "collections" → "playback" is a cycle; it must end at the root page "profiles"',
    ]);
  });

  it('refuse requiredParams that are not a list of names', () => {
    expect(
      issues((data) => {
        pageData(data, 'details').requiredParams = 'id';
      }),
    ).toEqual([expect.stringMatching(/^details\.requiredParams: requiredParams: expected an array/)]);
  });
});
