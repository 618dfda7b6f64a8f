import type { StoredEvent, TelemetryStore } from './store.ts';
import { textField, viewerIntervals } from './viewer-intervals.ts';

/**
 * The events the summary reads, and the data fields it reads from each. The host records all but
 * `input.latency` today (host/boot/app-host.ts); `release` may be on any event of a session.
 */
export const SUMMARY_EVENTS = {
  /** A page shown to the viewer: `page`, `world`, `reason`, `session` (its viewer time runs until the next). */
  served: 'page.served',
  /** A page crashed: `page`, `world`. */
  crashed: 'page.crashed',
  /** A page failed in a world and was served by React instead: `page`, `from` (the world that failed). */
  fallback: 'page.fallback',
  /** One key press, from input to the painted answer: `page`, `world`, `ms`. */
  latency: 'input.latency',
} as const;

/** Breaker changes that send a page's WASM version back to React (`breaker.<state>`). */
const BREAKER_TRIPS = new Set(['breaker.open', 'breaker.open-for-session']);

/** Input latency of one page × world × release, in milliseconds; null values without samples. */
export interface LatencySummary {
  readonly samples: number;
  readonly p50Ms: number | null;
  readonly p95Ms: number | null;
}

/** One page in one world in one release. */
export interface SummaryRow {
  readonly page: string;
  readonly world: string;
  /** The release a session ran (a `release` field on any of its events), "unknown" if none said. */
  readonly release: string;
  /** Sessions that were shown the page in this world. */
  readonly sessions: number;
  /** How many times it was shown. */
  readonly served: number;
  /**
   * Time it was on screen, summed over sessions: from each `page.served` to the session's next
   * one, the last until the session's last event.
   */
  readonly viewerTimeMs: number;
  readonly inputLatency: LatencySummary;
  readonly crashes: number;
  /** Times the page failed in this world and React served it instead. */
  readonly fallbacks: number;
  /** Times its circuit breaker opened (WASM only). */
  readonly breakerTrips: number;
}

export interface TelemetrySummary {
  /** When it was computed (the collector's clock, ms since the epoch). */
  readonly generatedAt: number;
  readonly totals: { readonly batches: number; readonly events: number; readonly sessions: number };
  /** Ordered by page, world, release. */
  readonly rows: readonly SummaryRow[];
  /** What the summary could not measure from the stored events, and why, in words. */
  readonly notes: readonly string[];
}

export interface SummaryInput {
  /** The stored events the summary reads (those of {@link SUMMARY_EVENT_NAMES}; others are ignored). */
  readonly events: readonly StoredEvent[];
  /** The latest `at` of each session key (see {@link sessionKey}). */
  readonly lastAtBySession: ReadonlyMap<string, number>;
  /** The release each session key named last, on any of its events (see TelemetryStore). */
  readonly releaseBySession: ReadonlyMap<string, string>;
  readonly batches: number;
  readonly totalEvents: number;
  readonly now: number;
}

/** Every event name the summary reads. */
export const SUMMARY_EVENT_NAMES: readonly string[] = [...Object.values(SUMMARY_EVENTS), ...BREAKER_TRIPS];

/** The session an event counts in: its own, else its batch stands for one (`batch:<id>`). */
export const sessionKey = (event: Pick<StoredEvent, 'session' | 'batch'>): string =>
  event.session ?? `batch:${event.batch}`;

interface Row {
  page: string;
  world: string;
  release: string;
  sessions: Set<string>;
  served: number;
  viewerTimeMs: number;
  latencies: number[];
  crashes: number;
  fallbacks: number;
  breakerTrips: number;
}

/**
 * Sums the stored events per page × world × release: sessions, viewer time, p50/p95 input latency
 * (nearest rank), crashes, fallbacks and breaker trips. Events that lack the field a row needs
 * are left out and counted in `notes`, never guessed.
 *
 * @example
 * summarize({ events, lastAtBySession, releaseBySession, batches: 1, totalEvents: 3, now: Date.now() });
 * // { rows: [{ page: 'home', world: 'wasm', release: 'unknown', sessions: 1, served: 1, viewerTimeMs: 5000, ... }], ... }
 */
