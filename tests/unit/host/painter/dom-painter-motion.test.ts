// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { SceneOp } from '../../../../bridge/index.ts';
import { FOCUS_RING_OUTSET } from '../../../../host/painter/focus-ring.ts';
import { paintedScene, views } from './painter-fixture.ts';

// The painter runs animations with the DOM's Web Animations (happy-dom's here, Chromium's in the
// browser tests): these tests read what it asked for, the keyframes and timing of each animation,
// and move their clocks by setting currentTime, never by waiting.

type Scene = ReturnType<typeof paintedScene>;
let scene: Scene;
const open = (options: Parameters<typeof paintedScene>[0] = {}): Scene => {
  scene = paintedScene(options);
  scene.painter.setVisibleWorld('wasm');
  return scene;
};
afterEach(() => scene?.dispose());

const running = (element: Element): Animation[] =>
  element
    .getAnimations()
    .filter((animation) => animation.playState !== 'finished' && animation.playState !== 'idle');

const keyframesOf = (animation: Animation | undefined): Array<Record<string, unknown>> =>
  ((animation?.effect as KeyframeEffect | null)?.getKeyframes() ?? []).map(
    ({ offset, computedOffset, composite, easing, ...rest }) => rest,
  );

const timingOf = (animation: Animation | undefined) => {
  const timing = animation?.effect?.getTiming();
  return { duration: timing?.duration, delay: timing?.delay, easing: timing?.easing };
};

/** A rail (view 1) holding a 200×100 tile (view 2); the rail animates x with 250 ms ease-out. */
function rail(extra: SceneOp[] = []): SceneOp[] {
  return [
    ...views(0, [1]),
    ...views(1, [2]),
    { op: 'setProp', id: 1, name: 'x', value: 0 },
    { op: 'setProp', id: 1, name: 'animate', value: 1 },
    { op: 'setProp', id: 1, name: 'animateDuration', value: 250 },
    { op: 'setProp', id: 2, name: 'width', value: 200 },
    { op: 'setProp', id: 2, name: 'height', value: 100 },
    ...extra,
  ];
}

