/**
 * The migration plan of the reference app "Ficus TV". Profiles and collections were ported first
 * (as Prime Video did) and are served by WASM to every device that can run it; pages ported since
 * have a WASM implementation that React still serves by default (not rolled out yet), the rest
 * are React only. Usage weights are percent of viewer time (they sum to 100): playback, where
 * people spend the evening, then the collections home screen.
 *
 * @example
 * chooseWorld(REFERENCE_PLAN, { route: 'collections', ... }).world; // 'wasm'
 * formatCoverage(coverageReport(REFERENCE_PLAN));                    // "WASM serves 2 of 6 pages, 35% of viewer time"
 */
import { loadPlan } from './load-plan.ts';
import type { Plan } from './plan-schema.ts';

/** The plan as data, exactly as it would be read from a JSON file. */
const REFERENCE_PLAN_DATA: Plan = {
  version: 1,
  rootRoute: 'profiles',
  pages: {
    profiles: {
      route: 'profiles',
      implementations: { legacy: true, wasm: true },
      defaultWorld: 'wasm',
      rollout: { wasmPercent: 100 },
      owner: 'identity-team',
      usageWeight: 5,
      complexity: 1,
      notes: 'First page ported; parity in tests/unit/parity/profiles.parity.test.tsx.',
    },
    collections: {
      route: 'collections',
      implementations: { legacy: true, wasm: true },
      parent: 'profiles',
      requiredParams: ['profile'],
      defaultWorld: 'wasm',
      rollout: { wasmPercent: 100 },
      owner: 'browse-team',
      usageWeight: 30,
      complexity: 4,
      notes: 'Home rails; parity in tests/unit/parity/collections.parity.test.tsx.',
    },
    details: {
      route: 'details',
      implementations: { legacy: true, wasm: true },
      parent: 'collections',
      requiredParams: ['id'],
      defaultWorld: 'legacy',
      owner: 'browse-team',
      usageWeight: 12,
      complexity: 2,
      notes:
        'Ported (parity in tests/unit/parity/details.parity.test.tsx) but React by default: benchmarks and e2e measure Enter → details (React); ?world.details=wasm serves the port.',
    },
    playback: {
      route: 'playback',
      implementations: { legacy: true, wasm: true },
      parent: 'details',
      requiredParams: ['id'],
      defaultWorld: 'legacy',
      owner: 'player-team',
      usageWeight: 38,
      complexity: 3,
      notes:
        'Ported (parity in tests/unit/parity/playback.parity.test.tsx; the ticker runs on SDK timers, frames on demand) but React by default; ?world.playback=wasm serves the port. Known gap: playback.start goes to telemetry as a page metric without the title id until pages can POST (ABI v2).',
    },
    search: {
      route: 'search',
      implementations: { legacy: true, wasm: true },
      parent: 'collections',
      defaultWorld: 'legacy',
      owner: 'discovery-team',
      usageWeight: 10,
      complexity: 3,
      notes:
        'Ported (parity in tests/unit/parity/search.parity.test.tsx, requests included) but React by default; ?world.search=wasm serves the port.',
    },
    settings: {
      route: 'settings',
      implementations: { legacy: true, wasm: true },
      parent: 'collections',
      defaultWorld: 'legacy',
      owner: 'platform-team',
      usageWeight: 5,
      complexity: 2,
      notes:
        'Saves toggles (PUT, ABI v2) and rolls them back when saving fails. Ported (parity in tests/unit/parity/settings.parity.test.tsx, saves and rollbacks included) but React by default; ?world.settings=wasm serves the port.',
    },
  },
};

/** The reference app's plan, validated (shape and rules) and frozen. */
export const REFERENCE_PLAN: Plan = loadPlan(REFERENCE_PLAN_DATA);
