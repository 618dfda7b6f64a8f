import { describe, expect, it } from 'vitest';
import {
  checkPlan,
  describePlanIssue,
  loadPlan,
  PlanError,
  REFERENCE_PLAN,
} from '../../../migration-plan/index.ts';
import { type PlanData, pageData, referencePlanData } from './plan-fixtures.ts';

/** The PlanError `loadPlan` throws for `data`; fails the test if the plan is accepted. */
function planErrorOf(data: unknown): PlanError {
  try {
    loadPlan(data);
  } catch (error) {
    if (error instanceof PlanError) return error;
    throw error;
  }
  throw new Error('expected the plan to be rejected, but it was accepted');
}

describe('the reference plan ("Ficus TV")', () => {
  it('validates, shape and rules', () => {
    expect(checkPlan(referencePlanData())).toEqual({ ok: true, plan: REFERENCE_PLAN });
  });

  it('has the six pages, each in React, a WASM default rolled out to every device', () => {
    expect(Object.keys(REFERENCE_PLAN.pages)).toEqual([
      'profiles',
      'collections',
      'details',
      'playback',
      'search',
      'settings',
    ]);
    expect(REFERENCE_PLAN.rootRoute).toBe('profiles');
    // Read from the plan, not copied: pages gain a WASM implementation as they are ported, and
    // some stay React by default (details: benchmarks and e2e measure the switch to React).
    for (const [id, page] of Object.entries(REFERENCE_PLAN.pages)) {
      const wasmDefault = page.defaultWorld === 'wasm';
      expect(page.route).toBe(id);
      expect(page.implementations.legacy).toBe(true);
      if (wasmDefault) expect(page.implementations.wasm).toBe(true);
      expect(page.rollout).toEqual(wasmDefault ? { wasmPercent: 100 } : undefined);
      expect(page.owner).toEqual(expect.any(String));
      expect(page.complexity).toEqual(expect.any(Number));
    }
  });

  it('weights collections and playback highest', () => {
    const byWeight = Object.entries(REFERENCE_PLAN.pages)
      .sort(([, a], [, b]) => (b.usageWeight ?? 0) - (a.usageWeight ?? 0))
      .map(([id]) => id);
    expect(byWeight.slice(0, 2).sort()).toEqual(['collections', 'playback']);
  });

  it('is frozen, so no module can change the plan others read', () => {
    expect(Object.isFrozen(REFERENCE_PLAN)).toBe(true);
    expect(Object.isFrozen(REFERENCE_PLAN.pages)).toBe(true);
    expect(Object.isFrozen(REFERENCE_PLAN.pages['collections']?.implementations)).toBe(true);
  });
});