describe('DomPainter: animated props', () => {
  it('paints the first values at once, then animates a change of x on translate, the style holding the target', () => {
    const { painter, apply, mustElement, store } = open();
    apply('wasm', rail());
    painter.paint();
    const element = mustElement('wasm', 1);
    expect(running(element)).toEqual([]);
    expect(element.style.translate).toBe('0px 0px');

    apply('wasm', [{ op: 'setProp', id: 1, name: 'x', value: -300 }]);
    painter.paint();
    const [animation, ...others] = running(element);
    expect(others).toEqual([]);
    expect(keyframesOf(animation)).toEqual([{ translate: '0px 0px' }, { translate: '-300px 0px' }]);
    expect(timingOf(animation)).toEqual({ duration: 250, delay: 0, easing: 'ease-out' });
    expect(element.style.translate).toBe('-300px 0px');
    expect(store.get('wasm', 1)?.props.x).toBe(-300); // the scene holds the target
  });

  it('retargets mid-flight from where the node is shown, with one animation per channel, never a queue', () => {
    const { painter, apply, mustElement } = open();
    apply('wasm', [...rail(), { op: 'setProp', id: 1, name: 'animateEasing', value: 'linear' }]);
    painter.paint();
    const element = mustElement('wasm', 1);
    apply('wasm', [{ op: 'setProp', id: 1, name: 'x', value: -400 }]);
    painter.paint();
    const first = running(element)[0];
    if (first === undefined) throw new Error('no animation');
    first.pause(); // the clock of this animation stands still at the time the test sets
    first.currentTime = 125; // half of 250 ms, linear: shown at -200
    apply('wasm', [{ op: 'setProp', id: 1, name: 'x', value: -800 }]);
    painter.paint();
    const now = running(element);
    expect(now).toHaveLength(1);
    expect(first.playState).toBe('idle'); // cancelled, not left to finish
    expect(keyframesOf(now[0])).toEqual([{ translate: '-200px 0px' }, { translate: '-800px 0px' }]);
    now[0]?.finish();
    expect(running(element)).toEqual([]);
    expect(element.style.translate).toBe('-800px 0px'); // ends exactly on the last target
  });

  it('moves an axis the mask does not name at once, and animates opacity and scale on their own properties', () => {
    const { painter, apply, mustElement } = open();
    apply('wasm', rail([{ op: 'setProp', id: 2, name: 'animate', value: 4 | 8 }]));
    painter.paint();
    apply('wasm', [
      { op: 'setProp', id: 1, name: 'x', value: -100 },
      { op: 'setProp', id: 1, name: 'y', value: 40 },
      { op: 'setProp', id: 2, name: 'scale', value: 1.08 },
      { op: 'setProp', id: 2, name: 'opacity', value: 0.5 },
    ]);
    painter.paint();
    expect(keyframesOf(running(mustElement('wasm', 1))[0])).toEqual([
      { translate: '0px 40px' },
      { translate: '-100px 40px' },
    ]);
    const tile = running(mustElement('wasm', 2)).map(keyframesOf);
    expect(tile).toEqual(
      expect.arrayContaining([
        [{ opacity: '1' }, { opacity: '0.5' }],
        [{ scale: '1' }, { scale: '1.08' }],
      ]),
    );
    expect(mustElement('wasm', 2).style.scale).toBe('1.08');
  });

  it('does not animate a change the mask does not name, and a node whose animate is cleared stops on its target', () => {
    const { painter, apply, mustElement } = open();
    apply('wasm', rail());
    painter.paint();
    apply('wasm', [{ op: 'setProp', id: 1, name: 'opacity', value: 0.2 }]);
    painter.paint();
    expect(running(mustElement('wasm', 1))).toEqual([]);
    apply('wasm', [{ op: 'setProp', id: 1, name: 'x', value: -50 }]);
    painter.paint();
    expect(running(mustElement('wasm', 1))).toHaveLength(1);
    apply('wasm', [{ op: 'setProp', id: 1, name: 'animate', value: null }]);
    painter.paint();
    expect(running(mustElement('wasm', 1))).toEqual([]);
  });

  it('with reduced motion, ends running animations on their targets and makes every later change instant', () => {
    const { painter, apply, mustElement } = open();
    apply('wasm', rail());
    painter.paint();
    apply('wasm', [{ op: 'setProp', id: 1, name: 'x', value: -300 }]);
    painter.paint();
    const element = mustElement('wasm', 1);
    expect(running(element)).toHaveLength(1);
    painter.setReducedMotion(true);
    expect(painter.motionReduced).toBe(true);
    expect(running(element)).toEqual([]);
    apply('wasm', [{ op: 'setProp', id: 1, name: 'x', value: -600 }]);
    painter.paint();
    expect(running(element)).toEqual([]);
    expect(element.style.translate).toBe('-600px 0px');
    painter.setReducedMotion(false);
    apply('wasm', [{ op: 'setProp', id: 1, name: 'x', value: 0 }]);
    painter.paint();
    expect(running(element)).toHaveLength(1);
  });

  it('starts with reduced motion when told to, and animates nothing in a world that is not on screen', () => {
    const reduced = open({ reducedMotion: true });
    reduced.apply('wasm', rail());
    reduced.painter.paint();
    reduced.apply('wasm', [{ op: 'setProp', id: 1, name: 'x', value: -300 }]);
    reduced.painter.paint();
    expect(running(reduced.mustElement('wasm', 1))).toEqual([]);
    reduced.dispose();

    const { painter, apply, mustElement } = open();
    apply('legacy', rail());
    painter.paint();
    apply('legacy', [{ op: 'setProp', id: 1, name: 'x', value: -300 }]);
    painter.paint();
    expect(running(mustElement('legacy', 1))).toEqual([]);
  });
});

