/** What a browser needs for a page switch to cross-fade: the View Transitions API. */
type TransitionDocument = Document & {
  startViewTransition?: (update: () => void) => { readonly finished: Promise<void> };
};

/**
 * A page switch as a cross-fade with no blank frame, by the browser's View Transitions: it keeps
 * a picture of the screen as it is (a texture, taken in the next frame: nothing is copied in the
 * DOM), runs `update` (the painter shows the page arriving), then fades the picture out over the
 * live page on the compositor. A browser without them, or with reduced motion, switches at once.
 */
export class PageTransition {
  private updating = false;

  constructor(private readonly doc: Document) {}

  /** Whether the browser cross-fades (the View Transitions API is there). */
  get supported(): boolean {
    return typeof (this.doc as TransitionDocument).startViewTransition === 'function';
  }

  /** True between `run` and its `update`: the picture is being taken, the screen must not change. */
  get capturing(): boolean {
    return this.updating;
  }

  /**
   * Cross-fades from the screen as it is to what `update` paints. `update` always runs exactly once,
   * at once if the browser cannot fade (or refuses to), else after the picture is taken.
   */
  run(update: () => void): void {
    const start = (this.doc as TransitionDocument).startViewTransition;
    if (typeof start !== 'function') {
      update();
      return;
    }
    this.updating = true;
    let done = false;
    const once = () => {
      if (done) return;
      done = true;
      this.updating = false;
      update();
    };
    try {
      // A transition the browser skips (a hidden tab, another one starting) still calls `once`.
      start.call(this.doc, once).finished.catch(() => undefined);
    } catch {
      once();
    }
  }
}
