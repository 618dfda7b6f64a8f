import { existsSync } from 'node:fs';
import { parse } from '../../bridge/schema.ts';
import { DatabaseInUseError } from '../telemetry-collector/db-owner.ts';
import { COLLECTOR_PATHS } from '../telemetry-collector/server.ts';
import { TelemetryStore } from '../telemetry-collector/store.ts';
import { summarizeStore, type TelemetrySummary } from '../telemetry-collector/summary.ts';
import { type TelemetryTimeline, timelineOfStore } from '../telemetry-collector/timeline.ts';
import { TelemetrySummarySchema, TelemetryTimelineSchema } from './dashboard-schemas.ts';

/** Telemetry for the static dashboard: both halves, or neither with `note` saying why. */
export type ReadTelemetry =
  | { readonly summary: TelemetrySummary; readonly timeline: TelemetryTimeline; readonly note: null }
  | { readonly summary: null; readonly timeline: null; readonly note: string };

export interface ReadTelemetryOptions {
  /** A collector's base URL ("http://127.0.0.1:5180"): read from it rather than a file. */
  readonly collectorUrl?: string;
  /** The database file, read when no URL is given. */
  readonly dbPath: string;
  readonly now?: number;
}

/**
 * The telemetry summary and timeline `npm run coverage -- --html` embeds: from the collector at
 * `collectorUrl`, else from the database file; a file held by a running collector (`npm start`)
 * is read through that collector, since one process holds a file at a time. No telemetry is not
 * an error: the note says what was missing.
 *
 * @example
 * const telemetry = await readTelemetry({ dbPath: 'dist/telemetry/telemetry.sqlite' });
 * telemetry.note ?? `${telemetry.summary.totals.sessions} sessions`;
 */
export async function readTelemetry(options: ReadTelemetryOptions): Promise<ReadTelemetry> {
  if (options.collectorUrl !== undefined) return fromCollector(options.collectorUrl);
  if (!existsSync(options.dbPath))
    return none(
      `no telemetry database at ${options.dbPath} (npm start or npm run telemetry collects one; --db or --collector names another)`,
    );
  let store: TelemetryStore;
  try {
    store = TelemetryStore.open(options.dbPath);
  } catch (error) {
    if (error instanceof DatabaseInUseError && error.owner.url !== undefined)
      return fromCollector(error.owner.url);
    return none(
      `could not read ${options.dbPath}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  try {
    const now = options.now ?? Date.now();
    return { summary: summarizeStore(store, now), timeline: timelineOfStore(store, now), note: null };
  } finally {
    store.close();
  }
}

async function fromCollector(base: string): Promise<ReadTelemetry> {
  const url = (path: string) => `${base.replace(/\/$/, '')}${path}`;
  try {
    const [summary, timeline] = await Promise.all(
      [COLLECTOR_PATHS.summary, COLLECTOR_PATHS.timeline].map(async (path) => {
        const response = await fetch(url(path));
        if (!response.ok) throw new Error(`${url(path)} answered ${response.status}`);
        return (await response.json()) as unknown;
      }),
    );
    return {
      summary: parse(TelemetrySummarySchema, summary, url(COLLECTOR_PATHS.summary)),
      timeline: parse(TelemetryTimelineSchema, timeline, url(COLLECTOR_PATHS.timeline)),
      note: null,
    };
  } catch (error) {
    return none(
      `the collector at ${base} did not answer: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

const none = (note: string): ReadTelemetry => ({ summary: null, timeline: null, note });
