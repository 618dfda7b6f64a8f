import { DevtoolsOverlay } from './devtools-overlay.ts';
import { DevtoolsSession } from './devtools-session.ts';
import type { DevtoolsSources } from './devtools-sources.ts';

/** The clock and timer the overlay's updates are paced with (tests pass a fake one). */
export interface DevtoolsTimer {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const BROWSER_TIMER: DevtoolsTimer = {
  now: () => performance.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface DevtoolsOptions {
  readonly document: Document;
  /** The shortest time between two updates of the open overlay (default 250 ms: four a second). */
  readonly minIntervalMs?: number;
  readonly timer?: DevtoolsTimer;
}

/** The in-app devtools, as the key and `?devtools` drive them. */
export interface Devtools {
  readonly isOpen: boolean;
  readonly overlay: DevtoolsOverlay;
  open(): void;
  close(): void;
  toggle(): void;
  /** Closes and takes the overlay out of the document. */
  dispose(): void;
}

/**
 * The devtools overlay over a running app: closed, it holds no subscription and no timer; open, it
 * updates when something it shows changes (a navigation, a batch, a focus move, a frame, a key
 * press, a bus crossing), at most once per `minIntervalMs`, and never polls.
 *
 * @example
 * const devtools = createDevtools(sources, { document });
 * devtools.open();   // shows the page, its world and why, history, focus, timings, the bus
 * devtools.toggle(); // closed: unsubscribed
 */
export function createDevtools(sources: DevtoolsSources, options: DevtoolsOptions): Devtools {
  const timer = options.timer ?? BROWSER_TIMER;
  const minInterval = options.minIntervalMs ?? 250;
  const overlay = new DevtoolsOverlay(options.document);
  let open = false;
  let pending: unknown;
  let lastRender = Number.NEGATIVE_INFINITY;

  const render = () => {
    pending = undefined;
    if (!open) return;
    lastRender = timer.now();
    overlay.render(session.sections());
  };
  // Changes within one interval are drawn together, once, at its end.
  const changed = () => {
    if (!open || pending !== undefined) return;
    pending = timer.setTimeout(render, Math.max(0, lastRender + minInterval - timer.now()));
  };
  const session = new DevtoolsSession(sources, changed);

  const devtools: Devtools = {
    get isOpen() {
      return open;
    },
    overlay,
    open() {
      if (open) return;
      open = true;
      session.start();
      overlay.show();
      render();
    },
    close() {
      if (!open) return;
      open = false;
      session.stop();
      if (pending !== undefined) timer.clearTimeout(pending);
      pending = undefined;
      overlay.hide();
    },
    toggle() {
      if (open) devtools.close();
      else devtools.open();
    },
    dispose() {
      devtools.close();
      overlay.remove();
    },
  };
  return devtools;
}
