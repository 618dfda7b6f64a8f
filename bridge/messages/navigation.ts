import { type Infer, literal, object } from '../schema.ts';
import { ParamsSchema, RouteSchema } from './history.ts';

/** World → router: open a page on top of the current one. */
export const NavigateRequestSchema = object({
  type: literal('navigate'),
  route: RouteSchema,
  params: ParamsSchema,
});
/** World → router: swap the current entry for another page (no new history entry). */
export const ReplaceRequestSchema = object({
  type: literal('replace'),
  route: RouteSchema,
  params: ParamsSchema,
});
/** World → router: go back one entry (the same as the remote's Back key). */
export const BackRequestSchema = object({ type: literal('back') });

export type NavigateRequest = Infer<typeof NavigateRequestSchema>;
export type ReplaceRequest = Infer<typeof ReplaceRequestSchema>;
export type BackRequest = Infer<typeof BackRequestSchema>;
