/** The fixed stage every scene is laid out on (TV convention): worlds never see the real viewport. */
export const STAGE_WIDTH = 1920;
export const STAGE_HEIGHT = 1080;

/** How the stage maps onto a viewport: scale first (origin top-left), then offset in viewport pixels. */
export interface StageTransform {
  readonly scale: number;
  readonly offsetX: number;
  readonly offsetY: number;
}

/**
 * The largest uniform scale at which the whole stage fits the viewport, centered, with bars on
 * the sides or top and bottom when the aspect ratios differ (letterboxing). A viewport with no
 * usable area (zero, negative or not a number) gets scale 0 rather than a NaN transform.
 *
 * @example
 * fitStage(1280, 720);  // { scale: 2 / 3, offsetX: 0, offsetY: 0 }
 * fitStage(1000, 1000); // { scale: 0.5208…, offsetX: 0, offsetY: 218.75 }
 */
export function fitStage(viewportWidth: number, viewportHeight: number): StageTransform {
  if (!(viewportWidth > 0 && viewportHeight > 0) || !Number.isFinite(viewportWidth * viewportHeight)) {
    return { scale: 0, offsetX: 0, offsetY: 0 };
  }
  const scale = Math.min(viewportWidth / STAGE_WIDTH, viewportHeight / STAGE_HEIGHT);
  return {
    scale,
    offsetX: (viewportWidth - STAGE_WIDTH * scale) / 2,
    offsetY: (viewportHeight - STAGE_HEIGHT * scale) / 2,
  };
}

/** The CSS `transform` for a stage transform; its inputs are numbers this module computed. */
export function stageTransformCss({ scale, offsetX, offsetY }: StageTransform): string {
  return `translate(${offsetX}px, ${offsetY}px) scale(${scale})`;
}
