import { type RolloutConfig, RolloutConfigSchema } from '../../bridge/index.ts';

/** Where the mock keeps what a lead set, so it outlives a reload of the page it runs in (as a real backend's would). */
export interface MockStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** Where the browser mock keeps the rollout a lead set (mock-admin, `PUT /mock/rollout`). */
export const MOCK_ROLLOUT_KEY = 'ficus.mock-backend.rollout';

/**
 * The rollout the mock backend answers on GET /api/rollout: empty (the plan in the repo decides)
 * until a test or a lead sets one. Persisted in `storage` when given.
 *
 * @example
 * const rollout = new RolloutState(localStorage);
 * rollout.set({ pages: { collections: { killSwitch: true } } });
 */
export class RolloutState {
  private config: RolloutConfig;

  constructor(private readonly storage?: MockStorage) {
    this.config = RolloutState.read(storage);
  }

  get(): RolloutConfig {
    return this.config;
  }

  set(config: RolloutConfig): void {
    this.config = config;
    try {
      this.storage?.setItem(MOCK_ROLLOUT_KEY, JSON.stringify(config));
    } catch {
      // A full or refused storage keeps the config for this page's life only.
    }
  }

  private static read(storage: MockStorage | undefined): RolloutConfig {
    try {
      const stored = storage?.getItem(MOCK_ROLLOUT_KEY);
      if (stored !== null && stored !== undefined) {
        const checked = RolloutConfigSchema.check(JSON.parse(stored));
        if (checked.ok) return checked.value;
      }
    } catch {
      // Unreadable: start from the plan's own rollout.
    }
    return { pages: {} };
  }
}