describe('DomPainter: the focus ring', () => {
  const ring = (scene: Scene): HTMLElement => {
    const found = scene.painter.stage.querySelector<HTMLElement>('[data-ficus-ring]');
    if (found === null) throw new Error('no focus ring');
    return found;
  };

  /** Two 200×100 tiles, 2 and 3, side by side in rail 1 at y 500. */
  const tiles = (): SceneOp[] => [
    ...rail([
      ...views(1, [3]),
      { op: 'setProp', id: 1, name: 'y', value: 500 },
      { op: 'setProp', id: 2, name: 'x', value: 100 },
      { op: 'setProp', id: 3, name: 'x', value: 400 },
      { op: 'setProp', id: 3, name: 'width', value: 200 },
      { op: 'setProp', id: 3, name: 'height', value: 100 },
    ]),
  ];

  it('is hidden with nothing focused, and appears around the focused node (its scale included) at once', () => {
    const s = open();
    s.apply('wasm', tiles());
    s.painter.paint();
    expect(ring(s).style.display).toBe('none');
    s.apply('wasm', [{ op: 'setProp', id: 2, name: 'scale', value: 1.1 }]);
    s.painter.setFocused('wasm', 2);
    s.painter.paint();
    const o = FOCUS_RING_OUTSET;
    // 200×100 scaled 1.1 about its center: 220×110, from (90, 495).
    expect([
      ring(s).style.display,
      ring(s).style.translate,
      ring(s).style.width,
      ring(s).style.height,
    ]).toEqual(['', `${90 - o}px ${495 - o}px`, `${220 + 2 * o}px`, `${110 + 2 * o}px`]);
    expect(running(ring(s))).toEqual([]);
  });

  it('glides to the next focused node with the timing of the rail that moves it, retargeting mid-flight', () => {
    const s = open();
    s.apply('wasm', tiles());
    s.painter.setFocused('wasm', 2);
    s.painter.paint();
    s.painter.setFocused('wasm', 3);
    s.painter.paint();
    const [glide, ...more] = running(ring(s));
    expect(more).toEqual([]);
    expect(timingOf(glide)).toEqual({ duration: 250, delay: 0, easing: 'ease-out' });
    const o = FOCUS_RING_OUTSET;
    expect(keyframesOf(glide).map((frame) => frame['translate'])).toEqual([
      `${100 - o}px ${500 - o}px`,
      `${400 - o}px ${500 - o}px`,
    ]);
    // Tiles of one size: the glide is translate alone, which the compositor runs.
    expect(Object.keys(keyframesOf(glide)[0] ?? {})).toEqual(['translate']);
    s.painter.setFocused('wasm', 2);
    s.painter.paint();
    expect(running(ring(s))).toHaveLength(1);
    expect(glide?.playState).toBe('idle');
  });

  it('jumps with reduced motion, hides when the focus leaves, and is not drawn at all with focusRing: false', () => {
    const s = open({ reducedMotion: true });
    s.apply('wasm', tiles());
    s.painter.setFocused('wasm', 2);
    s.painter.paint();
    s.painter.setFocused('wasm', 3);
    s.painter.paint();
    expect(running(ring(s))).toEqual([]);
    s.painter.setFocused('wasm', null);
    s.painter.paint();
    expect(ring(s).style.display).toBe('none');
    s.dispose();
    const plain = open({ focusRing: false });
    expect(plain.painter.stage.querySelector('[data-ficus-ring]')).toBeNull();
  });
});

