import type { MotionTiming } from './motion.ts';
import { canAnimate, runAnimation } from './run-animation.ts';

/** How a page switch fades: the page leaving fades out over the one arriving. */
export const PAGE_FADE: MotionTiming = { durationMs: 200, easing: 'ease-out', delayMs: 0 };

const LEAVING = 'data-ficus-leaving-page';

/**
 * A page switch as a cross-fade with no blank frame: the page leaving is kept as a picture (a copy
 * of its painted elements) on top of the stage and fades out once the page arriving is painted
 * under it. The copy is inert and hidden from assistive technology, and carries none of the
 * painter's `data-ficus-*` hooks, so nothing finds, focuses or reads the page that left.
 */
export class PageFade {
  private picture: HTMLElement | null = null;
  private animation: Animation | null = null;

  /** Whether a picture waits for its fade to start. */
  get waiting(): boolean {
    return this.picture !== null && this.animation === null;
  }

  /** Keeps a picture of `shown` (a world root) in `stage`, before `ring` (which stays on top). */
  capture(shown: HTMLElement, stage: HTMLElement, ring: Element | null): void {
    this.clear();
    const picture = shown.cloneNode(true) as HTMLElement;
    for (const element of [picture, ...picture.querySelectorAll('*')]) {
      for (const name of element.getAttributeNames())
        if (name.startsWith('data-ficus') || name === 'id' || name === 'tabindex')
          element.removeAttribute(name);
    }
    picture.setAttribute(LEAVING, '');
    picture.setAttribute('aria-hidden', 'true');
    picture.setAttribute('inert', '');
    picture.style.setProperty('visibility', 'visible');
    picture.style.setProperty('pointer-events', 'none');
    stage.insertBefore(picture, ring !== null && ring.parentNode === stage ? ring : null);
    this.picture = picture;
  }

  /** Fades the picture out (`timing`), removing it at the end; with no timing it goes at once. */
  start(timing: MotionTiming | null): void {
    const picture = this.picture;
    if (picture === null || this.animation !== null) return;
    if (timing === null || timing.durationMs <= 0 || !canAnimate(picture)) {
      this.clear();
      return;
    }
    picture.style.setProperty('opacity', '0');
    this.animation = runAnimation(picture, [{ opacity: 1 }, { opacity: 0 }], timing, (finished) => {
      if (this.animation === finished) this.clear();
    });
  }

  /** Removes the picture now. */
  clear(): void {
    const animation = this.animation;
    this.animation = null;
    animation?.cancel();
    this.picture?.remove();
    this.picture = null;
  }
}
