import {
  type AnimatableProp,
  animates,
  DEFAULT_ANIMATE_DELAY_MS,
  DEFAULT_ANIMATE_DURATION_MS,
  DEFAULT_ANIMATE_EASING,
  type Easing,
  type SceneProps,
} from '../../bridge/index.ts';
import { eased } from './easing.ts';

/**
 * What the painter animates, one CSS property each: the compositor runs `translate`, `scale` and
 * `opacity` animations without layout or paint, off the main thread.
 */
export const MOTION_CHANNELS = ['translate', 'opacity', 'scale'] as const;
export type MotionChannel = (typeof MOTION_CHANNELS)[number];

/** A channel's value: translate is [x, y] (stage pixels), opacity and scale one number. */
export type ChannelValue = readonly number[];

/** The scene props behind each component of a channel. */
const CHANNEL_PROPS: Readonly<Record<MotionChannel, readonly AnimatableProp[]>> = {
  translate: ['x', 'y'],
  opacity: ['opacity'],
  scale: ['scale'],
};

export interface MotionTiming {
  readonly durationMs: number;
  readonly easing: Easing;
  readonly delayMs: number;
}

/** The node's animation timing, with the defaults of bridge/motion.ts for what it leaves unset. */
export function motionTiming(props: Readonly<Partial<SceneProps>>): MotionTiming {
  return {
    durationMs: props.animateDuration ?? DEFAULT_ANIMATE_DURATION_MS,
    easing: props.animateEasing ?? DEFAULT_ANIMATE_EASING,
    delayMs: props.animateDelay ?? DEFAULT_ANIMATE_DELAY_MS,
  };
}

/** The value the props ask the channel to show (absent x/y are 0, absent opacity and scale 1). */
export function channelTarget(channel: MotionChannel, props: Readonly<Partial<SceneProps>>): ChannelValue {
  if (channel === 'translate') return [props.x ?? 0, props.y ?? 0];
  if (channel === 'opacity') return [props.opacity ?? 1];
  return [props.scale ?? 1];
}

/** Per component of the channel, whether the `animate` mask animates its changes. */
export function animatedAxes(channel: MotionChannel, mask: number): readonly boolean[] {
  return CHANNEL_PROPS[channel].map((prop) => animates(mask, prop));
}

export const sameValue = (a: ChannelValue, b: ChannelValue): boolean =>
  a.length === b.length && a.every((value, index) => value === b[index]);

/**
 * Where an animation from `from` to `to` shows the node `elapsedMs` after it started (its delay
 * included): the start while it waits, the target once it is over.
 *
 * @example
 * shownAt([0], [100], { durationMs: 100, easing: 'linear', delayMs: 0 }, 50); // [50]
 */
export function shownAt(
  from: ChannelValue,
  to: ChannelValue,
  timing: MotionTiming,
  elapsedMs: number,
): ChannelValue {
  const t = timing.durationMs <= 0 ? 1 : (elapsedMs - timing.delayMs) / timing.durationMs;
  const progress = eased(timing.easing, t);
  return to.map((target, index) => {
    const start = from[index] ?? target;
    return start + (target - start) * progress;
  });
}

/**
 * The animation a change calls for: from what is shown now to the new target, where an axis the
 * mask does not animate jumps (it starts at its target); null when nothing would move.
 *
 * @example
 * planMotion([0, 0], [300, 40], [true, false]); // { from: [0, 40], to: [300, 40] }: x glides, y jumps
 */
export function planMotion(
  shown: ChannelValue,
  target: ChannelValue,
  axes: readonly boolean[],
): { readonly from: ChannelValue; readonly to: ChannelValue } | null {
  const from = target.map((value, index) => (axes[index] === true ? (shown[index] ?? value) : value));
  return sameValue(from, target) ? null : { from, to: target };
}

/**
 * A number for a CSS value: at most 3 decimals, so a value computed mid-flight (or from a scale)
 * reads `84px`, not `83.99999999999999px`; a thousandth of a stage pixel is never seen.
 */
export const cssNumber = (value: number): string => String(Math.round(value * 1000) / 1000);

/** The CSS value of a channel, as the painter writes it in the element's style. */
export function channelCss(channel: MotionChannel, value: ChannelValue): string {
  if (channel === 'translate') return `${cssNumber(value[0] ?? 0)}px ${cssNumber(value[1] ?? 0)}px`;
  return cssNumber(value[0] ?? 1);
}