describe('DomPainter: page switches cross-fade', () => {
  const page = (id: number, color: string): SceneOp[] => [
    ...views(0, [id]),
    { op: 'setProp', id, name: 'backgroundColor', value: color },
    { op: 'setProp', id, name: 'focusKey', value: `page-${id}` },
    { op: 'setProp', id, name: 'width', value: 1920 },
  ];
  /** A page container with a child, so a removed one must stay whole while it lingers. */
  const pageWithChild = (id: number, color: string): SceneOp[] => [
    ...page(id, color),
    ...views(id, [id * 10]),
  ];

  it('in one world: the page removed stays whole under the page arriving, which fades in, then goes', () => {
    const s = open();
    s.apply('wasm', pageWithChild(1, '#112233'));
    s.painter.setPage('wasm', 'profiles');
    s.painter.paint();
    const leaving = s.mustElement('wasm', 1);
    s.painter.setPage('wasm', 'collections');
    s.apply('wasm', [{ op: 'remove', id: 1 }, ...page(2, '#445566')]);
    s.painter.paint();
    const arriving = s.mustElement('wasm', 2);
    const [fade, ...more] = running(arriving);
    expect(more).toEqual([]);
    expect(keyframesOf(fade)).toEqual([{ opacity: '0' }, { opacity: '1' }]);
    expect(timingOf(fade)).toEqual({ duration: 200, delay: 0, easing: 'ease-out' });
    // Still on screen, below the page arriving, with its child, but no longer the scene's.
    expect([leaving.isConnected, leaving.nextElementSibling === arriving, leaving.children.length]).toEqual([
      true,
      true,
      1,
    ]);
    // A picture only: out of reach of focus, screen readers and the hooks tests find nodes by.
    expect([leaving.hasAttribute('inert'), leaving.getAttribute('aria-hidden')]).toEqual([true, 'true']);
    expect(leaving.querySelectorAll('[data-ficus-focus-key], [data-ficus-focused]')).toHaveLength(0);
    expect(leaving.hasAttribute('data-ficus-focus-key')).toBe(false);
    fade?.finish();
    expect(leaving.isConnected).toBe(false);
    expect(arriving.isConnected).toBe(true);
  });

  it('in one world: a page leaving that goes a paint after the page arriving showed still stays to the end of the fade', () => {
    const s = open();
    s.apply('wasm', pageWithChild(1, '#112233'));
    s.painter.setPage('wasm', 'profiles');
    s.painter.paint();
    const leaving = s.mustElement('wasm', 1);
    s.painter.setPage('wasm', 'collections');
    s.apply('wasm', page(2, '#445566'));
    s.painter.paint();
    const [fade] = running(s.mustElement('wasm', 2));
    expect(fade).toBeDefined();
    s.apply('wasm', [{ op: 'remove', id: 1 }]);
    s.painter.paint();
    expect([leaving.isConnected, leaving.children.length, leaving.hasAttribute('inert')]).toEqual([
      true,
      1,
      true,
    ]);
    fade?.finish();
    expect(leaving.isConnected).toBe(false);
  });

  it('in one world: a page hidden (kept for Back) shows until the fade ends, then is hidden as the scene says', () => {
    const s = open();
    s.apply('wasm', page(1, '#112233'));
    s.painter.setPage('wasm', 'profiles');
    s.painter.paint();
    s.painter.setPage('wasm', 'collections');
    s.apply('wasm', [{ op: 'setProp', id: 1, name: 'visible', value: false }, ...page(2, '#445566')]);
    s.painter.paint();
    const kept = s.mustElement('wasm', 1);
    expect([kept.style.display, kept.getAttribute('data-ficus-focus-key')]).toEqual(['', null]);
    running(s.mustElement('wasm', 2))[0]?.finish();
    // Hidden as the scene says, with its hooks back for when Back shows it again.
    expect([
      kept.style.display,
      kept.getAttribute('data-ficus-focus-key'),
      kept.hasAttribute('inert'),
    ]).toEqual(['none', 'page-1', false]);
  });

  it('across worlds: the world leaving stays painted under the one fading in, hidden from screen readers at once', () => {
    const s = open();
    s.apply('wasm', page(1, '#112233'));
    s.painter.setPage('wasm', 'collections');
    s.painter.paint();
    s.apply('legacy', page(3, '#778899'));
    s.painter.paint();
    s.painter.setPage('legacy', 'details');
    s.painter.setVisibleWorld('legacy');
    const [wasm, legacy] = [s.worldRoot('wasm'), s.worldRoot('legacy')];
    // The root stays hidden (for tests and screen readers the world is gone); its content shows.
    const content = s.mustElement('wasm', 0);
    expect([wasm.style.visibility, wasm.getAttribute('aria-hidden'), content.style.visibility]).toEqual([
      'hidden',
      'true',
      'visible',
    ]);
    expect(legacy.style.zIndex).toBe('1');
    const [fade] = running(legacy);
    expect(keyframesOf(fade)).toEqual([{ opacity: '0' }, { opacity: '1' }]);
    fade?.finish();
    expect([content.style.visibility, legacy.style.zIndex, legacy.style.visibility]).toEqual(['', '', '']);
  });

  it('with reduced motion, switches at once', () => {
    const s = open({ reducedMotion: true });
    s.apply('wasm', page(1, '#112233'));
    s.painter.setPage('wasm', 'profiles');
    s.painter.paint();
    s.painter.setPage('wasm', 'collections');
    s.apply('wasm', [{ op: 'remove', id: 1 }, ...page(2, '#445566')]);
    s.painter.paint();
    expect(s.element('wasm', 1)).toBeNull();
    expect(running(s.mustElement('wasm', 2))).toEqual([]);
    s.apply('legacy', page(3, '#778899'));
    s.painter.setPage('legacy', 'details');
    s.painter.setVisibleWorld('legacy');
    expect(s.worldRoot('wasm').style.visibility).toBe('hidden');
  });
});
