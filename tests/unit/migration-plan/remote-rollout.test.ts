import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyRollout, chooseWorld, REFERENCE_PLAN } from '../../../migration-plan/index.ts';
import { legacyPage, planOf, wasmPage } from './plan-fixtures.ts';

const request = (route: string, cohort = 0) => ({
  route,
  capabilities: { webAssembly: true },
  overrides: {},
  cohort,
  brokenWasmPages: new Set<string>(),
});

describe('applyRollout', () => {
  it("applies the backend's percent over the plan: a React default becomes a WASM default at that percent", () => {
    const ported = Object.entries(REFERENCE_PLAN.pages).find(
      ([, page]) => page.implementations.wasm && page.defaultWorld === 'legacy',
    );
    if (ported === undefined) return; // every port already a WASM default
    const [id] = ported;
    const applied = applyRollout(REFERENCE_PLAN, { pages: { [id]: { wasmPercent: 10 } } });
    expect(applied.plan.pages[id]).toMatchObject({ defaultWorld: 'wasm', rollout: { wasmPercent: 10 } });
    expect(chooseWorld(applied.plan, request(id, 9))).toEqual({ world: 'wasm', reason: 'rollout' });
    expect(chooseWorld(applied.plan, request(id, 10))).toEqual({ world: 'legacy', reason: 'rollout' });
    // The plan in the repo is unchanged: it stays the default.
    expect(REFERENCE_PLAN.pages[id]?.defaultWorld).toBe('legacy');
  });

  it('pulls a kill switch: React for every cohort, a QA override still reaches WASM', () => {
    const plan = planOf([wasmPage('home'), legacyPage('classic')]);
    const applied = applyRollout(plan, { pages: { home: { killSwitch: true } } });
    expect([...applied.killed]).toEqual(['home']);
    for (const cohort of [0, 50, 99]) {
      expect(
        chooseWorld(applied.plan, { ...request('home', cohort), killedWasmPages: applied.killed }),
      ).toEqual({
        world: 'legacy',
        reason: 'kill-switch',
      });
    }
    expect(
      chooseWorld(applied.plan, {
        ...request('home'),
        overrides: { home: 'wasm' },
        killedWasmPages: applied.killed,
      }),
    ).toEqual({ world: 'wasm', reason: 'override' });
  });

  it('leaves out unknown pages and pages without WASM, with a warning naming each', () => {
    const plan = planOf([wasmPage('home'), legacyPage('classic')]);
    const applied = applyRollout(plan, {
      pages: { homee: { killSwitch: true }, classic: { wasmPercent: 50 } },
    });
    expect(applied.killed.size).toBe(0);
    expect(applied.warnings).toEqual([
      'rollout for "homee" left out: the plan has no such page (pages: home, classic)',
      'rollout for "classic" left out: the page has no WASM implementation',
    ]);
    expect(applied.plan.pages['classic']?.defaultWorld).toBe('legacy');
  });

  it('raising a percent never moves a device that had WASM back to React', () => {
    const plan = planOf([wasmPage('home', { defaultWorld: 'legacy' })]);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        (cohort, a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          const before = chooseWorld(
            applyRollout(plan, { pages: { home: { wasmPercent: low } } }).plan,
            request('home', cohort),
          );
          const after = chooseWorld(
            applyRollout(plan, { pages: { home: { wasmPercent: high } } }).plan,
            request('home', cohort),
          );
          return before.world === 'legacy' || after.world === 'wasm';
        },
      ),
    );
  });
});
