/**
 * A per-page circuit breaker for WASM pages. When a page's WASM implementation crashes (trap,
 * abort, hang) the router falls back to its legacy implementation and records the crash here; once
 * a page's breaker is open, `chooseWorld` serves that page from legacy for the rest of the session.
 *
 * It opens after `threshold` crashes within `windowMs` of each other (by default a single crash:
 * a viewer should not meet the same broken page twice), and never closes by itself: a new session
 * starts with a new breaker. Time is passed in, so the breaker is deterministic and needs no clock.
 *
 * @example
 * const breaker = new CircuitBreaker();
 * breaker.recordCrash('collections', performance.now()); // true: open
 * chooseWorld(plan, { ...request, brokenWasmPages: breaker.openPages() }); // legacy, 'breaker-open'
 */
import type { PageId } from './plan-schema.ts';

export interface CircuitBreakerOptions {
  /** Crashes within the window that open a page's breaker; an integer ≥ 1, default 1. */
  readonly threshold?: number;
  /** How close together (in ms, inclusive) those crashes must be; default 60 000. */
  readonly windowMs?: number;
}

export class CircuitBreaker {
  readonly threshold: number;
  readonly windowMs: number;
  /** Recent crash times per page whose breaker is still closed (at most threshold - 1 of them). */
  readonly #recent = new Map<PageId, number[]>();
  readonly #open = new Set<PageId>();

  constructor(options: CircuitBreakerOptions = {}) {
    const { threshold = 1, windowMs = 60_000 } = options;
    if (!Number.isInteger(threshold) || threshold < 1) {
      throw new RangeError(`threshold must be an integer of at least 1, got ${threshold}`);
    }
    if (Number.isNaN(windowMs) || windowMs < 0) {
      throw new RangeError(`windowMs must be a number of at least 0, got ${windowMs}`);
    }
    this.threshold = threshold;
    this.windowMs = windowMs;
  }

  /**
   * Records a crash of `page`'s WASM implementation at time `now` (ms, any monotonic clock) and
   * returns whether its breaker is open afterwards.
   *
   * @example
   * const breaker = new CircuitBreaker({ threshold: 2, windowMs: 1000 });
   * breaker.recordCrash('search', 0);    // false
   * breaker.recordCrash('search', 1000); // true (two crashes within 1000 ms)
   */
  recordCrash(page: PageId, now: number): boolean {
    if (!Number.isFinite(now)) throw new RangeError(`now must be a finite time in ms, got ${now}`);
    if (this.#open.has(page)) return true;
    // A crash time after `now` (a clock that went back) still counts: err on the side of legacy.
    const recent = (this.#recent.get(page) ?? []).filter((time) => now - time <= this.windowMs);
    recent.push(now);
    if (recent.length >= this.threshold) {
      this.#recent.delete(page);
      this.#open.add(page);
      return true;
    }
    this.#recent.set(page, recent);
    return false;
  }

  /**
   * Whether `page` falls back to legacy for the rest of the session.
   *
   * @example
   * breaker.isOpen('collections'); // false until it crashed `threshold` times within the window
   */
  isOpen(page: PageId): boolean {
    return this.#open.has(page);
  }

  /**
   * The pages whose breaker is open, as a snapshot (later crashes do not change it), ready to pass
   * as `chooseWorld`'s `brokenWasmPages`.
   *
   * @example
   * [...breaker.openPages()]; // ['collections']
   */
  openPages(): ReadonlySet<PageId> {
    return new Set(this.#open);
  }
}