describe('loadPlan', () => {
  it('returns a frozen copy: changing the input afterwards changes nothing', () => {
    const data = referencePlanData();
    const plan = loadPlan(data);
    pageData(data, 'details').defaultWorld = 'wasm';
    expect(plan.pages['details']?.defaultWorld).toBe('legacy');
    expect(plan).not.toBe(data);
  });

  it('accepts a minimal plan: one legacy page without the optional fields', () => {
    const data = {
      version: 1,
      rootRoute: 'home',
      pages: {
        home: { route: 'home', implementations: { legacy: true, wasm: false }, defaultWorld: 'legacy' },
      },
    };
    expect(loadPlan(data)).toEqual(data);
  });

  // Each malformed variant of the reference plan, with the one line it must be rejected with.
  const variants: ReadonlyArray<{
    name: string;
    change: (plan: PlanData) => void;
    page: string | null;
    field: string;
    message: string;
  }> = [
    {
      name: 'a missing field',
      change: (plan) => delete pageData(plan, 'profiles').defaultWorld,
      page: 'profiles',
      field: 'defaultWorld',
      message: 'page "profiles": defaultWorld: missing required field (expected one of "legacy", "wasm")',
    },
    {
      name: 'an unknown field',
      change: (plan) => {
        pageData(plan, 'collections')['colour'] = 'green';
      },
      page: 'collections',
      field: 'colour',
      message:
        'page "collections": colour: unknown field (expected only route, implementations, defaultWorld, rollout, owner, usageWeight, parent, requiredParams, complexity, notes)',
    },
    {
      name: 'a wrong world',
      change: (plan) => {
        pageData(plan, 'details').defaultWorld = 'react';
      },
      page: 'details',
      field: 'defaultWorld',
      message: 'page "details": defaultWorld: expected one of "legacy", "wasm", got "react"',
    },
    {
      name: 'a defaultWorld without its implementation',
      change: (plan) => {
        pageData(plan, 'profiles').implementations.wasm = false;
      },
      page: 'profiles',
      field: 'defaultWorld',
      message: 'page "profiles": defaultWorld is "wasm" but implementations.wasm is false',
    },
    {
      name: 'a page without its legacy implementation',
      change: (plan) => {
        pageData(plan, 'collections').implementations.legacy = false;
      },
      page: 'collections',
      field: 'implementations.legacy',
      message:
        'page "collections": implementations.legacy is false, but every page needs its legacy implementation, the fallback for devices without WebAssembly and for crashed WASM pages',
    },
    {
      name: 'a page with no implementation at all',
      change: (plan) => {
        // Both flags, whatever the plan says today (search has been ported since).
        const { implementations } = pageData(plan, 'search');
        implementations.legacy = false;
        implementations.wasm = false;
      },
      page: 'search',
      field: 'implementations',
      message:
        'page "search": implementations has neither legacy nor wasm; every page needs its legacy implementation, the fallback for devices without WebAssembly and for crashed WASM pages',
    },
    {
      name: 'an unknown rootRoute',
      change: (plan) => {
        plan.rootRoute = 'home';
      },
      page: null,
      field: 'rootRoute',
      message:
        'plan: rootRoute is "home" but there is no such page (pages: profiles, collections, details, playback, search, settings)',
    },
    {
      name: 'a route other than the page id',
      change: (plan) => {
        pageData(plan, 'playback').route = 'player';
      },
      page: 'playback',
      field: 'route',
      message:
        'page "playback": route is "player" but must equal the page id "playback" (routes are page ids)',
    },
    {
      name: 'a rollout of 120%',
      change: (plan) => {
        pageData(plan, 'collections').rollout = { wasmPercent: 120 };
      },
      page: 'collections',
      field: 'rollout.wasmPercent',
      message: 'page "collections": rollout.wasmPercent: expected an integer from 0 to 100, got 120',
    },
    {
      name: 'a fractional rollout (cohorts are whole percents)',
      change: (plan) => {
        pageData(plan, 'collections').rollout = { wasmPercent: 12.5 };
      },
      page: 'collections',
      field: 'rollout.wasmPercent',
      message: 'page "collections": rollout.wasmPercent: expected an integer from 0 to 100, got 12.5',
    },
    {
      name: 'a rollout on a legacy default',
      change: (plan) => {
        pageData(plan, 'details').rollout = { wasmPercent: 10 };
      },
      page: 'details',
      field: 'rollout',
      message:
        'page "details": rollout is set but defaultWorld is "legacy"; a rollout shares out a "wasm" default, so set defaultWorld to "wasm" or remove rollout',
    },
    {
      name: 'an implementation flag that is not a boolean',
      change: (plan) => {
        pageData(plan, 'settings').implementations.wasm = 'yes';
      },
      page: 'settings',
      field: 'implementations.wasm',
      message: 'page "settings": implementations.wasm: expected a boolean, got "yes"',
    },
    {
      name: 'a complexity of 6',
      change: (plan) => {
        pageData(plan, 'search').complexity = 6;
      },
      page: 'search',
      field: 'complexity',
      message: 'page "search": complexity: expected an integer from 1 to 5, got 6',
    },
    {
      name: 'a negative usageWeight',
      change: (plan) => {
        pageData(plan, 'search').usageWeight = -1;
      },
      page: 'search',
      field: 'usageWeight',
      message: 'page "search": usageWeight: expected a finite number of at least 0, got -1',
    },
    {
      name: 'a page that is not an object',
      change: (plan) => {
        plan.pages['search'] = null as unknown as PlanData['pages'][string];
      },
      page: 'search',
      field: '',
      message: 'page "search": expected an object, got null',
    },
    {
      name: 'a page id that is not a route name',
      change: (plan) => {
        plan.pages['Home'] = { ...pageData(plan, 'settings'), route: 'Home' };
      },
      page: 'Home',
      field: 'route',
      message: 'page "Home": route: expected a route name like "title-details", got "Home"',
    },
    {
      name: 'another plan version',
      change: (plan) => {
        plan.version = 2;
      },
      page: null,
      field: 'version',
      message: 'plan: version: expected 1, got 2',
    },
    {
      name: 'an unknown plan field',
      change: (plan) => {
        plan['owner'] = 'leads';
      },
      page: null,
      field: 'owner',
      message: 'plan: owner: unknown field (expected only version, rootRoute, pages)',
    },
    {
      name: 'missing pages',
      change: (plan) => {
        delete (plan as Partial<PlanData>).pages;
      },
      page: null,
      field: 'pages',
      message: 'plan: pages: missing required field (expected an object of pages keyed by page id)',
    },
  ];

  for (const variant of variants) {
    it(`rejects ${variant.name}, naming the page and the field`, () => {
      const data = referencePlanData();
      variant.change(data);
      const error = planErrorOf(data);
      expect(error.message).toBe(variant.message);
      expect(error.issues).toHaveLength(1);
      expect(error.issues[0]).toMatchObject({ page: variant.page, field: variant.field });
      expect(error.name).toBe('PlanError');
    });
  }

  it('names every malformed page, not only the first', () => {
    const data = referencePlanData();
    delete pageData(data, 'profiles').route;
    pageData(data, 'settings').owner = '';
    expect(planErrorOf(data).message).toBe(
      [
        'page "profiles": route: missing required field (expected a route name like "title-details")',
        'page "settings": owner: expected at least 1 characters, got 0',
      ].join('\n'),
    );
  });

  it('reports every broken rule at once', () => {
    const data = referencePlanData();
    // A WASM default for a page without a WASM implementation (whatever the plan says today).
    const details = pageData(data, 'details');
    details.implementations.wasm = false;
    details.defaultWorld = 'wasm';
    delete details.rollout;
    pageData(data, 'search').route = 'find';
    data.rootRoute = 'home';
    expect(planErrorOf(data).issues.map(describePlanIssue)).toEqual([
      'page "details": defaultWorld is "wasm" but implementations.wasm is false',
      'page "search": route is "find" but must equal the page id "search" (routes are page ids)',
      'plan: rootRoute is "home" but there is no such page (pages: profiles, collections, details, playback, search, settings)',
    ]);
  });

  it('tells a page id with a dot from a nested field', () => {
    const data = referencePlanData();
    data.pages['a.b'] = { ...pageData(data, 'settings'), route: 'a' };
    delete data.pages['a.b'].owner;
    data.pages['a.b'].implementations = { legacy: true, wasm: 1 };
    expect(planErrorOf(data).issues).toEqual([
      {
        page: 'a.b',
        field: 'implementations.wasm',
        message: 'implementations.wasm: expected a boolean, got 1',
      },
    ]);
  });

  it('rejects an empty plan with a root page that cannot exist', () => {
    expect(planErrorOf({ version: 1, rootRoute: 'home', pages: {} }).message).toBe(
      'plan: rootRoute is "home" but there is no such page (pages is empty)',
    );
  });

  it.each([
    [null, 'plan: expected an object, got null'],
    [[], 'plan: expected an object, got an array'],
    ['{"version":1}', 'plan: expected an object, got "{\\"version\\":1}"'],
    [{ version: 1, rootRoute: 'home', pages: [] }, 'plan: pages: expected an object, got an array'],
    [
      { version: 1, rootRoute: 'home', pages: { home: () => 1 } },
      'plan: expected plain data (JSON), got object',
    ],
  ])('rejects %j as a whole', (input, message) => {
    expect(planErrorOf(input).message).toBe(message);
  });

  it('checkPlan reports the same issues without throwing', () => {
    const data = referencePlanData();
    pageData(data, 'profiles').implementations.wasm = false;
    expect(checkPlan(data)).toEqual({
      ok: false,
      issues: [
        {
          page: 'profiles',
          field: 'defaultWorld',
          message: 'defaultWorld is "wasm" but implementations.wasm is false',
        },
      ],
    });
  });
});
