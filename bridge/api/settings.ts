import { array, boolean, type Infer, object, string } from '../schema.ts';
import { ApiIdSchema } from './ids.ts';

/** One on/off switch of the settings page, e.g. `{ id: 'subtitles', label: 'Subtitles', value: false }`. */
export const SettingSchema = object({
  id: ApiIdSchema,
  label: string({ minLength: 1, maxLength: 100 }),
  value: boolean(),
});
export type Setting = Infer<typeof SettingSchema>;

/**
 * The setting the host itself follows: on, every change on screen is instant (no animations), as
 * with the platform's `prefers-reduced-motion`. It is one of the backend's settings, so the
 * settings page of either world shows and saves it like the others.
 */
export const REDUCE_MOTION_SETTING_ID = 'reduce-motion';

/** GET /api/settings */
export const SettingsResponseSchema = object({ settings: array(SettingSchema) });
export type SettingsResponse = Infer<typeof SettingsResponseSchema>;

/** PUT /api/settings/<id> body; the answer is the updated {@link Setting}. */
export const UpdateSettingRequestSchema = object({ value: boolean() });
export type UpdateSettingRequest = Infer<typeof UpdateSettingRequestSchema>;
