import { array, type Infer, object, string } from '../schema.ts';
import { TitleSummarySchema } from './title-summary.ts';

/** The most results one search returns; the on-screen results grid is sized for it. */
export const SEARCH_RESULT_LIMIT = 40;

/** GET /api/search?q=<text>: `query` echoes the text searched, so a late answer can be recognised. */
export const SearchResponseSchema = object({
  query: string({ maxLength: 1000 }),
  results: array(TitleSummarySchema, { maxLength: SEARCH_RESULT_LIMIT }),
});
export type SearchResponse = Infer<typeof SearchResponseSchema>;
