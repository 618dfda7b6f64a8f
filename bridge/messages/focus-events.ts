import { DirectionSchema } from '../directions.ts';
import { NodeIdSchema } from '../scene-ops.ts';
import { type Infer, literal, object } from '../schema.ts';
import { WorldIdSchema } from '../worlds.ts';
import { FocusKeySchema } from './history.ts';

// Host → world events about the world's own nodes. The host moves focus itself (no round trip);
// the world hears about it afterwards and answers with scene ops, e.g. to highlight a tile.
const nodeEvent = <const T extends string>(type: T) =>
  object({ type: literal(type), world: WorldIdSchema, nodeId: NodeIdSchema, focusKey: FocusKeySchema });

export const FocusEventSchema = nodeEvent('focus');
export const BlurEventSchema = nodeEvent('blur');
/** The viewer pressed Enter / OK on the focused node. */
export const SelectEventSchema = nodeEvent('select');

/**
 * An arrow key that moved no focus (nothing lies that way, or a boundary holds focus in): the
 * focused node may use it, e.g. a progress bar seeking with left/right. Normal moves never
 * reach the world first, so focus movement keeps no round trip.
 */
export const ArrowEventSchema = object({
  type: literal('arrow'),
  world: WorldIdSchema,
  nodeId: NodeIdSchema,
  focusKey: FocusKeySchema,
  direction: DirectionSchema,
});

export type FocusEvent = Infer<typeof FocusEventSchema>;
export type ArrowEvent = Infer<typeof ArrowEventSchema>;
export type BlurEvent = Infer<typeof BlurEventSchema>;
export type SelectEvent = Infer<typeof SelectEventSchema>;
export type FocusChangeEvent = FocusEvent | BlurEvent;
