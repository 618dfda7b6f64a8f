// Where the collections page puts things, copied from legacy-react/pages/collections/layout.ts,
// shared/rail.tsx (RAIL, STRIDE, VISIBLE_TILES), shared/tile.tsx (TILE) and collections-page.tsx
// (PANEL). These values MUST match the React ones (parity tests compare the scenes).
import { MARGIN, STAGE } from "../shared/theme";

/** HEADER = { y: 32, height: 64, buttonWidth: 200, gap: 20 } */
export namespace HEADER {
  export const y: i32 = 32;
  export const height: i32 = 64;
  export const buttonWidth: i32 = 200;
  export const gap: i32 = 20;
}

/** HERO = { height: 430, imageX: 960 } */
export namespace HERO {
  export const height: i32 = 430;
  export const imageX: i32 = 960;
}

/** RAILS_VIEWPORT = { y: 440, height: STAGE.height - 440 } */
export namespace RAILS_VIEWPORT {
  export const y: i32 = 440;
  export const height: f64 = STAGE.height - 440;
}

/** RAIL = { height: 270, titleHeight: 44 } (shared/rail.tsx) */
export namespace RAIL {
  export const height: i32 = 270;
  export const titleHeight: i32 = 44;
}

/** TILE = { width: 300, height: 170, gap: 24, labelHeight: 40 } (shared/tile.tsx) */
export namespace TILE {
  export const width: i32 = 300;
  export const height: i32 = 170;
  export const gap: i32 = 24;
  export const labelHeight: i32 = 40;
}

/** STRIDE = TILE.width + TILE.gap (shared/rail.tsx) */
export const STRIDE: i32 = TILE.width + TILE.gap;
/** VISIBLE_TILES = Math.floor((STAGE.width - MARGIN) / STRIDE) (shared/rail.tsx): 5 */
export const VISIBLE_TILES: i32 = <i32>Math.floor((STAGE.width - MARGIN) / STRIDE);

/** PANEL = { x: 560, y: 400, width: 800, height: 280 } (collections-page.tsx) */
export namespace PANEL {
  export const x: i32 = 560;
  export const y: i32 = 400;
  export const width: i32 = 800;
  export const height: i32 = 280;
}
