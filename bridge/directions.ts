import { oneOf } from './schema.ts';

export const DIRECTIONS = ['up', 'down', 'left', 'right'] as const;
export type Direction = (typeof DIRECTIONS)[number];
export const DirectionSchema = oneOf(DIRECTIONS);

const DIRECTION_BITS: Readonly<Record<Direction, number>> = { up: 1, down: 2, left: 4, right: 8 };

/** The largest valid boundary mask: all four directions blocked. */
export const BOUNDARY_ALL = 15;

/**
 * Encodes the directions in which focus may not leave a container as a bit mask, the form the
 * `boundary` prop travels in (one number, cheap in the binary codec and in the WASM ABI).
 *
 * @example
 * boundaryMask(['left', 'right']) // 12: focus can leave the rail only up or down
 */
export function boundaryMask(directions: readonly Direction[]): number {
  let mask = 0;
  for (const direction of directions) mask |= DIRECTION_BITS[direction];
  return mask;
}

export function boundaryBlocks(mask: number, direction: Direction): boolean {
  return (mask & DIRECTION_BITS[direction]) !== 0;
}

export function boundaryDirections(mask: number): Direction[] {
  return DIRECTIONS.filter((direction) => boundaryBlocks(mask, direction));
}