export function summarize(input: SummaryInput): TelemetrySummary {
  const releaseOf = input.releaseBySession;
  const rows = new Map<string, Row>();
  const row = (page: string, world: string, event: StoredEvent): Row => {
    const release = textField(event.data, 'release') ?? releaseOf.get(sessionKey(event)) ?? 'unknown';
    const key = JSON.stringify([page, world, release]);
    let found = rows.get(key);
    if (found === undefined) {
      found = {
        page,
        world,
        release,
        sessions: new Set(),
        served: 0,
        viewerTimeMs: 0,
        latencies: [],
        crashes: 0,
        fallbacks: 0,
        breakerTrips: 0,
      };
      rows.set(key, found);
    }
    return found;
  };

  let incomplete = 0;
  let withoutSession = 0;
  let latencySamples = 0;
  const servedBySession = new Map<string, StoredEvent[]>();
  for (const event of input.events) {
    const page = textField(event.data, 'page');
    if (page === undefined) {
      if (SUMMARY_EVENT_NAMES.includes(event.name)) incomplete++;
      continue;
    }
    switch (event.name) {
      case SUMMARY_EVENTS.served: {
        const world = textField(event.data, 'world');
        if (world === undefined) {
          incomplete++;
          break;
        }
        if (event.session === null) withoutSession++;
        const served = row(page, world, event);
        served.served++;
        served.sessions.add(sessionKey(event));
        const list = servedBySession.get(sessionKey(event)) ?? [];
        list.push(event);
        servedBySession.set(sessionKey(event), list);
        break;
      }
      case SUMMARY_EVENTS.crashed: {
        const world = textField(event.data, 'world');
        if (world === undefined) incomplete++;
        else row(page, world, event).crashes++;
        break;
      }
      case SUMMARY_EVENTS.fallback: {
        const world = textField(event.data, 'from');
        if (world === undefined) incomplete++;
        else row(page, world, event).fallbacks++;
        break;
      }
      case SUMMARY_EVENTS.latency: {
        const world = textField(event.data, 'world');
        const ms = event.data['ms'];
        if (world === undefined || typeof ms !== 'number' || ms < 0) incomplete++;
        else {
          row(page, world, event).latencies.push(ms);
          latencySamples++;
        }
        break;
      }
      default:
        if (BREAKER_TRIPS.has(event.name)) row(page, 'wasm', event).breakerTrips++;
    }
  }

  // Viewer time: each page is on screen from its page.served until the session's next one.
  for (const interval of viewerIntervals(servedBySession, input.lastAtBySession))
    row(interval.page, interval.world, interval.event).viewerTimeMs += interval.until - interval.from;

  const notes: string[] = [];
  if (latencySamples === 0)
    notes.push(
      `no ${SUMMARY_EVENTS.latency} events (page, world, ms): input latency has no samples; the host does not record per-key latency yet`,
    );
  if (rows.size > 0 && [...rows.values()].every((r) => r.release === 'unknown'))
    notes.push('no event names a release: every row is release "unknown"');
  if (withoutSession > 0)
    notes.push(
      `${withoutSession} ${SUMMARY_EVENTS.served} events carry no session: each of their batches counts as a session`,
    );
  if (incomplete > 0)
    notes.push(`${incomplete} events lack the page, world or value they need and are not counted`);

  const allSessions = new Set<string>();
  for (const r of rows.values()) for (const s of r.sessions) allSessions.add(s);
  return {
    generatedAt: input.now,
    totals: { batches: input.batches, events: input.totalEvents, sessions: allSessions.size },
    rows: [...rows.values()]
      .sort((a, b) => compare(a.page, b.page) || compare(a.world, b.world) || compare(a.release, b.release))
      .map((r) => ({
        page: r.page,
        world: r.world,
        release: r.release,
        sessions: r.sessions.size,
        served: r.served,
        viewerTimeMs: r.viewerTimeMs,
        inputLatency: latencyOf(r.latencies),
        crashes: r.crashes,
        fallbacks: r.fallbacks,
        breakerTrips: r.breakerTrips,
      })),
    notes,
  };
}

/**
 * The nearest-rank percentile `p` (0–100) of `values`: the smallest value at least p% of them are
 * at or below. Undefined for no values.
 *
 * @example
 * percentile([10, 20, 30, 40], 50); // 20
 * percentile([10, 20, 30, 40], 95); // 40
 */
export function percentile(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

function latencyOf(values: readonly number[]): LatencySummary {
  return {
    samples: values.length,
    p50Ms: percentile(values, 50) ?? null,
    p95Ms: percentile(values, 95) ?? null,
  };
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The summary of everything `store` holds.
 *
 * @example
 * summarizeStore(store, Date.now()).rows; // [{ page: 'home', world: 'wasm', ... }]
 */
export function summarizeStore(store: TelemetryStore, now: number): TelemetrySummary {
  const counts = store.counts();
  return summarize({
    events: store.events({ names: SUMMARY_EVENT_NAMES, limit: Number.POSITIVE_INFINITY }),
    lastAtBySession: store.lastAtBySession(),
    releaseBySession: store.releaseBySession(),
    batches: counts.batches,
    totalEvents: counts.events,
    now,
  });
}
