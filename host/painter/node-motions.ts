import {
  type ChannelValue,
  channelCss,
  type MotionChannel,
  type MotionTiming,
  planMotion,
  shownAt,
} from './motion.ts';
import { canAnimate, runAnimation } from './run-animation.ts';

interface Running {
  readonly animation: Animation;
  readonly from: ChannelValue;
  readonly to: ChannelValue;
  readonly timing: MotionTiming;
}

/**
 * The animations running on one painted element, at most one per channel. The element's style
 * always holds the target (the animation only shows the way there), so cancelling one leaves the
 * node exactly on its value, and a node nobody animates shows what its props say.
 */
export class NodeMotions {
  private readonly running = new Map<MotionChannel, Running>();

  constructor(private readonly element: HTMLElement) {}

  /** Whether the browser can animate here (Web Animations); without it every change is instant. */
  static supported(element: HTMLElement): boolean {
    return canAnimate(element);
  }

  get count(): number {
    return this.running.size;
  }

  /**
   * Animates `channel` from what is shown now (mid-flight: where the running animation has the
   * node; else `previous`) to `target`. Retargets: the running animation is replaced, never queued.
   */
  change(
    channel: MotionChannel,
    previous: ChannelValue,
    target: ChannelValue,
    axes: readonly boolean[],
    timing: MotionTiming,
  ): void {
    const current = this.running.get(channel);
    const shown = current === undefined ? previous : this.shownNow(current);
    this.stop(channel);
    if (timing.durationMs <= 0) return;
    const plan = planMotion(shown, target, axes);
    if (plan === null) return;
    const animation = runAnimation(
      this.element,
      [{ [channel]: channelCss(channel, plan.from) }, { [channel]: channelCss(channel, plan.to) }],
      timing,
      (finished) => {
        if (this.running.get(channel)?.animation === finished) this.running.delete(channel);
      },
    );
    this.running.set(channel, { animation, from: plan.from, to: plan.to, timing });
  }

  /** Ends the channel's animation now: the node shows its target. */
  stop(channel: MotionChannel): void {
    const current = this.running.get(channel);
    if (current === undefined) return;
    this.running.delete(channel);
    current.animation.cancel();
  }

  stopAll(): void {
    for (const channel of [...this.running.keys()]) this.stop(channel);
  }

  private shownNow(running: Running): ChannelValue {
    const time = running.animation.currentTime;
    // Null while the animation is pending (not yet started by the compositor): still at its start.
    const elapsed = typeof time === 'number' ? time : 0;
    return shownAt(running.from, running.to, running.timing, elapsed);
  }
}
