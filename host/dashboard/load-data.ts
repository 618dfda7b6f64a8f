import { parse } from '../../bridge/schema.ts';
import {
  DashboardCoverageSchema,
  type DashboardData,
  DashboardDataSchema,
  TelemetrySummarySchema,
  TelemetryTimelineSchema,
} from './dashboard-schemas.ts';

/** Where the live dashboard reads, relative to its page (/dashboard/) and its origin. */
export const DASHBOARD_SOURCES = {
  /** The plan and parity (served by host/app/dashboard-plugin.ts). */
  coverage: './coverage.json',
  /** The collector, behind the app's own origin (host/app/telemetry-collector-plugin.ts). */
  summary: '/telemetry/summary',
  timeline: '/telemetry/timeline',
} as const;

/** The id of the `<script type="application/json">` the static page embeds its data in. */
export const EMBEDDED_DATA_ID = 'dashboard-data';

type Fetch = (url: string) => Promise<Response>;

/**
 * Fetches the live dashboard's data. The plan's half must load (it throws, naming the URL and
 * what was wrong); telemetry that cannot be had is `null` with `telemetryNote` saying why, so the
 * plan is still shown without a collector.
 *
 * @example
 * const data = await fetchDashboardData(fetch);
 * data.summary?.totals.sessions; // 3
 */
export async function fetchDashboardData(fetcher: Fetch): Promise<DashboardData> {
  const coverage = parse(
    DashboardCoverageSchema,
    await json(fetcher, DASHBOARD_SOURCES.coverage),
    DASHBOARD_SOURCES.coverage,
  );
  try {
    const [summary, timeline] = await Promise.all([
      json(fetcher, DASHBOARD_SOURCES.summary),
      json(fetcher, DASHBOARD_SOURCES.timeline),
    ]);
    return {
      coverage,
      summary: parse(TelemetrySummarySchema, summary, DASHBOARD_SOURCES.summary),
      timeline: parse(TelemetryTimelineSchema, timeline, DASHBOARD_SOURCES.timeline),
      telemetryNote: null,
    };
  } catch (error) {
    return {
      coverage,
      summary: null,
      timeline: null,
      telemetryNote: error instanceof Error ? error.message : String(error),
    };
  }
}

/**
 * The static page's data, from the text of its embedded JSON script.
 *
 * @example
 * embeddedDashboardData(document.getElementById(EMBEDDED_DATA_ID)?.textContent ?? '');
 */
export function embeddedDashboardData(text: string): DashboardData {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    throw new Error(
      `the page's embedded dashboard data is not JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return parse(DashboardDataSchema, input, 'the embedded dashboard data');
}

async function json(fetcher: Fetch, url: string): Promise<unknown> {
  const response = await fetcher(url);
  if (!response.ok) {
    const text = (await response.text()).slice(0, 300);
    throw new Error(`${url} answered ${response.status}${text === '' ? '' : `: ${text}`}`);
  }
  try {
    return await response.json();
  } catch {
    throw new Error(`${url} did not answer JSON`);
  }
}
