import type { TelemetryValue } from '../../bridge/api/telemetry.ts';
import type { StoredEvent } from './store.ts';

/** The stretch of one session's page clock a page was on screen, from one `page.served`. */
export interface ViewerInterval {
  /** The `page.served` event that started it. */
  readonly event: StoredEvent;
  readonly page: string;
  readonly world: string;
  /** The session key it belongs to (see sessionKey in summary.ts). */
  readonly session: string;
  /** Its start and end on the session's own page clock (`at`, ms). */
  readonly from: number;
  readonly until: number;
}

/**
 * The viewer time of `page.served` events, grouped by session: each page is on screen from its
 * `page.served` until the session's next one, the last until the session's last event. The page
 * clock of one session is one clock; sessions' clocks are never compared. The summary's
 * `viewerTimeMs` and the timeline both sum these, so the two always agree.
 *
 * @param servedBySession each session's `page.served` events that name a page and a world
 * @param lastAtBySession the latest `at` of each session (where its last page ends)
 * @example
 * viewerIntervals(new Map([['s1', [served('home', 'wasm', 0), served('details', 'legacy', 500)]]]), new Map([['s1', 800]]));
 * // [{ page: 'home', world: 'wasm', from: 0, until: 500, ... }, { page: 'details', world: 'legacy', from: 500, until: 800, ... }]
 */
export function viewerIntervals(
  servedBySession: ReadonlyMap<string, readonly StoredEvent[]>,
  lastAtBySession: ReadonlyMap<string, number>,
): ViewerInterval[] {
  const intervals: ViewerInterval[] = [];
  for (const [session, events] of servedBySession) {
    const served = [...events].sort((a, b) => a.at - b.at || a.id - b.id);
    const end = lastAtBySession.get(session);
    served.forEach((event, i) => {
      const until = served[i + 1]?.at ?? end ?? event.at;
      intervals.push({
        event,
        page: textField(event.data, 'page') ?? '',
        world: textField(event.data, 'world') ?? '',
        session,
        from: event.at,
        until: Math.max(event.at, until),
      });
    });
  }
  return intervals;
}

/** A non-empty string field of an event's data, else undefined. */
export function textField(data: Readonly<Record<string, TelemetryValue>>, field: string): string | undefined {
  const value = data[field];
  return typeof value === 'string' && value !== '' ? value : undefined;
}
