import {
  array,
  describeValue,
  type Infer,
  number,
  object,
  optional,
  record,
  type Schema,
  string,
} from '../schema.ts';

/** The most events one POST may carry: clients batch, and a runaway loop must not fill the backend. */
export const TELEMETRY_BATCH_LIMIT = 500;

/** A telemetry data value: flat scalars only, so every sink can store them as columns. */
export type TelemetryValue = string | number | boolean;

const TelemetryValueSchema: Schema<TelemetryValue> = {
  expected: 'a string, finite number or boolean',
  check(input, path = '') {
    if (typeof input === 'string' || typeof input === 'boolean') return { ok: true, value: input };
    if (typeof input === 'number' && Number.isFinite(input)) return { ok: true, value: input };
    return {
      ok: false,
      issue: { path, message: `expected a string, finite number or boolean, got ${describeValue(input)}` },
    };
  },
};

export const TelemetryEventSchema = object({
  /** What happened, e.g. "page.shown" or "playback.start". */
  name: string({ minLength: 1, maxLength: 100 }),
  /** When it happened, in milliseconds (epoch or page clock: the sender decides, consistently). */
  at: number({ min: 0 }),
  data: optional(record(TelemetryValueSchema, { maxEntries: 32 })),
});
export type TelemetryEvent = Infer<typeof TelemetryEventSchema>;

/** POST /api/telemetry body; the answer is 204 No Content. */
export const TelemetryBatchSchema = object({
  events: array(TelemetryEventSchema, { maxLength: TELEMETRY_BATCH_LIMIT }),
});
export type TelemetryBatch = Infer<typeof TelemetryBatchSchema>;
