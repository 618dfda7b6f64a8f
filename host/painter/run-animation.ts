import type { MotionTiming } from './motion.ts';

/** Whether the browser runs Web Animations on `element`; without them every change is instant. */
export const canAnimate = (element: HTMLElement): boolean => typeof element.animate === 'function';

/**
 * Starts a Web Animation of `keyframes` with `timing`, and calls `onFinish` when it ends on its
 * own (not when cancelled). Backwards fill: during the delay the element waits at the first
 * keyframe, not already at its target. The element's style holds the target throughout.
 */
export function runAnimation(
  element: HTMLElement,
  keyframes: Keyframe[],
  timing: MotionTiming,
  onFinish: (animation: Animation) => void,
): Animation {
  const animation = element.animate(keyframes, {
    duration: timing.durationMs,
    delay: timing.delayMs,
    easing: timing.easing,
    fill: 'backwards',
  });
  // Cancelling rejects `finished`; browsers mark that rejection handled, some test DOMs do not.
  animation.finished.catch(() => undefined);
  animation.addEventListener('finish', () => onFinish(animation));
  return animation;
}
