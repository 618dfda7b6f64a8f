import { type Infer, object, string } from '../schema.ts';

/**
 * The body of every failed response, whatever the endpoint, so a page handles errors in one place.
 * `code` is a stable kebab-case word to branch on ("not-found", "bad-request"); `message` is for
 * people and may change.
 */
export const ApiErrorSchema = object({
  error: object({
    code: string({ pattern: /^[a-z][a-z0-9-]{0,63}$/, patternName: 'an error code like "not-found"' }),
    message: string({ maxLength: 2000 }),
  }),
});
export type ApiError = Infer<typeof ApiErrorSchema>;

/**
 * Builds an error body.
 *
 * @example
 * apiError('not-found', 'no title with id "t9999"'); // { error: { code: 'not-found', message: 'no title with id "t9999"' } }
 */
export function apiError(code: string, message: string): ApiError {
  return { error: { code, message } };
}
