import { array, type Infer, number, object, string } from '../schema.ts';
import { ApiIdSchema } from './ids.ts';
import { ImageUrlSchema, RatingSchema, YearSchema } from './title-summary.ts';

/** GET /api/titles/<id>: everything the details page shows. */
export const TitleDetailsSchema = object({
  id: ApiIdSchema,
  title: string({ minLength: 1, maxLength: 200 }),
  year: YearSchema,
  /** The first genre is the main one (the one a {@link TitleSummary} carries). */
  genres: array(string({ minLength: 1, maxLength: 40 }), { minLength: 1 }),
  synopsis: string({ maxLength: 4000 }),
  durationMinutes: number({ integer: true, min: 1 }),
  rating: RatingSchema,
  /** Portrait poster (2:3). */
  imageUrl: ImageUrlSchema,
  /** Landscape artwork (16:9) for the top of the details page. */
  backdropUrl: ImageUrlSchema,
  cast: array(string({ minLength: 1, maxLength: 100 })),
});
export type TitleDetails = Infer<typeof TitleDetailsSchema>;
