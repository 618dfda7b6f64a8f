import { describe, expect, it } from 'vitest';
import type { TelemetryValue } from '../../../../bridge/api/telemetry.ts';
import type { StoredEvent } from '../../../../host/telemetry-collector/store.ts';
import { percentile, sessionKey, summarize } from '../../../../host/telemetry-collector/summary.ts';

let nextId = 1;
/** A stored event as the store reads it back (batch 1 and session s1 unless said). */
function event(
  name: string,
  at: number,
  data: Record<string, TelemetryValue>,
  where: { session?: string | null; batch?: number } = {},
): StoredEvent {
  const session = where.session === undefined ? 's1' : where.session;
  return { id: nextId++, batch: where.batch ?? 1, receivedAt: 0, client: 'c', session, name, at, data };
}

const servedAt = (page: string, world: string, at: number, session: string | null = 's1', batch = 1) =>
  event('page.served', at, { page, world, reason: 'default' }, { session, batch });

/** Input for summarize: the session ends are the latest `at` per session, as the store computes them. */
function input(events: StoredEvent[], releases: Record<string, string> = {}) {
  const lastAtBySession = new Map<string, number>();
  for (const e of events)
    lastAtBySession.set(sessionKey(e), Math.max(lastAtBySession.get(sessionKey(e)) ?? 0, e.at));
  return {
    events,
    lastAtBySession,
    releaseBySession: new Map(Object.entries(releases)),
    batches: 3,
    totalEvents: events.length,
    now: 42,
  };
}

const row = (summary: ReturnType<typeof summarize>, page: string, world: string, release = 'unknown') =>
  summary.rows.find((r) => r.page === page && r.world === world && r.release === release);

