/**
 * Animated props: which prop changes a node animates, and how (bridge/props.ts's `animate`,
 * `animateDuration`, `animateEasing` and `animateDelay`). The host runs the animation itself, on
 * the compositor where the browser allows, so a page sends only the target value, once.
 */

/** The props whose changes can animate: the ones a compositor can move without layout or paint. */
export const ANIMATABLE_PROPS = ['x', 'y', 'opacity', 'scale'] as const;
export type AnimatableProp = (typeof ANIMATABLE_PROPS)[number];

const ANIMATE_BITS: Readonly<Record<AnimatableProp, number>> = { x: 1, y: 2, opacity: 4, scale: 8 };

/** The largest valid `animate` mask: every animatable prop. */
export const ANIMATE_ALL = 15;

/** Timing functions an animation may use, with CSS's meaning. */
export const EASINGS = ['linear', 'ease', 'ease-in', 'ease-out', 'ease-in-out'] as const;
export type Easing = (typeof EASINGS)[number];

/** What an animating node gets for an `animateDuration`, `animateEasing` or `animateDelay` it leaves unset. */
export const DEFAULT_ANIMATE_DURATION_MS = 200;
export const DEFAULT_ANIMATE_EASING: Easing = 'ease-out';
export const DEFAULT_ANIMATE_DELAY_MS = 0;

/** Longest duration and delay (ms): motion on a TV is a moment, never a wait. */
export const MAX_ANIMATE_MS = 10_000;

/**
 * Encodes the props whose changes animate as a bit mask, the form `animate` travels in.
 *
 * @example
 * animateMask(['x', 'y']) // 3: the node glides to a new position; other changes are instant
 */
export function animateMask(props: readonly AnimatableProp[]): number {
  let mask = 0;
  for (const prop of props) mask |= ANIMATE_BITS[prop];
  return mask;
}

/** Whether `mask` animates changes of `prop`. */
export function animates(mask: number, prop: AnimatableProp): boolean {
  return (mask & ANIMATE_BITS[prop]) !== 0;
}

/** The props `mask` animates, in ANIMATABLE_PROPS order. */
export function animatedProps(mask: number): AnimatableProp[] {
  return ANIMATABLE_PROPS.filter((prop) => animates(mask, prop));
}
