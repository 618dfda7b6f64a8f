// generated from bridge/directions.ts by wasm-pages/build/generate-constants.ts; do not edit.
// `npm run build:wasm` rewrites it when a source changes, and a unit test fails while it is stale.

/** The directions of an `arrow` event, as strings. */
export namespace Direction {
  export const UP = "up";
  export const DOWN = "down";
  export const LEFT = "left";
  export const RIGHT = "right";
}

/** Bits of the `boundary` prop: directions focus may not leave a container in. */
export namespace Boundary {
  export const NONE: i32 = 0;
  export const UP: i32 = 1;
  export const DOWN: i32 = 2;
  export const LEFT: i32 = 4;
  export const RIGHT: i32 = 8;
  export const ALL: i32 = 15;
}

/** The boundary mask of a direction (up, down, left, right), 0 for anything else. */
export function directionBit(direction: string): i32 {
  if (direction == Direction.UP) return Boundary.UP;
  if (direction == Direction.DOWN) return Boundary.DOWN;
  if (direction == Direction.LEFT) return Boundary.LEFT;
  if (direction == Direction.RIGHT) return Boundary.RIGHT;
  return 0;
}

/** After a quoted value: why it is no direction. */
export function notADirection(): string { return "\" is not up, down, left or right"; }
