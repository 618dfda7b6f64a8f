import { array, type Infer, object, string } from '../schema.ts';
import { ApiIdSchema } from './ids.ts';
import { TitleSummarySchema } from './title-summary.ts';

/** One horizontal row of tiles on the home page, e.g. "Trending now". */
export const RailSchema = object({
  id: ApiIdSchema,
  title: string({ minLength: 1, maxLength: 100 }),
  items: array(TitleSummarySchema),
});
export type Rail = Infer<typeof RailSchema>;

/** GET /api/home?profile=<id>: the big hero title on top, then the rails. */
export const HomeResponseSchema = object({
  hero: TitleSummarySchema,
  rails: array(RailSchema),
});
export type HomeResponse = Infer<typeof HomeResponseSchema>;
