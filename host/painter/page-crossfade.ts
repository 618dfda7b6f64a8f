import type { MotionTiming } from './motion.ts';
import { canAnimate, runAnimation } from './run-animation.ts';

/** How a page switch fades: the page arriving fades in over the page leaving. */
export const PAGE_FADE: MotionTiming = { durationMs: 200, easing: 'ease-out', delayMs: 0 };

/** Something of the page leaving kept on screen during the fade, and how to let it go after. */
export interface Lingering {
  readonly element: HTMLElement;
  readonly release: () => void;
}

/**
 * A page switch as a cross-fade with no blank frame and nothing copied: the page leaving stays
 * painted where it is (`lingering`) while the page arriving fades in over it on the compositor
 * (an opacity animation), then the page leaving is let go (hidden or removed, as the scene says).
 */
export class PageCrossfade {
  private lingering: Lingering[] = [];
  private animation: Animation | null = null;

  /** Whether a fade is running. */
  get running(): boolean {
    return this.animation !== null;
  }

  /**
   * Fades `arriving` in over `lingering` with `timing`; at once (nothing kept) without Web
   * Animations. A fade still running is finished first.
   */
  start(arriving: HTMLElement, lingering: Lingering[], timing: MotionTiming): void {
    this.finish();
    if (!canAnimate(arriving)) {
      for (const kept of lingering) kept.release();
      return;
    }
    this.lingering = lingering;
    this.animation = runAnimation(arriving, [{ opacity: 0 }, { opacity: 1 }], timing, (finished) => {
      if (this.animation === finished) this.finish();
    });
  }

  /** Keeps one more thing of the page leaving until the running fade ends (at once without one). */
  keep(lingering: Lingering): void {
    if (this.animation === null) lingering.release();
    else this.lingering.push(lingering);
  }

  /** Ends the fade now: the page arriving is fully shown, the page leaving let go. */
  finish(): void {
    const animation = this.animation;
    this.animation = null;
    animation?.cancel();
    for (const kept of this.lingering.splice(0)) kept.release();
  }
}
