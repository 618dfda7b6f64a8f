import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../../host/telemetry-collector/rate-limit.ts';

describe('RateLimiter', () => {
  it('lets a client send a burst, then one batch per refill, and says when to come back', () => {
    const limit = new RateLimiter({ burst: 3, perSecond: 0.5 });
    expect([0, 0, 0].map((at) => limit.take('tv', at).ok)).toEqual([true, true, true]);
    expect(limit.take('tv', 0)).toEqual({ ok: false, retryAfterSeconds: 2 });
    expect(limit.take('tv', 1_000)).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(limit.take('tv', 2_000)).toEqual({ ok: true });
    expect(limit.take('tv', 2_000).ok).toBe(false);
  });

  it('never refills past the burst, however long a client was quiet', () => {
    const limit = new RateLimiter({ burst: 2, perSecond: 1 });
    limit.take('tv', 0);
    const later = [0, 0, 0].map(() => limit.take('tv', 3_600_000).ok);
    expect(later).toEqual([true, true, false]);
  });

  it('keeps one bucket per client: a flooding device does not hold back another', () => {
    const limit = new RateLimiter({ burst: 1, perSecond: 1 });
    expect(limit.take('flood', 0).ok).toBe(true);
    expect(limit.take('flood', 0).ok).toBe(false);
    expect(limit.take('quiet', 0).ok).toBe(true);
  });

  it('forgets the longest idle client first when it remembers too many', () => {
    const limit = new RateLimiter({ burst: 1, perSecond: 0.001, maxClients: 2 });
    limit.take('a', 0);
    limit.take('b', 1);
    limit.take('a', 2); // refused, but a is now the most recent
    limit.take('c', 3); // b, the idlest, is forgotten: it starts again with a full bucket
    expect(limit.take('b', 4).ok).toBe(true);
    // c, remembered, is still out of tokens.
    expect(limit.take('c', 5).ok).toBe(false);
  });

  it('refuses settings that would let nothing through', () => {
    expect(() => new RateLimiter({ burst: 0 })).toThrow(/burst ≥ 1/);
    expect(() => new RateLimiter({ perSecond: 0 })).toThrow(/perSecond > 0/);
  });
});
