import type { Rect } from '../scene/geometry.ts';
import { cssNumber, type MotionTiming, shownAt } from './motion.ts';
import { canAnimate, runAnimation } from './run-animation.ts';

/**
 * The default look of the focus ring (a box the painter moves to the focused node), in stage
 * pixels: it scales with the stage like everything else. An app restyles `[data-ficus-ring]`.
 */
export const FOCUS_RING_CSS =
  '[data-ficus-ring]{position:absolute;left:0;top:0;box-sizing:border-box;border:4px solid #ffffff;pointer-events:none}';

/** Pixels between the focused node's box and the ring's outer edge (2 px gap + the 4 px border). */
export const FOCUS_RING_OUTSET = 6;

const MARKER = 'data-ficus-focus-ring';
const RING = 'data-ficus-ring';
const holders = new WeakMap<Document, number>();

/**
 * Adds the focus-ring stylesheet to the document's head once, however many painters share the
 * document, and returns a release function; the last release removes it again.
 */
export function retainFocusRing(doc: Document): () => void {
  const count = holders.get(doc) ?? 0;
  if (count === 0 && doc.querySelector(`style[${MARKER}]`) === null) {
    const style = doc.createElement('style');
    style.setAttribute(MARKER, '');
    style.textContent = FOCUS_RING_CSS;
    (doc.head ?? doc.documentElement).append(style);
  }
  holders.set(doc, count + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (holders.get(doc) ?? 1) - 1;
    holders.set(doc, left);
    if (left === 0) doc.querySelector(`style[${MARKER}]`)?.remove();
  };
}

/** The ring's box as [x, y, width, height]. */
type Box = readonly [number, number, number, number];

interface Glide {
  readonly animation: Animation;
  readonly from: Box;
  readonly to: Box;
  readonly timing: MotionTiming;
}

/**
 * The focus ring: one box on top of the stage that follows the focused node. It glides from node
 * to node (a rail scrolling under it glides with the same timing), retargeting from where it is
 * shown when focus moves on mid-flight, so a held arrow key sweeps it along instead of queueing.
 */
export class FocusRingBox {
  readonly element: HTMLElement;
  private box: Box | null = null;
  private radius = 0;
  private glide: Glide | null = null;

  constructor(doc: Document) {
    this.element = doc.createElement('div');
    this.element.setAttribute(RING, '');
    this.element.setAttribute('aria-hidden', 'true');
    this.element.style.setProperty('display', 'none');
  }

  /** Whether the ring is shown (something is focused on a world on screen). */
  get shown(): boolean {
    return this.box !== null;
  }

  /**
   * Puts the ring around `rect` (stage pixels; null hides it), gliding there with `timing` when it
   * was shown already, else appearing there at once. `radius`: the node's corner radius.
   */
  place(rect: Rect | null, radius: number, timing: MotionTiming | null): void {
    const style = this.element.style;
    if (rect === null) {
      if (this.box === null) return;
      this.stop();
      this.box = null;
      style.setProperty('display', 'none');
      return;
    }
    const to: Box = [
      rect.x - FOCUS_RING_OUTSET,
      rect.y - FOCUS_RING_OUTSET,
      rect.width + 2 * FOCUS_RING_OUTSET,
      rect.height + 2 * FOCUS_RING_OUTSET,
    ];
    const from = this.box;
    if (from !== null && radius === this.radius && from.every((value, index) => value === to[index])) return;
    const shown = this.shownNow() ?? from;
    this.stop();
    this.box = to;
    this.radius = radius;
    style.removeProperty('display');
    const frame = (box: Box) => ({
      translate: `${cssNumber(box[0])}px ${cssNumber(box[1])}px`,
      width: `${cssNumber(box[2])}px`,
      height: `${cssNumber(box[3])}px`,
    });
    for (const [property, value] of Object.entries(frame(to))) style.setProperty(property, value);
    style.setProperty('border-radius', radius > 0 ? `${radius + FOCUS_RING_OUTSET}px` : '0px');
    if (shown === null || timing === null || timing.durationMs <= 0 || !canAnimate(this.element)) return;
    if (shown.every((value, index) => value === to[index])) return;
    // Width and height are no compositor properties: only a glide that changes the size animates
    // them (a tile to a button), so a glide along a rail of equal tiles is translate alone.
    const resized = shown[2] !== to[2] || shown[3] !== to[3];
    const keyframe = (box: Box): Keyframe => {
      const { translate, width, height } = frame(box);
      return resized ? { translate, width, height } : { translate };
    };
    const animation = runAnimation(this.element, [keyframe(shown), keyframe(to)], timing, (finished) => {
      if (this.glide?.animation === finished) this.glide = null;
    });
    this.glide = { animation, from: shown, to, timing };
  }

  /** Ends a glide now: the ring shows where it is going. */
  stop(): void {
    const glide = this.glide;
    this.glide = null;
    glide?.animation.cancel();
  }

  private shownNow(): Box | null {
    const glide = this.glide;
    if (glide === null) return null;
    const time = glide.animation.currentTime;
    const elapsed = typeof time === 'number' ? time : 0;
    const [x = 0, y = 0, width = 0, height = 0] = shownAt(glide.from, glide.to, glide.timing, elapsed);
    return [x, y, width, height];
  }
}
