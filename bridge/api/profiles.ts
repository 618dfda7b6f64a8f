import { array, boolean, type Infer, object, string } from '../schema.ts';
import { ApiIdSchema } from './ids.ts';

export const ProfileSchema = object({
  id: ApiIdSchema,
  name: string({ minLength: 1, maxLength: 40 }),
  avatarColor: string({ pattern: /^#[0-9a-fA-F]{6}$/, patternName: 'a color like #1a2b3c' }),
  /** Kids profiles get kid-friendly rails only. */
  isKids: boolean(),
});
export type Profile = Infer<typeof ProfileSchema>;

/** GET /api/profiles */
export const ProfilesResponseSchema = object({ profiles: array(ProfileSchema) });
export type ProfilesResponse = Infer<typeof ProfilesResponseSchema>;
