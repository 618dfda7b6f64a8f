import { describe, expect, it } from 'vitest';
import type { WorldId } from '../../../bridge/worlds.ts';
import {
  chooseWorld,
  REFERENCE_PLAN,
  UnknownRouteError,
  type WorldChoiceReason,
  type WorldRequest,
} from '../../../migration-plan/index.ts';
import { legacyPage, planOf, wasmPage } from './plan-fixtures.ts';

// One page per situation the policy tells apart.
const PLAN = planOf([
  wasmPage('home'), // WASM default, no rollout (100%)
  wasmPage('half', { rollout: { wasmPercent: 50 } }),
  wasmPage('zero', { rollout: { wasmPercent: 0 } }),
  wasmPage('ported', { defaultWorld: 'legacy' }), // WASM exists, not served by default
  legacyPage('classic'), // legacy only
]);

/** A capable device in cohort 0, no overrides, no open breakers, with `changes` applied. */
function request(route: string, changes: Partial<WorldRequest> = {}): WorldRequest {
  return {
    route,
    capabilities: { webAssembly: true },
    overrides: {},
    cohort: 0,
    brokenWasmPages: new Set(),
    ...changes,
  };
}

const noWasm = { capabilities: { webAssembly: false } } as const;
const broken = (page: string) => ({ brokenWasmPages: new Set([page]) });
const override = (page: string, world: WorldId) => ({ overrides: { [page]: world } });

describe('chooseWorld: the policy table', () => {
  const table: ReadonlyArray<[string, WorldRequest, WorldId, WorldChoiceReason]> = [
    // 2. overrides
    [
      'override to legacy beats a WASM default',
      request('home', override('home', 'legacy')),
      'legacy',
      'override',
    ],
    [
      'override to wasm beats a legacy default',
      request('ported', override('ported', 'wasm')),
      'wasm',
      'override',
    ],
    [
      'override beats the rollout cohort',
      request('half', { ...override('half', 'wasm'), cohort: 99 }),
      'wasm',
      'override',
    ],
    [
      'override beats an open breaker (QA reproduces a crash)',
      request('home', { ...override('home', 'wasm'), ...broken('home') }),
      'wasm',
      'override',
    ],
    [
      'override to legacy works without WebAssembly',
      request('home', { ...override('home', 'legacy'), ...noWasm }),
      'legacy',
      'override',
    ],
    [
      'override to the only implementation is an override',
      request('classic', override('classic', 'legacy')),
      'legacy',
      'override',
    ],
    [
      'override to a missing implementation is ignored',
      request('classic', override('classic', 'wasm')),
      'legacy',
      'override-unavailable',
    ],
    [
      'override to wasm without WebAssembly is ignored',
      request('home', { ...override('home', 'wasm'), ...noWasm }),
      'legacy',
      'override-unavailable',
    ],
    [
      'an ignored override still lets the later rules choose',
      request('ported', { ...override('ported', 'wasm'), ...noWasm }),
      'legacy',
      'override-unavailable',
    ],
    [
      'an ignored override is reported even with an open breaker',
      request('classic', { ...override('classic', 'wasm'), ...broken('classic') }),
      'legacy',
      'override-unavailable',
    ],
    [
      "another page's override changes nothing",
      request('home', override('ported', 'wasm')),
      'wasm',
      'default',
    ],
    // 3. only implementation
    ['a legacy-only page', request('classic'), 'legacy', 'only-implementation'],
    [
      'only-implementation comes before no-webassembly',
      request('classic', noWasm),
      'legacy',
      'only-implementation',
    ],
    [
      'only-implementation comes before breaker-open',
      request('classic', broken('classic')),
      'legacy',
      'only-implementation',
    ],
    // 4. no WebAssembly
    ['no WebAssembly → legacy', request('home', noWasm), 'legacy', 'no-webassembly'],
    [
      'no-webassembly comes before breaker-open',
      request('home', { ...noWasm, ...broken('home') }),
      'legacy',
      'no-webassembly',
    ],
    [
      'no-webassembly comes before the rollout',
      request('half', { ...noWasm, cohort: 0 }),
      'legacy',
      'no-webassembly',
    ],
    ['no-webassembly on a legacy default', request('ported', noWasm), 'legacy', 'no-webassembly'],
    // 5. breaker
    ['an open breaker → legacy', request('home', broken('home')), 'legacy', 'breaker-open'],
    [
      'breaker-open comes before the rollout',
      request('half', { ...broken('half'), cohort: 0 }),
      'legacy',
      'breaker-open',
    ],
    ["another page's breaker changes nothing", request('home', broken('half')), 'wasm', 'default'],
    // 6. rollout 50: cohorts 0..49 get WASM, 50..99 legacy
    ['rollout 50, cohort 0', request('half', { cohort: 0 }), 'wasm', 'rollout'],
    ['rollout 50, cohort 49', request('half', { cohort: 49 }), 'wasm', 'rollout'],
    ['rollout 50, cohort 50', request('half', { cohort: 50 }), 'legacy', 'rollout'],
    ['rollout 50, cohort 99', request('half', { cohort: 99 }), 'legacy', 'rollout'],
    ['rollout 0, cohort 0', request('zero', { cohort: 0 }), 'legacy', 'rollout'],
    // 7. default
    ['a WASM default without rollout, any cohort', request('home', { cohort: 99 }), 'wasm', 'default'],
    ['a legacy default with WASM ported', request('ported', { cohort: 0 }), 'legacy', 'default'],
  ];

  it.each(table)('%s', (_name, input, world, reason) => {
    expect(chooseWorld(PLAN, input)).toEqual({ world, reason });
  });

  it('rollout p serves WASM to exactly the cohorts below p, for every p and cohort', () => {
    for (const wasmPercent of [0, 1, 10, 50, 99, 100]) {
      const plan = planOf([wasmPage('page', { rollout: { wasmPercent } })]);
      const wasmCohorts = Array.from({ length: 100 }, (_, cohort) => cohort).filter(
        (cohort) => chooseWorld(plan, request('page', { cohort })).world === 'wasm',
      );
      expect(wasmCohorts).toEqual(Array.from({ length: wasmPercent }, (_, cohort) => cohort));
    }
  });
});

