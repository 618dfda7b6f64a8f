import { describe, expect, it } from 'vitest';
import { CircuitBreaker, chooseWorld, REFERENCE_PLAN } from '../../../migration-plan/index.ts';

describe('CircuitBreaker, by default', () => {
  it('starts closed for every page', () => {
    const breaker = new CircuitBreaker();
    expect(breaker.isOpen('collections')).toBe(false);
    expect([...breaker.openPages()]).toEqual([]);
    expect(breaker.threshold).toBe(1);
  });

  it('opens on the first crash, for that page only', () => {
    const breaker = new CircuitBreaker();
    expect(breaker.recordCrash('collections', 1000)).toBe(true);
    expect(breaker.isOpen('collections')).toBe(true);
    expect(breaker.isOpen('profiles')).toBe(false);
    expect([...breaker.openPages()]).toEqual(['collections']);
  });

  it('stays open for the rest of the session, however much time passes', () => {
    const breaker = new CircuitBreaker();
    breaker.recordCrash('collections', 0);
    expect(breaker.isOpen('collections')).toBe(true);
    expect(breaker.recordCrash('collections', 1e12)).toBe(true);
    expect(breaker.isOpen('collections')).toBe(true);
  });

  it('gives a snapshot of the open pages that later crashes do not change', () => {
    const breaker = new CircuitBreaker();
    breaker.recordCrash('profiles', 0);
    const before = breaker.openPages();
    breaker.recordCrash('collections', 1);
    expect([...before]).toEqual(['profiles']);
    expect([...breaker.openPages()].sort()).toEqual(['collections', 'profiles']);
  });

  it('sends a crashed page back to legacy through chooseWorld', () => {
    const breaker = new CircuitBreaker();
    const choose = () =>
      chooseWorld(REFERENCE_PLAN, {
        route: 'collections',
        capabilities: { webAssembly: true },
        overrides: {},
        cohort: 0,
        brokenWasmPages: breaker.openPages(),
      });
    expect(choose()).toEqual({ world: 'wasm', reason: 'rollout' });
    breaker.recordCrash('collections', 5);
    expect(choose()).toEqual({ world: 'legacy', reason: 'breaker-open' });
  });
});

describe('CircuitBreaker with a threshold and a window', () => {
  it('opens after threshold crashes within the window (inclusive)', () => {
    const breaker = new CircuitBreaker({ threshold: 3, windowMs: 1000 });
    expect(breaker.recordCrash('search', 0)).toBe(false);
    expect(breaker.recordCrash('search', 500)).toBe(false);
    expect(breaker.isOpen('search')).toBe(false);
    expect(breaker.recordCrash('search', 1000)).toBe(true);
    expect(breaker.isOpen('search')).toBe(true);
  });

  it('forgets crashes older than the window', () => {
    const breaker = new CircuitBreaker({ threshold: 2, windowMs: 1000 });
    expect(breaker.recordCrash('search', 0)).toBe(false);
    expect(breaker.recordCrash('search', 1001)).toBe(false);
    expect(breaker.recordCrash('search', 2002)).toBe(false);
    expect(breaker.isOpen('search')).toBe(false);
    expect(breaker.recordCrash('search', 2500)).toBe(true);
  });

  it('counts each page on its own', () => {
    const breaker = new CircuitBreaker({ threshold: 2, windowMs: 1000 });
    breaker.recordCrash('search', 0);
    breaker.recordCrash('settings', 10);
    expect([...breaker.openPages()]).toEqual([]);
    breaker.recordCrash('settings', 20);
    expect([...breaker.openPages()]).toEqual(['settings']);
  });

  it('still counts a crash when the clock went back', () => {
    const breaker = new CircuitBreaker({ threshold: 2, windowMs: 1000 });
    breaker.recordCrash('search', 5000);
    expect(breaker.recordCrash('search', 100)).toBe(true);
  });

  it.each([
    [{ threshold: 0 }, 'threshold must be an integer of at least 1, got 0'],
    [{ threshold: 1.5 }, 'threshold must be an integer of at least 1, got 1.5'],
    [{ windowMs: -1 }, 'windowMs must be a number of at least 0, got -1'],
    [{ windowMs: Number.NaN }, 'windowMs must be a number of at least 0, got NaN'],
  ])('refuses the options %j', (options, message) => {
    expect(() => new CircuitBreaker(options)).toThrow(message);
  });

  it('refuses a crash time that is not a finite number', () => {
    const breaker = new CircuitBreaker();
    expect(() => breaker.recordCrash('search', Number.NaN)).toThrow(
      'now must be a finite time in ms, got NaN',
    );
    expect(breaker.isOpen('search')).toBe(false);
  });
});
