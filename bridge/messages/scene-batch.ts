import { bytes, type Infer, literal, number, object } from '../schema.ts';
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
