/**
 * Worker → host, on a MessagePort of its own, around every stretch of page code the worker runs:
 * `{ seq, busy: 'event' }` just before, `{ seq, busy: null }` just after. They are posted
 * synchronously, so the host receives "busy" even while the page then loops forever. The host's
 * watchdog times only what the worker says it is doing: a call still waiting in the worker's
 * queue, or an answer the busy main thread has not read yet, never counts against a page.
 */
export interface WorkerProgress {
  /** Counts reports from 1; a busy report and the idle one that ends it share a number. */
  readonly seq: number;
  /** What the worker is running ('mount', 'event', 'frame', ...), or null once it is done. */
  readonly busy: string | null;
}

/** The worker's end of the progress channel (a MessagePort in a browser and under Node). */
export interface ProgressPort {
  postMessage(message: WorkerProgress): void;
}

/**
 * Reads a progress report that came from the worker: unknown until checked.
 *
 * @example
 * const report = readWorkerProgress(event.data); // null if it is not one
 */
export function readWorkerProgress(data: unknown): WorkerProgress | null {
  if (typeof data !== 'object' || data === null) return null;
  const { seq, busy } = data as Record<string, unknown>;
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 1) return null;
  if (busy !== null && (typeof busy !== 'string' || busy.length === 0 || busy.length > 32)) return null;
  return { seq, busy };
}

/**
 * The worker's side: wraps page code in busy/idle reports (nothing is posted before a port is
 * connected, and nothing at all while the worker is idle).
 *
 * @example
 * const progress = new ProgressReporter();
 * progress.connect(port);
 * progress.busy('event', () => world.event(key, event));
 */
export class ProgressReporter {
  private port: ProgressPort | null = null;
  private seq = 0;
  private depth = 0;

  connect(port: ProgressPort): void {
    this.port = port;
  }

  busy<T>(what: string, run: () => T): T {
    // Only the outermost stretch is reported: the host wants to know when the worker is free again.
    if (this.port === null || this.depth > 0) return this.nested(run);
    const seq = ++this.seq;
    this.port.postMessage({ seq, busy: what });
    try {
      return this.nested(run);
    } finally {
      this.port.postMessage({ seq, busy: null });
    }
  }

  private nested<T>(run: () => T): T {
    this.depth++;
    try {
      return run();
    } finally {
      this.depth--;
    }
  }
}
