import { type Infer, number, object, string } from '../schema.ts';
import { ApiIdSchema } from './ids.ts';

/** GET /api/playback/<id>: what the player needs to start a title. */
export const PlaybackInfoSchema = object({
  titleId: ApiIdSchema,
  title: string({ minLength: 1, maxLength: 200 }),
  durationSeconds: number({ integer: true, min: 1 }),
  streamUrl: string({ pattern: /^https?:\/\//, patternName: 'an http(s) stream URL' }),
});
export type PlaybackInfo = Infer<typeof PlaybackInfoSchema>;