describe('chooseWorld: errors', () => {
  it('throws a clear error for an unknown route', () => {
    expect(() => chooseWorld(PLAN, request('profile'))).toThrow(
      new UnknownRouteError('profile', ['home', 'half', 'zero', 'ported', 'classic']),
    );
    expect(() => chooseWorld(PLAN, request('profile'))).toThrow(
      'unknown route "profile": the migration plan has no such page (pages: home, half, zero, ported, classic)',
    );
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'never takes an inherited property (%s) for a page',
    (route) => {
      expect(() => chooseWorld(PLAN, request(route))).toThrow(UnknownRouteError);
    },
  );

  it.each([-1, 100, 1.5, Number.NaN])('refuses cohort %s', (cohort) => {
    expect(() => chooseWorld(PLAN, request('home', { cohort }))).toThrow(
      `cohort must be an integer from 0 to 99, got ${cohort}`,
    );
  });

  it('ignores an override inherited from the overrides object', () => {
    const overrides = Object.create({ home: 'legacy' }) as Record<string, WorldId>;
    expect(chooseWorld(PLAN, request('home', { overrides }))).toEqual({ world: 'wasm', reason: 'default' });
  });
});

describe('chooseWorld: purity', () => {
  it('gives the same answer for the same input and changes nothing it was given', () => {
    const input = Object.freeze(request('half', { cohort: 7, overrides: Object.freeze({ home: 'legacy' }) }));
    const first = chooseWorld(PLAN, input);
    expect(chooseWorld(PLAN, input)).toEqual(first);
    expect(input.overrides).toEqual({ home: 'legacy' });
  });
});

describe('chooseWorld on the reference plan', () => {
  it('serves each page from its default world on a capable device (WASM defaults roll out to all)', () => {
    // Read from the plan, not copied: pages are ported (and some kept React by default) over time.
    for (const [route, page] of Object.entries(REFERENCE_PLAN.pages)) {
      const expected = !page.implementations.wasm
        ? { world: 'legacy', reason: 'only-implementation' }
        : page.defaultWorld === 'wasm'
          ? { world: 'wasm', reason: 'rollout' }
          : { world: 'legacy', reason: 'default' };
      expect([route, chooseWorld(REFERENCE_PLAN, request(route, { cohort: 99 }))]).toEqual([route, expected]);
    }
  });

  it('serves every page that has a WASM implementation from WASM on a QA override', () => {
    for (const [route, page] of Object.entries(REFERENCE_PLAN.pages)) {
      const choice = chooseWorld(REFERENCE_PLAN, request(route, { overrides: { [route]: 'wasm' } }));
      expect([route, choice]).toEqual([
        route,
        page.implementations.wasm
          ? { world: 'wasm', reason: 'override' }
          : { world: 'legacy', reason: 'override-unavailable' },
      ]);
    }
  });

  it('serves everything from legacy on a device without WebAssembly', () => {
    for (const route of Object.keys(REFERENCE_PLAN.pages)) {
      expect(chooseWorld(REFERENCE_PLAN, request(route, noWasm)).world).toBe('legacy');
    }
  });
});
