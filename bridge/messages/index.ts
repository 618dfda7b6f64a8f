import { type Infer, taggedUnion } from '../schema.ts';
import { ArrowEventSchema, BlurEventSchema, FocusEventSchema, SelectEventSchema } from './focus-events.ts';
import { HistorySyncSchema } from './history.ts';
import { HelloMessageSchema, PageCrashedSchema } from './lifecycle.ts';
import { BackRequestSchema, NavigateRequestSchema, ReplaceRequestSchema } from './navigation.ts';
import { SceneBatchMessageSchema, SceneOpsMessageSchema } from './scene-batch.ts';

/** Everything a world may send to the host. Validate with `WorldToHostMessageSchema.check`. */
export const WorldToHostMessageSchema = taggedUnion('type', {
  hello: HelloMessageSchema,
  'scene.batch': SceneBatchMessageSchema,
  'scene.ops': SceneOpsMessageSchema,
  navigate: NavigateRequestSchema,
  replace: ReplaceRequestSchema,
  back: BackRequestSchema,
  crashed: PageCrashedSchema,
});
export type WorldToHostMessage = Infer<typeof WorldToHostMessageSchema>;

/** Everything the host (and the router through it) may send to a world. */
export const HostToWorldMessageSchema = taggedUnion('type', {
  'history.sync': HistorySyncSchema,
  focus: FocusEventSchema,
  blur: BlurEventSchema,
  select: SelectEventSchema,
  arrow: ArrowEventSchema,
});
export type HostToWorldMessage = Infer<typeof HostToWorldMessageSchema>;
