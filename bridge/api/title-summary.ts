import { type Infer, number, object, oneOf, string } from '../schema.ts';
import { ApiIdSchema } from './ids.ts';

/** Age ratings, mildest first; a kids profile only ever sees the first two. */
export const RATINGS = ['All', '7+', '13+', '16+', '18+'] as const;
export const RatingSchema = oneOf(RATINGS);
export type Rating = Infer<typeof RatingSchema>;

/**
 * Images are https URLs or inline `data:image/...` URLs (the mock backend draws SVG posters).
 * The painter refuses other schemes anyway; refusing them here names the field that carried one.
 */
export const ImageUrlSchema = string({
  pattern: /^(?:https:\/\/|data:image\/)/,
  patternName: 'an image URL (https: or data:image/)',
});

export const YearSchema = number({ integer: true, min: 1870, max: 2100 });

/** What a tile needs: enough to draw a poster and its label, without the title's details. */
export const TitleSummarySchema = object({
  id: ApiIdSchema,
  title: string({ minLength: 1, maxLength: 200 }),
  year: YearSchema,
  /** The main genre, shown on the tile; the details list all of them. */
  genre: string({ minLength: 1, maxLength: 40 }),
  imageUrl: ImageUrlSchema,
  rating: RatingSchema,
});
export type TitleSummary = Infer<typeof TitleSummarySchema>;
