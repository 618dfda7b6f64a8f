import { string } from '../schema.ts';

/**
 * Ids of profiles, titles, rails and settings ("p1", "t0042", "genre-sci-fi"). Limited to
 * characters that need no escaping in a URL path, a focus key or a log line, so an id can travel
 * from a response into a route param and back into a request unchanged.
 */
export const ApiIdSchema = string({
  pattern: /^[A-Za-z0-9_-]{1,64}$/,
  patternName: 'an id (1-64 of A-Z a-z 0-9 _ -)',
});
