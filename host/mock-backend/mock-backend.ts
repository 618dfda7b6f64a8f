import type { HttpHandler } from 'msw';
import type { ApiEndpoint, RolloutConfig, Setting, TelemetryEvent } from '../../bridge/index.ts';
import { type Catalog, DEFAULT_CATALOG_SEED, generateCatalog } from './catalog.ts';
import { type FailureMode, type FailureOptions, FailureRules } from './failure-rules.ts';
import { createHandlers, type TelemetryRoute } from './handlers.ts';
import { type ChannelChoice, MockReleaseChannel, type ReleaseSource } from './release-channel.ts';
import { type MockStorage, RolloutState } from './rollout-state.ts';
import { SettingsStore } from './settings-store.ts';
import { TelemetryLog } from './telemetry-log.ts';

export interface MockBackendOptions {
  /** Seed of the generated catalog; {@link DEFAULT_CATALOG_SEED} when absent. */
  readonly seed?: number;
  /**
   * `passthrough` lets telemetry batches go to the network (a collector) instead of the
   * backend's log, which then stays empty; default `keep`.
   */
  readonly telemetry?: TelemetryRoute;
  /** The releases the build wrote, for GET /api/releases/channel; without it the channel answers 404. */
  readonly releases?: ReleaseSource;
  /** Keeps what mock-admin calls set (rollout, channel) across reloads; in memory when absent. */
  readonly storage?: MockStorage;
}

/**
 * One mock backend: its catalog, its in-memory state (settings, telemetry, armed failures) and
 * the msw handlers that serve them. Two backends never share state, so tests stay independent.
 */
export interface MockBackend {
  readonly catalog: Catalog;
  /** Pass to msw: `setupServer(...backend.handlers)`, or use startNodeBackend / startBrowserBackend. */
  readonly handlers: readonly HttpHandler[];
  /**
   * Makes `endpoint` misbehave, for `options.times` requests or until {@link MockBackend.reset}; with
   * `options.method`, only its requests of that method (`'PUT'`: saving fails, reading works).
   */
  fail(endpoint: ApiEndpoint, mode: FailureMode, options?: FailureOptions): void;
  /** Heals every endpoint. Settings and received telemetry are kept: they are data, not faults. */
  reset(): void;
  /** The telemetry events received so far, oldest first (a copy). */
  telemetryEvents(): TelemetryEvent[];
  /** The current settings, as GET /api/settings would answer (a copy). */
  settings(): Setting[];
  /** Sets what GET /api/rollout answers (as `PUT /mock/rollout` does). */
  setRollout(config: RolloutConfig): void;
  /** Sets what the release channel serves (as `PUT /mock/releases/channel` does). */
  serveRelease(choice: ChannelChoice): void;
}

/**
 * Creates a mock backend with a deterministic catalog.
 *
 * @example
 * const backend = createMockBackend({ seed: 7 });
 * const stop = startNodeBackend(backend);
 * backend.fail('home', { kind: 'status', status: 500 }, { times: 1 });
 * await fetch('http://ficus.test/api/home?profile=p1'); // 500, then healthy again
 * backend.fail('settings', { kind: 'status', status: 500 }, { times: 1, method: 'PUT' });
 * await fetch('http://ficus.test/api/settings'); // 200: only the next PUT fails
 * stop();
 */
export function createMockBackend(options: MockBackendOptions = {}): MockBackend {
  const catalog = generateCatalog(options.seed ?? DEFAULT_CATALOG_SEED);
  const settings = new SettingsStore();
  const telemetry = new TelemetryLog();
  const failures = new FailureRules();
  const rollout = new RolloutState(options.storage);
  const releases = new MockReleaseChannel(options.releases, options.storage);
  const handlers = createHandlers(
    { catalog, settings, telemetry, failures, rollout, releases },
    options.telemetry === undefined ? {} : { telemetry: options.telemetry },
  );
  return {
    catalog,
    handlers,
    fail: (endpoint, mode, failOptions) => failures.add(endpoint, mode, failOptions),
    reset: () => failures.clear(),
    telemetryEvents: () => telemetry.events(),
    settings: () => settings.list(),
    setRollout: (config) => rollout.set(config),
    serveRelease: (choice) => releases.choose(choice),
  };
}
