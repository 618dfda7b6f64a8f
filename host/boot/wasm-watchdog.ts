import type { WorkerProgress } from '../../wasm-pages/runtime/worker-progress.ts';

/** How long one stretch of page code may run before its worker counts as hung (slow TVs included). */
export const DEFAULT_WASM_DEADLINE_MS = 2000;

/**
 * Budgets per kind of work, in ms. Mounting instantiates a module and builds a whole page, so it
 * gets longer than an event or a frame; anything not named here gets the default deadline.
 */
export const DEFAULT_WASM_BUDGETS_MS: Readonly<Record<string, number>> = { mount: 5000 };

/** How often a busy stretch is looked at; also the most a single look can add to its time. */
const CHECK_EVERY_MS = 250;
/** A look may come this much later than asked and still count fully; later means the host stalled. */
const ON_TIME_SLACK_MS = 50;

/** The clock the watchdog times with: the global timers, or fake ones in tests. */
export interface WatchdogTimer {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Milliseconds, monotonic. Default performance.now(). */
  now?(): number;
}

const GLOBAL_TIMER: WatchdogTimer = {
  // Looked up at call time, so test doubles installed on the globals (vi.useFakeTimers) apply.
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
  now: () => performance.now(),
};

/** A call lost because the WASM world hung; its message is the crash reason pages get. */
export class WasmWorldHungError extends Error {
  override readonly name = 'WasmWorldHungError';

  constructor(
    /** What the worker was running when it was found hung ('event', 'frame', 'mount', ...). */
    readonly call: string,
    readonly deadlineMs: number,
  ) {
    super(`the WASM world ran "${call}" for more than ${deadlineMs} ms without finishing; restarted`);
  }
}

/** A stretch of page code past half its budget: the warning before a possible restart. */
export interface WasmWorldSlow {
  readonly call: string;
  readonly elapsedMs: number;
  readonly budgetMs: number;
}

export interface WasmWatchdogOptions {
  /** The budget of everything not in `budgets`; default DEFAULT_WASM_DEADLINE_MS. */
  readonly deadlineMs?: number;
  /** Per kind of work (the worker's progress names it); default DEFAULT_WASM_BUDGETS_MS. */
  readonly budgets?: Readonly<Record<string, number>>;
  readonly timer?: WatchdogTimer;
  /** Lets messages already queued on this thread (the worker's "done") be read before convicting. */
  readonly drain?: () => Promise<void>;
  /** Half the budget has gone: said once per stretch, before any restart. */
  readonly onSlow?: (slow: WasmWorldSlow) => void;
  /**
   * The worker ran one stretch of page code past its budget. Every call in flight has just been
   * rejected with `hang` (the worker answers in order, so none of them will come back); calls
   * watched from now on belong to the next worker.
   */
  readonly onHang: (hang: WasmWorldHungError) => void;
}

interface Busy {
  readonly seq: number;
  readonly call: string;
  readonly budgetMs: number;
  /** Time counted against the stretch: only while this thread was there to look. */
  attendedMs: number;
  lastLook: number;
  warned: boolean;
  handle: unknown;
}

/** Yields one macrotask through a MessageChannel, behind messages that are already queued. */
async function drainMessages(): Promise<void> {
  const channel = new MessageChannel();
  try {
    await new Promise<void>((resolve) => {
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    });
  } finally {
    channel.port1.close();
    channel.port2.close();
  }
}

/**
 * Tells a hung WASM world from a slow one. A page stuck in an infinite loop blocks its worker, so
 * the worker can't report it; but the worker says, synchronously, when it starts and finishes
 * each stretch of page code (WorkerProgress), so the host knows exactly what the worker is doing
 * and since when. Only that stretch is timed, against its own budget, and only for time this
 * thread was there to look: a look that comes late because the main thread was stalled (a busy
 * device, a throttled tab) counts as one on-time look and re-arms, and before convicting, the
 * messages already queued are read (the "done" may be among them). A call waiting in the worker's
 * queue behind other work, or an answer nobody has read yet, never counts against a page.
 *
 * @example
 * const watchdog = new WasmWatchdog({ deadlineMs: 2000, onHang: (hang) => restartWorker(hang.message) });
 * progressPort.onmessage = (event) => watchdog.progress(readWorkerProgress(event.data));
 * await watchdog.watch('event', api.event(key, event)); // rejects only if the worker hangs
 */
