import { API_METHODS } from '../api/endpoints.ts';
import { type Infer, literal, number, object, oneOf, optional, string } from '../schema.ts';
import { ValueSchema } from '../value-codec/value-schema.ts';
import { LOG_LEVELS } from '../wasm-abi.ts';
import { EntryKeySchema, RouteSchema } from './history.ts';

// World → host messages about one mounted page, named by its route (`page`) and by the history
// entry key it is mounted under (`key`): the host answers or attributes them per mounted page.
// The WASM world sends them for what its pages emit (wasm-abi.ts PageMessageSchema) and write.

/**
 * Send `method` (GET when absent, as from every ABI v1 page) to `path` with `body` (a write's,
 * absent when none) for the page mounted under `key`, answered with a `data` event of the same
 * `requestId`. Only the shape is checked here; which endpoint the path names for that method (and
 * whether it names one at all), and whether the body is what it takes, is the host's data-request
 * code's to decide, against bridge/api (parseApiRequest).
 */
export const DataRequestMessageSchema = object({
  type: literal('data.request'),
  page: RouteSchema,
  key: EntryKeySchema,
  requestId: number({ integer: true, min: 0, max: 0xffff_ffff }),
  method: optional(oneOf(API_METHODS)),
  path: string({ minLength: 1, maxLength: 2048 }),
  body: optional(ValueSchema),
});
export type DataRequestMessage = Infer<typeof DataRequestMessageSchema>;

/**
 * A log line of a page: sent with the SDK's `log` ('page', at most 8192 characters as the ABI
 * allows) or written to stdout ('stdout', one line; longer than 64 KiB is refused).
 */
export const PageLogMessageSchema = object({
  type: literal('log'),
  page: RouteSchema,
  key: EntryKeySchema,
  level: oneOf(LOG_LEVELS),
  message: string({ maxLength: 65_536 }),
  source: oneOf(['page', 'stdout']),
});
export type PageLogMessage = Infer<typeof PageLogMessageSchema>;

/** A measurement a page sent, for telemetry: a finite number under a short name. */
export const PageMetricMessageSchema = object({
  type: literal('metric'),
  page: RouteSchema,
  key: EntryKeySchema,
  name: string({ minLength: 1, maxLength: 128 }),
  value: number(),
});
export type PageMetricMessage = Infer<typeof PageMetricMessageSchema>;
