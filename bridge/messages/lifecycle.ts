import { type Infer, literal, number, object, oneOf, string } from '../schema.ts';
import { RouteSchema } from './history.ts';

/** World → host, first message: which contract version the world speaks. */
export const HelloMessageSchema = object({
  type: literal('hello'),
  contractVersion: number({ integer: true, min: 0 }),
});
export type HelloMessage = Infer<typeof HelloMessageSchema>;

export const CRASH_PHASES = ['load', 'mount', 'event', 'frame', 'unmount'] as const;
export type CrashPhase = (typeof CRASH_PHASES)[number];

/**
 * World → host: a page died (trap, abort, exit). The world itself keeps running; the router
 * falls back to the legacy page for the same history entry.
 */
export const PageCrashedSchema = object({
  type: literal('crashed'),
  page: RouteSchema,
  phase: oneOf(CRASH_PHASES),
  message: string({ maxLength: 4096 }),
  /** What the page wrote to stderr before it died, often the only clue to why. */
  stderr: string({ maxLength: 65_536 }),
});
export type PageCrashed = Infer<typeof PageCrashedSchema>;
