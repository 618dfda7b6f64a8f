// What the dashboard reads from the network (or the static page's embedded data) is `unknown`
// until it passes these: /dashboard/coverage.json, the collector's /summary and /timeline.
// Each schema is checked against the type its producer declares (the `satisfies` lines), so the
// two cannot drift apart without a type error.
import { array, boolean, type Infer, nullable, number, object, oneOf, string } from '../../bridge/schema.ts';
import { WorldIdSchema } from '../../bridge/worlds.ts';
import type { TelemetrySummary } from '../telemetry-collector/summary.ts';
import type { TelemetryTimeline } from '../telemetry-collector/timeline.ts';
import type { DashboardCoverage } from './dashboard-coverage.ts';

const count = number({ min: 0, integer: true });
const ms = number({ min: 0 });
const share = nullable(number({ min: 0, max: 1 }));

export const DashboardCoverageSchema = object({
  pages: array(
    object({
      page: string({ minLength: 1 }),
      worlds: array(WorldIdSchema),
      defaultWorld: WorldIdSchema,
      status: string(),
      wasmPercent: number({ min: 0, max: 100 }),
      owner: nullable(string()),
      usageWeight: number({ min: 0 }),
      usageShare: share,
      parity: string(),
      knownGaps: array(string()),
      portDone: boolean(),
    }),
  ),
  summary: string(),
  ports: string(),
  wasmUsageShare: share,
  next: object({
    kind: oneOf(['port', 'roll-out', 'fix-parity', 'done']),
    page: nullable(string()),
    why: string(),
  }),
  parityKnown: boolean(),
});

export const TelemetrySummarySchema = object({
  generatedAt: number(),
  totals: object({ batches: count, events: count, sessions: count }),
  rows: array(
    object({
      page: string(),
      world: string(),
      release: string(),
      sessions: count,
      served: count,
      viewerTimeMs: ms,
      inputLatency: object({ samples: count, p50Ms: nullable(ms), p95Ms: nullable(ms) }),
      crashes: count,
      fallbacks: count,
      breakerTrips: count,
    }),
  ),
  notes: array(string()),
});

export const TelemetryTimelineSchema = object({
  generatedAt: number(),
  bucketMs: number({ min: 1 }),
  buckets: array(object({ start: number(), wasmMs: ms, totalMs: ms, wasmShare: share })),
  notes: array(string()),
});

// The producers' types must be what the schemas accept, and the other way round.
({}) as Infer<typeof DashboardCoverageSchema> satisfies DashboardCoverage;
({}) as DashboardCoverage satisfies Infer<typeof DashboardCoverageSchema>;
({}) as Infer<typeof TelemetrySummarySchema> satisfies TelemetrySummary;
({}) as TelemetrySummary satisfies Infer<typeof TelemetrySummarySchema>;
({}) as Infer<typeof TelemetryTimelineSchema> satisfies TelemetryTimeline;
({}) as TelemetryTimeline satisfies Infer<typeof TelemetryTimelineSchema>;

/** Everything one dashboard render shows; telemetry is null when there is none (and `telemetryNote` says why). */
export interface DashboardData {
  readonly coverage: DashboardCoverage;
  readonly summary: TelemetrySummary | null;
  readonly timeline: TelemetryTimeline | null;
  readonly telemetryNote: string | null;
}

/** The static page's embedded data (see static-html.ts): one {@link DashboardData}. */
export const DashboardDataSchema = object({
  coverage: DashboardCoverageSchema,
  summary: nullable(TelemetrySummarySchema),
  timeline: nullable(TelemetryTimelineSchema),
  telemetryNote: nullable(string()),
});
({}) as Infer<typeof DashboardDataSchema> satisfies DashboardData;
