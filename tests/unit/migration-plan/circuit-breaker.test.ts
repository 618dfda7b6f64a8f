import { describe, expect, it } from 'vitest';
import {
  type BreakerChange,
  CircuitBreaker,
  type CircuitBreakerOptions,
  chooseWorld,
  REFERENCE_PLAN,
} from '../../../migration-plan/index.ts';

/** A breaker whose reported changes are collected as `page: from → to @ at`. */
function observed(options: CircuitBreakerOptions = {}) {
  const changes: BreakerChange[] = [];
  const breaker = new CircuitBreaker({ ...options, onChange: (change) => changes.push(change) });
  const log = () => changes.map((c) => `${c.page}: ${c.from} → ${c.to} @ ${c.at}`);
  return { breaker, changes, log };
}

describe('CircuitBreaker, by default', () => {
  it('starts closed for every page, with a 30 s backoff and three crashes per session', () => {
    const breaker = new CircuitBreaker();
    expect(breaker.isOpen('collections', 0)).toBe(false);
    expect(breaker.stateOf('collections')).toBe('closed');
    expect([...breaker.openPages(0)]).toEqual([]);
    expect(breaker.backoffMs).toBe(30_000);
    expect(breaker.maxCrashes).toBe(3);
  });

  it('opens a page on its first crash, for that page only, until the backoff has passed', () => {
    const { breaker, log } = observed();
    expect(breaker.recordCrash('collections', 1000)).toBe('open');
    expect(breaker.isOpen('collections', 1000)).toBe(true);
    expect(breaker.isOpen('collections', 30_999)).toBe(true);
    expect(breaker.isOpen('profiles', 1000)).toBe(false);
    expect([...breaker.openPages(2000)]).toEqual(['collections']);
    expect(log()).toEqual(['collections: closed → open @ 1000']);
  });

  it('goes half-open once the backoff has passed, and a WASM page that comes up closes it', () => {
    const { breaker, log, changes } = observed();
    breaker.recordCrash('collections', 1000);
    expect(changes[0]?.retryAt).toBe(31_000);
    expect(breaker.isOpen('collections', 31_000)).toBe(false);
    expect(breaker.stateOf('collections')).toBe('half-open');
    expect([...breaker.openPages(31_000)]).toEqual([]);
    expect(breaker.recordSuccess('collections', 31_500)).toBe('closed');
    expect(log()).toEqual([
      'collections: closed → open @ 1000',
      'collections: open → half-open @ 31000',
      'collections: half-open → closed @ 31500',
    ]);
  });

  it('doubles the backoff per further crash and stays open for the session at the third', () => {
    const { breaker, changes, log } = observed();
    breaker.recordCrash('search', 0); // open until 30 s
    expect(breaker.isOpen('search', 30_000)).toBe(false); // half-open: tried again
    expect(breaker.recordCrash('search', 30_100)).toBe('open'); // the retry crashed: 60 s
    expect(changes.at(-1)?.retryAt).toBe(90_100);
    expect(breaker.isOpen('search', 90_099)).toBe(true);
    expect(breaker.isOpen('search', 90_100)).toBe(false);
    breaker.recordSuccess('search', 90_200); // healed for a while
    expect(breaker.recordCrash('search', 500_000)).toBe('open-for-session');
    expect(breaker.isOpen('search', 1e12)).toBe(true);
    expect(changes.at(-1)).toEqual({
      page: 'search',
      from: 'closed',
      to: 'open-for-session',
      crashes: 3,
      retryAt: null,
      at: 500_000,
    });
    expect(log()).toHaveLength(6); // open, half-open, open, half-open, closed, open-for-session
  });

  it('does not heal before it is asked: the move to half-open happens on the first look after the backoff', () => {
    const { breaker, log } = observed();
    breaker.recordCrash('profiles', 0);
    expect(breaker.stateOf('profiles')).toBe('open'); // no clock given: as last recorded
    expect(breaker.isOpen('profiles')).toBe(true);
    expect(log()).toEqual(['profiles: closed → open @ 0']);
    expect(breaker.stateOf('profiles', 100_000)).toBe('half-open');
  });

  it('ignores a success outside half-open', () => {
    const { breaker, log } = observed();
    expect(breaker.recordSuccess('profiles', 0)).toBe('closed');
    breaker.recordCrash('profiles', 0);
    expect(breaker.recordSuccess('profiles', 10)).toBe('open');
    expect(log()).toEqual(['profiles: closed → open @ 0']);
  });

  it('sends a crashed page to legacy through chooseWorld, and back to WASM after the backoff', () => {
    const breaker = new CircuitBreaker();
    const choose = (now: number) =>
      chooseWorld(REFERENCE_PLAN, {
        route: 'collections',
        capabilities: { webAssembly: true },
        overrides: {},
        cohort: 0,
        brokenWasmPages: breaker.openPages(now),
      });
    expect(choose(0)).toEqual({ world: 'wasm', reason: 'rollout' });
    breaker.recordCrash('collections', 5);
    expect(choose(10)).toEqual({ world: 'legacy', reason: 'breaker-open' });
    expect(choose(30_005)).toEqual({ world: 'wasm', reason: 'rollout' });
  });
});

describe('CircuitBreaker options', () => {
  it('takes the backoff and the crashes per session', () => {
    const { breaker } = observed({ backoffMs: 100, maxCrashes: 1 });
    expect(breaker.recordCrash('search', 0)).toBe('open-for-session');
    const other = new CircuitBreaker({ backoffMs: 100, maxCrashes: 5 });
    other.recordCrash('search', 0);
    expect(other.isOpen('search', 99)).toBe(true);
    expect(other.isOpen('search', 100)).toBe(false);
  });

  it.each<[CircuitBreakerOptions, RegExp]>([
    [{ maxCrashes: 0 }, /maxCrashes must be an integer of at least 1, got 0/],
    [{ maxCrashes: 1.5 }, /maxCrashes must be an integer of at least 1, got 1.5/],
    [{ backoffMs: -1 }, /backoffMs must be a finite number of at least 0, got -1/],
    [{ backoffMs: Number.POSITIVE_INFINITY }, /backoffMs must be a finite number/],
  ])('refuses %o', (options, message) => {
    expect(() => new CircuitBreaker(options)).toThrow(message);
  });

  it('refuses a time that is not a finite number and records nothing', () => {
    const { breaker, log } = observed();
    expect(() => breaker.recordCrash('search', Number.NaN)).toThrow(
      'now must be a finite time in ms, got NaN',
    );
    expect(breaker.isOpen('search', 0)).toBe(false);
    expect(log()).toEqual([]);
  });
});
