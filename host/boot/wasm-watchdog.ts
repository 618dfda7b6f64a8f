/** How long the WASM world may take to answer a call before its worker counts as hung (slow TVs included). */
export const DEFAULT_WASM_DEADLINE_MS = 2000;

/** The clock the watchdog times calls with: the global timers, or fake ones in tests. */
export interface WatchdogTimer {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const GLOBAL_TIMER: WatchdogTimer = {
  // Looked up at call time, so test doubles installed on the globals (vi.useFakeTimers) apply.
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** A call lost because the WASM world stopped answering; its message is the crash reason pages get. */
export class WasmWorldHungError extends Error {
  override readonly name = 'WasmWorldHungError';

  constructor(
    /** The call whose deadline passed first (e.g. "event"). */
    readonly call: string,
    readonly deadlineMs: number,
  ) {
    super(`the WASM world stopped answering (no reply in ${deadlineMs} ms); restarted`);
  }
}

export interface WasmWatchdogOptions {
  /** Default DEFAULT_WASM_DEADLINE_MS. */
  readonly deadlineMs?: number;
  readonly timer?: WatchdogTimer;
  /**
   * A call missed its deadline. Every call in flight has just been rejected with `hang` (they all
   * went to the same worker, which answers in order, so none of them will come back); calls
   * watched from now on belong to the next worker.
   */
  readonly onHang: (hang: WasmWorldHungError) => void;
}

interface InFlight {
  readonly reject: (error: Error) => void;
  timer: unknown;
}

/**
 * Times the host's calls into the WASM world. A page stuck in an infinite loop blocks its worker
 * thread, so the worker can't report it: the only sign is a call that never comes back. When a
 * call outlives the deadline, every call in flight is rejected with a WasmWorldHungError and
 * `onHang` runs once; replies that arrive later are dropped.
 *
 * @example
 * const watchdog = new WasmWatchdog({ deadlineMs: 2000, onHang: (hang) => restartWorker(hang.message) });
 * await watchdog.watch('frame', api.frame(now));       // rejects after 2 s without a reply
 * await watchdog.watch('load', api.load(page, bytes), { timed: false }); // no deadline, still abandoned on a hang
 */
export class WasmWatchdog {
  readonly deadlineMs: number;
  private readonly timer: WatchdogTimer;
  private readonly inFlight = new Set<InFlight>();
  private disposed = false;

  constructor(private readonly options: WasmWatchdogOptions) {
    const deadlineMs = options.deadlineMs ?? DEFAULT_WASM_DEADLINE_MS;
    if (!Number.isFinite(deadlineMs) || deadlineMs <= 0)
      throw new RangeError(`the WASM watchdog's deadline must be a positive number of ms, got ${deadlineMs}`);
    this.deadlineMs = deadlineMs;
    this.timer = options.timer ?? GLOBAL_TIMER;
  }

  /** How many watched calls have not been answered yet. */
  get pending(): number {
    return this.inFlight.size;
  }

  /**
   * Settles as `reply` does, unless the world is found hung first. With `timed: false` the call
   * has no deadline of its own (work that doesn't run page code and may be slow, like compiling a
   * module) but is still abandoned when another call finds the world hung.
   */
  watch<T>(call: string, reply: PromiseLike<T>, options: { readonly timed?: boolean } = {}): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const entry: InFlight = { reject, timer: undefined };
      if (options.timed !== false && !this.disposed)
        entry.timer = this.timer.setTimeout(() => this.expire(call), this.deadlineMs);
      this.inFlight.add(entry);
      const settled = (): boolean => {
        if (!this.inFlight.delete(entry)) return false; // abandoned by a hang: too late
        this.stopTimer(entry);
        return true;
      };
      reply.then(
        (value) => {
          if (settled()) resolve(value);
        },
        (error: unknown) => {
          if (settled()) reject(error);
        },
      );
    });
  }

  /** Stops timing for good (the world is shutting down): no deadline fires from now on. */
  dispose(): void {
    this.disposed = true;
    for (const entry of this.inFlight) this.stopTimer(entry);
  }

  private expire(call: string): void {
    const hang = new WasmWorldHungError(call, this.deadlineMs);
    const abandoned = [...this.inFlight];
    this.inFlight.clear();
    for (const entry of abandoned) {
      this.stopTimer(entry);
      entry.reject(hang);
    }
    this.options.onHang(hang);
  }

  private stopTimer(entry: InFlight): void {
    if (entry.timer === undefined) return;
    this.timer.clearTimeout(entry.timer);
    entry.timer = undefined;
  }
}