describe('summarize', () => {
  it('gives each page its viewer time until the next page of the same session, the last until the session ends', () => {
    const summary = summarize(
      input([
        servedAt('profiles', 'wasm', 100),
        servedAt('collections', 'wasm', 1_100),
        servedAt('details', 'legacy', 4_100),
        event('wasm.slow', 9_100, { call: 'event' }),
        // Another session on another clock: its times are never compared with s1's.
        servedAt('collections', 'wasm', 50, 's2'),
        servedAt('profiles', 'wasm', 250, 's2'),
      ]),
    );
    expect(row(summary, 'profiles', 'wasm')).toMatchObject({
      sessions: 2,
      served: 2,
      viewerTimeMs: 1_000 + 0,
    });
    expect(row(summary, 'collections', 'wasm')).toMatchObject({
      sessions: 2,
      served: 2,
      viewerTimeMs: 3_000 + 200,
    });
    expect(row(summary, 'details', 'legacy')).toMatchObject({ sessions: 1, served: 1, viewerTimeMs: 5_000 });
    expect(summary.totals).toEqual({ batches: 3, events: 6, sessions: 2 });
    expect(summary.generatedAt).toBe(42);
  });

  it('orders served events by their time within a session, whatever order they were stored in', () => {
    const summary = summarize(
      input([servedAt('b', 'wasm', 300), servedAt('a', 'wasm', 100), servedAt('c', 'wasm', 600)]),
    );
    expect(summary.rows.map((r) => [r.page, r.viewerTimeMs])).toEqual([
      ['a', 200],
      ['b', 300],
      ['c', 0],
    ]);
  });

  it('counts crashes and breaker trips in the world they happened, fallbacks in the world that failed', () => {
    const summary = summarize(
      input([
        servedAt('profiles', 'legacy', 0),
        event('page.crashed', 1, { page: 'profiles', world: 'wasm', phase: 'mount', message: 'abort' }),
        event('page.crashed', 2, { page: 'profiles', world: 'wasm', phase: 'event', message: 'trap' }),
        event('page.fallback', 3, { page: 'profiles', from: 'wasm', reason: 'abort' }),
        event('breaker.open', 4, { page: 'profiles', from: 'closed', crashes: 1 }),
        event('breaker.half-open', 5, { page: 'profiles', from: 'open', crashes: 1 }),
        event('breaker.open-for-session', 6, { page: 'profiles', from: 'half-open', crashes: 3 }),
      ]),
    );
    expect(row(summary, 'profiles', 'wasm')).toMatchObject({
      served: 0,
      sessions: 0,
      crashes: 2,
      fallbacks: 1,
      breakerTrips: 2,
    });
    expect(row(summary, 'profiles', 'legacy')).toMatchObject({ served: 1, crashes: 0, fallbacks: 0 });
  });

  it('gives p50 and p95 input latency per page and world, and says when there are no samples', () => {
    const latencies = Array.from({ length: 20 }, (_, i) =>
      event('input.latency', i, { page: 'home', world: 'wasm', ms: i + 1 }),
    );
    const summary = summarize(
      input([servedAt('home', 'wasm', 0), ...latencies, servedAt('home', 'legacy', 0, 's2')]),
    );
    expect(row(summary, 'home', 'wasm')?.inputLatency).toEqual({ samples: 20, p50Ms: 10, p95Ms: 19 });
    expect(row(summary, 'home', 'legacy')?.inputLatency).toEqual({ samples: 0, p50Ms: null, p95Ms: null });
    expect(summary.notes.some((note) => note.includes('input.latency'))).toBe(false);

    const none = summarize(input([servedAt('home', 'wasm', 0)]));
    expect(none.notes).toContain(
      'no input.latency events (page, world, ms): input latency has no samples; the host does not record per-key latency yet',
    );
  });

  it('splits rows by release: an event names its own, else its session named one, else "unknown"', () => {
    const summary = summarize(
      input(
        [
          servedAt('home', 'wasm', 0, 'old'),
          servedAt('home', 'wasm', 0, 'new'),
          event('page.served', 10, { page: 'home', world: 'wasm', release: 'r9' }, { session: 'new' }),
          servedAt('home', 'wasm', 0, 'anonymous'),
        ],
        { old: 'r1', new: 'r2' },
      ),
    );
    expect(summary.rows.map((r) => [r.release, r.sessions, r.served])).toEqual([
      ['r1', 1, 1],
      ['r2', 1, 1],
      ['r9', 1, 1],
      ['unknown', 1, 1],
    ]);
    expect(summary.notes.some((note) => note.includes('release'))).toBe(false);
    expect(summarize(input([servedAt('home', 'wasm', 0)])).notes).toContain(
      'no event names a release: every row is release "unknown"',
    );
  });

  it('counts a batch without a session as a session of its own, and says so', () => {
    const summary = summarize(
      input([
        servedAt('home', 'wasm', 0, null, 7),
        servedAt('home', 'wasm', 0, null, 8),
        servedAt('home', 'wasm', 500, null, 8),
      ]),
    );
    expect(row(summary, 'home', 'wasm')).toMatchObject({ sessions: 2, served: 3, viewerTimeMs: 500 });
    expect(summary.notes).toContain(
      '3 page.served events carry no session: each of their batches counts as a session',
    );
  });

  it('leaves out events without the page, world or value they need, and counts them', () => {
    const summary = summarize(
      input([
        event('page.served', 0, { world: 'wasm' }),
        event('page.served', 0, { page: 'home' }),
        event('page.crashed', 0, { page: 'home', phase: 'mount' }),
        event('page.fallback', 0, { page: 'home' }),
        event('input.latency', 0, { page: 'home', world: 'wasm', ms: 'fast' }),
        event('input.latency', 0, { page: 'home', world: 'wasm', ms: -1 }),
        event('something.else', 0, {}),
      ]),
    );
    expect(summary.rows).toEqual([]);
    expect(summary.notes).toContain('6 events lack the page, world or value they need and are not counted');
  });
});

describe('percentile (nearest rank)', () => {
  it('is the smallest value at least p% of the values are at or below', () => {
    expect(percentile([40, 10, 30, 20], 50)).toBe(20);
    expect(percentile([40, 10, 30, 20], 95)).toBe(40);
    expect(percentile([7], 50)).toBe(7);
    expect(percentile([1, 2, 3], 0)).toBe(1);
    expect(percentile([], 50)).toBeUndefined();
  });
});
