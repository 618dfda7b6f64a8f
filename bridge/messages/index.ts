import { type Infer, taggedUnion } from '../schema.ts';
import { ArrowEventSchema, BlurEventSchema, FocusEventSchema, SelectEventSchema } from './focus-events.ts';
import { HistorySyncSchema } from './history.ts';
import { HelloMessageSchema, PageCrashedSchema } from './lifecycle.ts';
import { BackRequestSchema, NavigateRequestSchema, ReplaceRequestSchema } from './navigation.ts';
import { DataRequestMessageSchema, PageLogMessageSchema, PageMetricMessageSchema } from './page-reports.ts';
import { SceneBatchMessageSchema, SceneOpsMessageSchema } from './scene-batch.ts';

export * from './page-reports.ts';
export * from './world-results.ts';

/** Everything a world may send to the host. Validate with `WorldToHostMessageSchema.check`. */
export const WorldToHostMessageSchema = taggedUnion('type', {
  hello: HelloMessageSchema,
  'scene.batch': SceneBatchMessageSchema,
  'scene.ops': SceneOpsMessageSchema,
  navigate: NavigateRequestSchema,
  replace: ReplaceRequestSchema,
  back: BackRequestSchema,
  crashed: PageCrashedSchema,
  'data.request': DataRequestMessageSchema,
  log: PageLogMessageSchema,
  metric: PageMetricMessageSchema,
});
export type WorldToHostMessage = Infer<typeof WorldToHostMessageSchema>;

/**
 * What the WASM world's worker may send the host: its scene batches (encoded, transferred),
 * navigation requests, crashes, and its pages' data requests, logs and metrics. Not `hello` (an
 * RPC result there: WasmWorldHelloSchema) nor `scene.ops` (the React world's, on the host's own
 * thread). The host checks every message with it where it enters (host/boot/wasm-world-client.ts).
 *
 * @example
 * const checked = WasmWorldMessageSchema.check(message);
 * if (!checked.ok) console.error(`dropped ${describeIssue(checked.issue)}`); // "at .message: expected a string, got 3"
 */
export const WasmWorldMessageSchema = taggedUnion('type', {
  'scene.batch': SceneBatchMessageSchema,
  navigate: NavigateRequestSchema,
  replace: ReplaceRequestSchema,
  back: BackRequestSchema,
  crashed: PageCrashedSchema,
  'data.request': DataRequestMessageSchema,
  log: PageLogMessageSchema,
  metric: PageMetricMessageSchema,
});
export type WasmWorldMessage = Infer<typeof WasmWorldMessageSchema>;

/** Everything the host (and the router through it) may send to a world. */
export const HostToWorldMessageSchema = taggedUnion('type', {
  'history.sync': HistorySyncSchema,
  focus: FocusEventSchema,
  blur: BlurEventSchema,
  select: SelectEventSchema,
  arrow: ArrowEventSchema,
});
export type HostToWorldMessage = Infer<typeof HostToWorldMessageSchema>;