export class WasmWatchdog {
  readonly deadlineMs: number;
  private readonly budgets: Readonly<Record<string, number>>;
  private readonly timer: WatchdogTimer;
  private readonly now: () => number;
  private readonly inFlight = new Set<(error: Error) => void>();
  private busy: Busy | undefined;
  private disposed = false;

  constructor(private readonly options: WasmWatchdogOptions) {
    const deadlineMs = options.deadlineMs ?? DEFAULT_WASM_DEADLINE_MS;
    const budgets = options.budgets ?? DEFAULT_WASM_BUDGETS_MS;
    for (const [name, ms] of [['deadlineMs', deadlineMs], ...Object.entries(budgets)] as const) {
      if (!Number.isFinite(ms) || ms <= 0)
        throw new RangeError(
          `the WASM watchdog's budget "${name}" must be a positive number of ms, got ${ms}`,
        );
    }
    this.deadlineMs = deadlineMs;
    this.budgets = budgets;
    this.timer = options.timer ?? GLOBAL_TIMER;
    const timer = this.timer;
    this.now = timer.now === undefined ? () => performance.now() : () => timer.now?.() ?? 0;
  }

  /** How many watched calls have not been answered yet. */
  get pending(): number {
    return this.inFlight.size;
  }

  /** What the worker is running now, by its own report, or null when it is idle. */
  get running(): string | null {
    return this.busy?.call ?? null;
  }

  /** The budget of one kind of work. */
  budgetOf(call: string): number {
    return this.budgets[call] ?? this.deadlineMs;
  }

  /** Settles as `reply` does, unless the world is found hung first (then rejects with the hang). */
  watch<T>(_call: string, reply: PromiseLike<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.inFlight.add(reject);
      reply.then(
        (value) => {
          if (this.inFlight.delete(reject)) resolve(value);
        },
        (error: unknown) => {
          if (this.inFlight.delete(reject)) reject(error);
        },
      );
    });
  }

  /** A report from the worker's progress port (null: not a report, ignored). */
  progress(report: WorkerProgress | null): void {
    if (report === null || this.disposed) return;
    if (report.busy === null) {
      if (this.busy?.seq === report.seq) this.clearBusy();
      return;
    }
    this.clearBusy();
    const now = this.now();
    this.busy = {
      seq: report.seq,
      call: report.busy,
      budgetMs: this.budgetOf(report.busy),
      attendedMs: 0,
      lastLook: now,
      warned: false,
      handle: undefined,
    };
    this.arm(this.busy);
  }

  /** Stops timing for good (the world is shutting down): no hang is found from now on. */
  dispose(): void {
    this.disposed = true;
    this.clearBusy();
  }

  private step(busy: Busy): number {
    return Math.min(CHECK_EVERY_MS, busy.budgetMs / 4);
  }

  private arm(busy: Busy): void {
    busy.handle = this.timer.setTimeout(() => void this.look(busy), this.step(busy));
  }

  private async look(busy: Busy): Promise<void> {
    busy.handle = undefined;
    if (this.busy !== busy) return;
    const now = this.now();
    const step = this.step(busy);
    // A late look means this thread was elsewhere: count it as one look on time, not the gap.
    busy.attendedMs += Math.min(now - busy.lastLook, step + ON_TIME_SLACK_MS);
    busy.lastLook = now;
    if (!busy.warned && busy.attendedMs >= busy.budgetMs / 2) {
      busy.warned = true;
      this.options.onSlow?.({
        call: busy.call,
        elapsedMs: Math.round(busy.attendedMs),
        budgetMs: busy.budgetMs,
      });
    }
    if (busy.attendedMs < busy.budgetMs) {
      this.arm(busy);
      return;
    }
    // Read what is already queued first: the worker's "done" may be waiting behind this timer.
    await (this.options.drain ?? drainMessages)();
    if (this.busy !== busy || this.disposed) return;
    this.convict(busy);
  }

  private convict(busy: Busy): void {
    this.busy = undefined;
    const hang = new WasmWorldHungError(busy.call, busy.budgetMs);
    const abandoned = [...this.inFlight];
    this.inFlight.clear();
    for (const reject of abandoned) reject(hang);
    this.options.onHang(hang);
  }

  private clearBusy(): void {
    const busy = this.busy;
    this.busy = undefined;
    if (busy?.handle !== undefined) this.timer.clearTimeout(busy.handle);
  }
}
