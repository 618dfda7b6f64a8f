import { SceneOpSchema } from '../scene-ops.ts';
import { array, bytes, type Infer, literal, number, object } from '../schema.ts';
import { RouteSchema } from './history.ts';

/**
 * World → host: one frame's scene ops for one page, encoded with `encodeSceneBatch`. The host
 * applies it to the world the message came from; a world cannot name another world here.
 */
export const SceneBatchMessageSchema = object({
  type: literal('scene.batch'),
  page: RouteSchema,
  frame: number({ integer: true, min: 0 }),
  bytes: bytes(),
});
export type SceneBatchMessage = Infer<typeof SceneBatchMessageSchema>;

/**
 * World → host, for a world on the host's own thread (the React world): one commit's ops as
 * plain objects. Nothing to transfer, so no encoding; the host still validates every op.
 */
export const SceneOpsMessageSchema = object({
  type: literal('scene.ops'),
  page: RouteSchema,
  ops: array(SceneOpSchema),
});
export type SceneOpsMessage = Infer<typeof SceneOpsMessageSchema>;
