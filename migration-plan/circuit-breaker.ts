/**
 * A per-page circuit breaker for WASM pages that heals. When a page's WASM implementation crashes
 * (trap, abort, hang) the router falls back to its legacy implementation and records the crash
 * here. The breaker then opens: `chooseWorld` serves the page from legacy until a backoff has passed
 * (`backoffMs`, default 30 s, doubled for every further crash of that page this session). After the
 * backoff the next visit tries WASM again (half-open): a first complete frame closes the breaker
 * (`recordSuccess`), another crash opens it again with the doubled backoff. Only after `maxCrashes`
 * crashes (default 3) does the page stay in legacy for the rest of the session.
 *
 * Crashes are counted for the whole session, not reset by a successful retry: a page that keeps
 * crashing after it healed is still a page that keeps crashing, and a weak device should not be made
 * to meet it over and over.
 *
 * Time is passed in (any monotonic clock in ms), so the breaker is deterministic and owns no timer:
 * the move from open to half-open happens when the breaker is asked after the backoff. Every state
 * change is reported to `onChange`, so the host can send it to telemetry.
 *
 * @example
 * const breaker = new CircuitBreaker({ onChange: (c) => telemetry.record(`breaker.${c.to}`, c, c.at) });
 * breaker.recordCrash('collections', 1000);   // 'open' until 31 000
 * breaker.isOpen('collections', 5000);        // true: chooseWorld says legacy, 'breaker-open'
 * breaker.isOpen('collections', 31_000);      // false: half-open, the next visit tries WASM
 * breaker.recordSuccess('collections', 31_200); // 'closed'
 */
import type { PageId } from './plan-schema.ts';

/**
 * - `closed`: WASM serves the page;
 * - `open`: legacy serves it until `retryAt`;
 * - `half-open`: the backoff passed, the next visit tries WASM;
 * - `open-for-session`: it crashed `maxCrashes` times; legacy for the rest of the session.
 */
export type BreakerState = 'closed' | 'open' | 'half-open' | 'open-for-session';

/** One state change of one page's breaker, as reported to `onChange`. */
export interface BreakerChange {
  readonly page: PageId;
  readonly from: BreakerState;
  readonly to: BreakerState;
  /** WASM crashes of this page this session so far. */
  readonly crashes: number;
  /** When an `open` breaker lets WASM be tried again; null in the other states. */
  readonly retryAt: number | null;
  /** The time of the change, on the caller's clock. */
  readonly at: number;
}

export interface CircuitBreakerOptions {
  /** How long (ms) the first crash keeps a page in legacy; doubled per further crash. Default 30 000. */
  readonly backoffMs?: number;
  /** Crashes in a session after which the page stays in legacy for the session; an integer ≥ 1, default 3. */
  readonly maxCrashes?: number;
  /** Called after every state change (for telemetry). It must not throw. */
  readonly onChange?: (change: BreakerChange) => void;
}

interface PageBreaker {
  readonly state: BreakerState;
  readonly crashes: number;
  readonly retryAt: number | null;
}

const CLOSED: PageBreaker = { state: 'closed', crashes: 0, retryAt: null };

export class CircuitBreaker {
  readonly backoffMs: number;
  readonly maxCrashes: number;
  readonly #onChange: (change: BreakerChange) => void;
  readonly #pages = new Map<PageId, PageBreaker>();

  constructor(options: CircuitBreakerOptions = {}) {
    const { backoffMs = 30_000, maxCrashes = 3, onChange = () => {} } = options;
    if (!Number.isFinite(backoffMs) || backoffMs < 0) {
      throw new RangeError(`backoffMs must be a finite number of at least 0, got ${backoffMs}`);
    }
    if (!Number.isInteger(maxCrashes) || maxCrashes < 1) {
      throw new RangeError(`maxCrashes must be an integer of at least 1, got ${maxCrashes}`);
    }
    this.backoffMs = backoffMs;
    this.maxCrashes = maxCrashes;
    this.#onChange = onChange;
  }

