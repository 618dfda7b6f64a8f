import { loadPlan } from 'ficus/migration-plan';

/**
 * Two pages, one per world: "home" is React only, "shelf" has a WASM implementation served to
 * every device (its React page is the fallback every page must have). loadPlan checks the plan's
 * rules and throws naming the page and field when one is broken.
 */
export const PLAN = loadPlan({
  version: 1,
  rootRoute: 'home',
  pages: {
    home: {
      route: 'home',
      implementations: { legacy: true, wasm: false },
      defaultWorld: 'legacy',
    },
    shelf: {
      route: 'shelf',
      implementations: { legacy: true, wasm: true },
      parent: 'home',
      defaultWorld: 'wasm',
      rollout: { wasmPercent: 100 },
    },
  },
});
