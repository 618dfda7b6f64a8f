export interface RateLimitOptions {
  /** Batches a client may send at once after a quiet spell (default 20). */
  readonly burst?: number;
  /** Batches per second a client may keep sending (default 2; the app sends one per 5 s). */
  readonly perSecond?: number;
  /** Clients remembered at most; the longest idle are forgotten first (default 10,000). */
  readonly maxClients?: number;
}

/** Whether a client may send now, and if not, in how many seconds it may. */
export type RateDecision = { readonly ok: true } | { readonly ok: false; readonly retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * A token bucket per client: each batch takes a token, tokens come back at `perSecond` up to
 * `burst`. A device in a loop is refused (429) while every other keeps sending; it never makes
 * the collector drop or slow what others sent. Time comes from the caller, so tests move it.
 *
 * @example
 * const limit = new RateLimiter({ burst: 2, perSecond: 1 });
 * limit.take('10.0.0.7', 0); // { ok: true }
 * limit.take('10.0.0.7', 0); // { ok: true }
 * limit.take('10.0.0.7', 0); // { ok: false, retryAfterSeconds: 1 }
 */
export class RateLimiter {
  private readonly burst: number;
  private readonly perSecond: number;
  private readonly maxClients: number;
  private readonly buckets = new Map<string, Bucket>();

  constructor(options: RateLimitOptions = {}) {
    this.burst = options.burst ?? 20;
    this.perSecond = options.perSecond ?? 2;
    this.maxClients = options.maxClients ?? 10_000;
    if (!(this.burst >= 1) || !(this.perSecond > 0) || !(this.maxClients >= 1))
      throw new RangeError(
        `rate limit needs burst ≥ 1, perSecond > 0 and maxClients ≥ 1; got ${this.burst}, ${this.perSecond}, ${this.maxClients}`,
      );
  }

  /** Takes one token of `client`'s bucket at `nowMs` (ms, any clock that does not go back). */
  take(client: string, nowMs: number): RateDecision {
    const bucket = this.buckets.get(client) ?? { tokens: this.burst, at: nowMs };
    const elapsed = Math.max(0, nowMs - bucket.at) / 1000;
    bucket.tokens = Math.min(this.burst, bucket.tokens + elapsed * this.perSecond);
    bucket.at = nowMs;
    // Re-inserted on every request, so the map's first entry is the longest idle client.
    this.buckets.delete(client);
    this.buckets.set(client, bucket);
    if (this.buckets.size > this.maxClients) {
      const idlest = this.buckets.keys().next().value;
      if (idlest !== undefined) this.buckets.delete(idlest);
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: Math.ceil((1 - bucket.tokens) / this.perSecond) };
  }
}