  /**
   * Records a crash of `page`'s WASM implementation at time `now` and returns the breaker's state
   * afterwards: `open` (with a backoff of `backoffMs · 2^(crashes - 1)`), or `open-for-session` at
   * the `maxCrashes`-th crash. A crash while already open (QA forcing WASM with an override) counts too.
   *
   * @example
   * const breaker = new CircuitBreaker({ backoffMs: 1000, maxCrashes: 2 });
   * breaker.recordCrash('search', 0);    // 'open' until 1000
   * breaker.recordCrash('search', 1500); // 'open-for-session'
   */
  recordCrash(page: PageId, now: number): BreakerState {
    assertTime(now);
    const before = this.#current(page, now);
    const crashes = before.crashes + 1;
    if (crashes >= this.maxCrashes) {
      return this.#set(page, { state: 'open-for-session', crashes, retryAt: null }, now);
    }
    const retryAt = now + this.backoffMs * 2 ** (crashes - 1);
    return this.#set(page, { state: 'open', crashes, retryAt }, now);
  }

  /**
   * Records that `page` came up in WASM (its first complete frame) at `now`: a half-open breaker
   * closes; in any other state this changes nothing.
   *
   * @example
   * breaker.recordSuccess('collections', now); // 'closed' after a retry that worked
   */
  recordSuccess(page: PageId, now: number): BreakerState {
    assertTime(now);
    const before = this.#current(page, now);
    if (before.state !== 'half-open') return before.state;
    return this.#set(page, { state: 'closed', crashes: before.crashes, retryAt: null }, now);
  }

  /**
   * The state of `page`'s breaker at `now` (an `open` breaker whose backoff has passed becomes
   * `half-open`, and that change is reported). Without `now`, the state as last recorded, with no
   * change of its own.
   *
   * @example
   * breaker.stateOf('collections', performance.now()); // 'half-open' 30 s after its first crash
   */
  stateOf(page: PageId, now?: number): BreakerState {
    return (now === undefined ? (this.#pages.get(page) ?? CLOSED) : this.#current(page, now)).state;
  }

  /**
   * Whether `page` is served by legacy at `now`: `open` before its `retryAt`, or `open-for-session`.
   * Without `now`, whether it is open as last recorded (a backoff that passed since is not seen).
   *
   * @example
   * breaker.isOpen('collections', now); // true for 30 s after its first crash
   */
  isOpen(page: PageId, now?: number): boolean {
    const state = this.stateOf(page, now);
    return state === 'open' || state === 'open-for-session';
  }

  /**
   * The pages served by legacy at `now`, as a snapshot, ready to pass as `chooseWorld`'s
   * `brokenWasmPages` (pages whose backoff has passed move to half-open and are not in it).
   *
   * @example
   * chooseWorld(plan, { ...request, brokenWasmPages: breaker.openPages(now) });
   */
  openPages(now?: number): ReadonlySet<PageId> {
    const open = new Set<PageId>();
    for (const page of [...this.#pages.keys()]) if (this.isOpen(page, now)) open.add(page);
    return open;
  }

  /** The page's breaker at `now`, moving an `open` one whose backoff has passed to `half-open`. */
  #current(page: PageId, now: number): PageBreaker {
    assertTime(now);
    const breaker = this.#pages.get(page) ?? CLOSED;
    if (breaker.state === 'open' && breaker.retryAt !== null && now >= breaker.retryAt) {
      this.#set(page, { state: 'half-open', crashes: breaker.crashes, retryAt: null }, now);
      return this.#pages.get(page) ?? CLOSED;
    }
    return breaker;
  }

  #set(page: PageId, next: PageBreaker, now: number): BreakerState {
    const from = (this.#pages.get(page) ?? CLOSED).state;
    this.#pages.set(page, next);
    // open → open (a crash while open) is a change too: the backoff and the count moved.
    this.#onChange({ page, from, to: next.state, crashes: next.crashes, retryAt: next.retryAt, at: now });
    return next.state;
  }
}

function assertTime(now: number): void {
  if (!Number.isFinite(now)) throw new RangeError(`now must be a finite time in ms, got ${now}`);
}
