import { array, boolean, type Infer, object, string } from '../schema.ts';
import { ApiIdSchema } from './ids.ts';

/** One on/off switch of the settings page, e.g. `{ id: 'subtitles', label: 'Subtitles', value: false }`. */
export const SettingSchema = object({
  id: ApiIdSchema,
  label: string({ minLength: 1, maxLength: 100 }),
  value: boolean(),
});
export type Setting = Infer<typeof SettingSchema>;

/** GET /api/settings */
export const SettingsResponseSchema = object({ settings: array(SettingSchema) });
export type SettingsResponse = Infer<typeof SettingsResponseSchema>;

/** PUT /api/settings/<id> body; the answer is the updated {@link Setting}. */
export const UpdateSettingRequestSchema = object({ value: boolean() });
export type UpdateSettingRequest = Infer<typeof UpdateSettingRequestSchema>;
