// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { fitStage, STAGE_HEIGHT, STAGE_WIDTH, stageTransformCss } from '../../../../host/painter/stage.ts';
import { paintedScene } from './painter-fixture.ts';

describe('fitStage', () => {
  it('maps a 1920×1080 viewport one to one', () => {
    expect(fitStage(1920, 1080)).toEqual({ scale: 1, offsetX: 0, offsetY: 0 });
  });

  it('scales a 1280×720 viewport by 2/3 with no bars', () => {
    const { scale, offsetX, offsetY } = fitStage(1280, 720);
    expect(scale).toBeCloseTo(2 / 3, 12);
    expect(offsetX).toBeCloseTo(0, 9);
    expect(offsetY).toBeCloseTo(0, 9);
  });

  it('letterboxes a square 1000×1000 viewport: full width, centered vertically', () => {
    const { scale, offsetX, offsetY } = fitStage(1000, 1000);
    expect(scale).toBeCloseTo(1000 / 1920, 12);
    expect(offsetX).toBeCloseTo(0, 9);
    expect(offsetY).toBeCloseTo((1000 - 1080 * (1000 / 1920)) / 2, 9);
    expect(offsetY).toBeCloseTo(218.75, 9);
  });

  it('pillarboxes a wide viewport: full height, centered horizontally', () => {
    const { scale, offsetX, offsetY } = fitStage(3000, 1080);
    expect(scale).toBe(1);
    expect(offsetX).toBe((3000 - STAGE_WIDTH) / 2);
    expect(offsetY).toBe(0);
  });

  it('gives a viewport with no area scale 0 instead of NaN', () => {
    for (const [width, height] of [
      [0, 1080],
      [1920, 0],
      [-5, 100],
      [Number.NaN, 100],
      [Number.POSITIVE_INFINITY, 100],
    ] as const) {
      expect(fitStage(width, height)).toEqual({ scale: 0, offsetX: 0, offsetY: 0 });
    }
  });

  it('renders as translate then scale', () => {
    expect(stageTransformCss({ scale: 0.5, offsetX: 10, offsetY: 20 })).toBe(
      'translate(10px, 20px) scale(0.5)',
    );
  });
});

describe('the stage element', () => {
  it('is a 1920×1080 clipped box scaled by resize()', () => {
    const scene = paintedScene();
    const { stage } = scene.painter;
    expect(stage.parentElement).toBe(scene.container);
    expect(stage.style.width).toBe(`${STAGE_WIDTH}px`);
    expect(stage.style.height).toBe(`${STAGE_HEIGHT}px`);
    expect(stage.style.overflow).toBe('hidden');
    expect(stage.style.position).toBe('absolute');

    scene.painter.resize(1000, 1000);
    expect(scene.painter.stageTransform.offsetY).toBe(218.75);
    expect(stage.style.transform).toBe(stageTransformCss(fitStage(1000, 1000)));
    scene.dispose();
  });

  it('makes a statically positioned container the stage’s box, and restores it on dispose', () => {
    const scene = paintedScene();
    expect(scene.container.style.position).toBe('relative');
    scene.painter.dispose();
    expect(scene.container.style.position).toBe('');
    expect(scene.container.querySelector('[data-ficus-stage]')).toBeNull();
    scene.dispose();
  });
});
