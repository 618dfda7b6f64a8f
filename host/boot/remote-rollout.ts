import { apiPaths, describeIssue, RolloutConfigSchema } from '../../bridge/index.ts';
import { type AppliedRollout, applyRollout, type Plan, RolloutRefused } from '../../migration-plan/index.ts';

/** Where a device keeps the last rollout that was sound, for a start without the backend. */
export const ROLLOUT_CACHE_KEY = 'ficus.rollout';
/** How often the backend's rollout is read again while the app runs (a kill switch acts within this). */
export const ROLLOUT_REFRESH_MS = 60_000;

export interface RemoteRolloutOptions {
  readonly plan: Plan;
  readonly fetch: typeof fetch;
  /** Where the backend answers (`apiBase` + /api/rollout). */
  readonly apiBase: string;
  readonly storage?: Pick<Storage, 'getItem' | 'setItem'>;
  /** A config refused, or the backend unreachable: said once per different message. */
  readonly warn?: (message: string) => void;
}

/**
 * The backend's rollout and kill switches over the plan, as the app uses them: the last sound one
 * from storage at once (a device that saw a kill switch keeps it while offline), then what the
 * backend answers, checked (schema, then the plan's rules). A config that fails either is
 * refused and the last sound one stays; so does a backend that cannot be reached.
 *
 * @example
 * const rollout = new RemoteRollout({ plan: REFERENCE_PLAN, fetch, apiBase: '', storage: localStorage });
 * void rollout.refresh();
 * createAppHost({ ..., rollout: () => rollout.current() });
 */
export class RemoteRollout {
  private applied: AppliedRollout | undefined;
  /** Where the applied rollout came from, for the devtools and tests. */
  private origin: 'plan' | 'cache' | 'backend' = 'plan';
  private lastWarning: string | undefined;

  constructor(private readonly options: RemoteRolloutOptions) {
    const cached = this.read();
    if (cached !== undefined) {
      const applied = this.apply(cached, 'the cached rollout');
      if (applied !== undefined) {
        this.applied = applied;
        this.origin = 'cache';
      }
    }
  }

  current(): AppliedRollout | undefined {
    return this.applied;
  }

  source(): 'plan' | 'cache' | 'backend' {
    return this.origin;
  }

  /** Reads the backend's rollout once; resolves when it is applied or refused (never rejects). */
  async refresh(): Promise<void> {
    const url = `${this.options.apiBase}${apiPaths.rollout()}`;
    let body: unknown;
    try {
      const response = await this.options.fetch(url);
      if (!response.ok) {
        this.warn(`the rollout from ${url}: the backend answered ${response.status}; keeping the last one`);
        return;
      }
      body = await response.json();
    } catch (error) {
      this.warn(
        `the rollout from ${url} could not be read (${error instanceof Error ? error.message : String(error)}); keeping the last one`,
      );
      return;
    }
    const applied = this.apply(body, `the rollout from ${url}`);
    if (applied === undefined) return;
    this.applied = applied;
    this.origin = 'backend';
    try {
      this.options.storage?.setItem(ROLLOUT_CACHE_KEY, JSON.stringify(body));
    } catch {
      // Not kept: the next start begins from the plan until the backend answers.
    }
  }

  /**
   * Refreshes every {@link ROLLOUT_REFRESH_MS} until the returned function is called.
   *
   * @example
   * const stop = rollout.follow(); // ... stop();
   */
  follow(
    timer: { setInterval: typeof setInterval; clearInterval: typeof clearInterval } = globalThis,
  ): () => void {
    void this.refresh();
    const handle = timer.setInterval(() => void this.refresh(), ROLLOUT_REFRESH_MS);
    return () => timer.clearInterval(handle);
  }

  private apply(body: unknown, what: string): AppliedRollout | undefined {
    const checked = RolloutConfigSchema.check(body);
    if (!checked.ok) {
      this.warn(`${what} is malformed ${describeIssue(checked.issue)}; keeping the last one`);
      return undefined;
    }
    try {
      const applied = applyRollout(this.options.plan, checked.value);
      for (const warning of applied.warnings) this.warn(warning);
      return applied;
    } catch (error) {
      if (!(error instanceof RolloutRefused)) throw error;
      this.warn(`${what} refused: ${error.message}; keeping the last one`);
      return undefined;
    }
  }

  private read(): unknown {
    try {
      const text = this.options.storage?.getItem(ROLLOUT_CACHE_KEY);
      return text === null || text === undefined ? undefined : JSON.parse(text);
    } catch {
      return undefined;
    }
  }

  private warn(message: string): void {
    if (message === this.lastWarning) return;
    this.lastWarning = message;
    (this.options.warn ?? console.warn)(message);
  }
}
