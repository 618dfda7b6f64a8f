import * as Comlink from 'comlink';
import {
  type CheckedSceneOps,
  type CrashPhase,
  describeIssue,
  EventResultSchema,
  type HistorySync,
  type MountResult,
  MountResultSchema,
  PageLoadOutcomeSchema,
  type Params,
  type Schema,
  type SchemaIssue,
  UnmountResultSchema,
  type WasmManifestEntry,
  type WasmWorldMessage,
} from '../../bridge/index.ts';
import type { WasmWorldEvent } from '../../wasm-pages/runtime/page-events.ts';
import type { WasmWorldApi } from '../../wasm-pages/runtime/worker-api.ts';
import { readWorkerProgress } from '../../wasm-pages/runtime/worker-progress.ts';
import type { ReleaseHooks } from '../releases/release-session.ts';
import { answerDataRequest } from '../wasm-world/data-requests.ts';
import type { DeadlineTimer } from '../wasm-world/module-deadline.ts';
import { ModuleLoader } from '../wasm-world/module-loader.ts';
import { PageEventQueue } from '../wasm-world/page-event-queue.ts';
import { readSceneBatch, readWorldMessage } from '../wasm-world/world-inbox.ts';
import { forPage, WasmWorldAnswerRefused, type WasmWorldRejection } from '../wasm-world/world-rejection.ts';
import { WasmWatchdog, WasmWorldHungError, type WasmWorldSlow, type WatchdogTimer } from './wasm-watchdog.ts';

export { WasmWorldAnswerRefused, type WasmWorldRejection } from '../wasm-world/world-rejection.ts';

/**
 * The WASM world as the host drives it: a comlink remote of the worker, or the API in-process.
 * Its answers are `unknown`: they come from the other side of the boundary, and the client checks
 * each against the bridge's schema (bridge/messages/world-results.ts) before it uses it.
 */
export type WasmWorldRemote = {
  [K in keyof WasmWorldApi]: (...args: Parameters<WasmWorldApi[K]>) => Promise<unknown>;
};

/** A running WASM world worker, as `startWorker` hands it over. */
export interface WasmWorldWorker {
  readonly api: WasmWorldRemote;
  /** Stops the worker thread, even one stuck in a page's infinite loop. Called once. */
  terminate(): Promise<void> | void;
}

/** What the world sends that the host handles itself (scene batches and data requests stay in the client). */
export type WasmPageReport = Exclude<WasmWorldMessage, { type: 'scene.batch' | 'data.request' }>;

export interface WasmWorldClientOptions {
  /** Starts a WASM world worker: once at start, and a fresh one each time the watchdog finds it hung. */
  readonly startWorker: () => Promise<WasmWorldWorker>;
  /** Reads the build's manifest (fetch in a browser, a file under Node). */
  readonly manifest: () => Promise<unknown>;
  /**
   * The release the manifest is, when modules come over the air (host/releases/): told of failed
   * loads, mounts and crashes on mount, so a release that fails falls back to the last known-good.
   */
  readonly release?: ReleaseHooks;
  /** The kinds of manifest entry loadable as pages; default `page` (the example browser adds `example`). */
  readonly moduleKinds?: readonly WasmManifestEntry['kind'][];
  /**
   * Where the worker fetches a module itself, compiling it while it downloads (browsers). Without
   * it the host reads the bytes with `moduleBytes` (Node: files) and hands them over.
   */
  readonly moduleUrl?: (file: string) => string;
  readonly moduleBytes?: (file: string) => Promise<Uint8Array>;
  /**
   * How long a page's module may take to load (manifest, download, compile; default 4000 ms)
   * before the mount fails and React serves the visit; the module keeps loading for the next.
   */
  readonly moduleLoad?: { readonly deadlineMs?: number; readonly timer?: DeadlineTimer };
  readonly apiBase: string;
  readonly fetch: typeof fetch;
  /** Navigation requests, crashes, logs and metrics from pages (a hung world's pages are reported crashed here too). */
  readonly onMessage: (message: WasmPageReport) => void;
  /** The hung worker was replaced and its pages reported crashed: everything it drew is gone. */
  readonly onRestart?: () => void;
  /**
   * A message, a call's answer or the manifest from the WASM world was refused where it entered
   * (it is logged with console.error and changed nothing): for telemetry.
   */
  readonly onRejected?: (rejection: WasmWorldRejection) => void;
  /** A scene batch arrived (the world sends them as pages emit them): time to schedule a frame. */
  readonly onBatch?: () => void;
  /** The world has been running one stretch of page code for half its budget (the warning before a restart). */
  readonly onSlow?: (slow: WasmWorldSlow) => void;
  /**
   * How long one stretch of page code may run before the worker counts as hung: `deadlineMs`
   * (default 2000) for events and frames, `budgets` per kind of work (default: mount 5000), and
   * the clock.
   */
  readonly watchdog?: {
    readonly deadlineMs?: number;
    readonly budgets?: Readonly<Record<string, number>>;
    readonly timer?: WatchdogTimer;
  };
}

/** The crash phase a hang is reported under, from what the worker said it was running. */
const phaseOfHang = (call: string): CrashPhase =>
  call === 'mount' || call === 'unmount' || call === 'frame' ? call : 'event';

/**
 * The host's side of the WASM world: it supervises the worker and keeps its pages' lifecycle,
 * and hands the other jobs to their own modules: page modules load on demand from the build
 * manifest (`ModuleLoader`), what the worker sends is checked at the boundary (`world-inbox.ts`),
 * a task's events for a page go out as one call (`PageEventQueue`), and pages' data requests are
 * answered through the backend contract (`data-requests.ts`, the same reads the React world does).
 *
 * Every call into the world is watched (WasmWatchdog): a page stuck in a loop blocks the worker,
 * so when a call gets no reply within the deadline, every page mounted or mounting there is
 * reported crashed (phase "frame"), the worker is terminated and a fresh one started; modules
 * load again on demand. Calls lost that way never reject: a frame is skipped, an event dropped.
 */
export class WasmWorldClient {
  private readonly modules: ModuleLoader;
  private readonly batches: CheckedSceneOps[] = [];
  private readonly mounted = new Set<string>();
  private mountTickets = 0;
  private readonly mountTicket = new Map<string, number>();
  /** The route of every key mounted or mounting (crash reports name routes; the host maps them back). */
  private readonly routes = new Map<string, string>();
  private readonly watchdog: WasmWatchdog;
  /** The current worker, starting or started; undefined before the first call and after a hang. */
  private worker: Promise<WasmWorldWorker> | undefined;
  /** Bumped when a worker is retired, so its late messages and answers are dropped. */
  private generation = 0;
  private stopped = false;
  /** This side of the current worker's progress channel. */
  private progressPort: MessagePort | undefined;
  /** Events asked for in this task, per page key, sent together at its end (`event`). */
  private readonly events = new PageEventQueue((key, events) => this.sendEvents(key, events));

  constructor(private readonly options: WasmWorldClientOptions) {
    const { deadlineMs, budgets, timer } = options.watchdog ?? {};
    this.watchdog = new WasmWatchdog({
      ...(deadlineMs === undefined ? {} : { deadlineMs }),
      ...(budgets === undefined ? {} : { budgets }),
      ...(timer === undefined ? {} : { timer }),
      onSlow: (slow) => {
        console.warn(
          `the WASM world has been running "${slow.call}" for ${slow.elapsedMs} ms (restarted at ${slow.budgetMs} ms)`,
        );
        options.onSlow?.(slow);
      },
      onHang: (hang) => this.restart(hang),
    });
    this.modules = new ModuleLoader(options, (route, source) =>
      this.call('load', route, PageLoadOutcomeSchema, (api) => api.load(route, source)),
    );
  }

  /** Starts the worker (if not yet) and connects to it; rejects if it fails to start. */
  async start(): Promise<void> {
    await this.current();
  }

  /** Stops the current worker for good; later calls fail. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.generation++;
    this.watchdog.dispose();
    this.closeProgress();
    const worker = this.worker;
    this.worker = undefined;
    const running = await worker?.catch(() => undefined);
    await running?.terminate();
  }

  /** Loads the page's module (once per worker); rejects with a reason naming the page. */
  load(route: string): Promise<void> {
    return this.modules.load(route);
  }

  /** New builds of these pages' modules exist: their next mount loads them (see ModuleLoader.invalidate). */
  modulesChanged(routes: readonly string[]): void {
    this.modules.invalidate(routes);
  }

  async mount(key: string, route: string, params: Params, hidden: boolean): Promise<void> {
    this.routes.set(key, route);
    const ticket = ++this.mountTickets;
    this.mountTicket.set(key, ticket);
    await this.load(route);
    // Unmounted (or mounted again) while its module loaded: this attempt is over.
    if (this.mountTicket.get(key) !== ticket) return;
    // Counted as mounted from the start: the page asks for its data while mounting, and the answer
    // may come back before the mount call does.
    this.mounted.add(key);
    let result: MountResult;
    try {
      result = await this.call('mount', route, MountResultSchema, (api) =>
        api.mount(key, route, params, { hidden }),
      );
    } catch (error) {
      // Not mounted after all (a refused answer, a hang): unless a newer mount of the key took over.
      if (this.mountTicket.get(key) === ticket) this.mounted.delete(key);
      throw error;
    }
    if (result.status !== 'mounted') {
      this.mounted.delete(key);
      const message =
        result.status === 'refused'
          ? result.error.message
          : `page "${route}" crashed on mount: ${result.crash.message}`;
      this.options.release?.crashedOnMount(route, message);
      throw new Error(message);
    }
    this.options.release?.mounted(route);
  }

  async setVisible(key: string, visible: boolean): Promise<void> {
    await this.tell('setVisible', this.routes.get(key) ?? null, EventResultSchema, (api) =>
      api.setVisible(key, visible),
    );
  }

  /**
   * Hands a page an event (focus, arrow, select, data...); never rejects. Events for one page in
   * the same task go to the worker as one call, so a key press's blur and focus come back as one
   * batch and cost one frame; any other call sends them first, so the worker sees calls in order.
   */
  event(key: string, event: WasmWorldEvent): Promise<void> {
    return this.events.push(key, event);
  }

  async unmount(key: string): Promise<void> {
    const route = this.routes.get(key) ?? null;
    this.mountTicket.delete(key);
    this.routes.delete(key);
    this.mounted.delete(key);
    await this.tell('unmount', route, UnmountResultSchema, (api) => api.unmount(key));
  }

  forget(key: string): void {
    this.routes.delete(key);
    this.mounted.delete(key);
  }

  isMounted(key: string): boolean {
    return this.mounted.has(key);
  }

  /** Entry keys of pages mounted or mounting that show `route` (a crash report names the route). */
  keysOf(route: string): string[] {
    return [...this.routes].filter(([, r]) => r === route).map(([key]) => key);
  }

  async syncHistory(sync: HistorySync): Promise<void> {
    await Promise.all([...this.mounted].map((key) => this.event(key, sync)));
  }

  /** What the worker is running now, by its own report (null when idle): for devtools and tests. */
  get running(): string | null {
    return this.watchdog.running;
  }

  /**
   * The batches received since the last call, in order: validated once, where they entered
   * (decodeSceneBatch in `receive`), and typed so (the store does not check their shape again).
   */
  takeBatches(): CheckedSceneOps[] {
    return this.batches.splice(0);
  }

  /**
   * Everything one worker sends, checked here once against the bridge's contract before anything
   * uses it: a malformed message (or batch bytes that do not decode) is dropped, logged and
   * reported, and changes nothing. Messages of a retired worker are dropped unread.
   */
  private receive(generation: number, input: unknown): void {
    if (generation !== this.generation) return;
    const read = readWorldMessage(input);
    if (!read.ok) {
      this.refuseMessage(read.name, read.page, read.issue);
      return;
    }
    const message = read.message;
    switch (message.type) {
      case 'scene.batch': {
        const batch = readSceneBatch(message.bytes);
        if (batch.ok) {
          this.batches.push(batch.ops);
          this.options.onBatch?.();
        } else this.refuseMessage('scene.batch', message.page, batch.issue);
        return;
      }
      case 'data.request': {
        const { key } = message;
        // Nothing is fetched for a page that is not (or no longer) mounted: its answer would be dropped.
        if (!this.mounted.has(key)) return;
        // answerDataRequest never rejects: a refused request or a failed fetch is an error answer.
        void answerDataRequest(message, this.options).then((event) => {
          if (generation === this.generation && this.mounted.has(key)) void this.event(key, event);
        });
        return;
      }
      default:
        this.options.onMessage(message);
    }
  }

  /** A message refused by `receive`: logged and reported, nothing else. */
  private refuseMessage(name: string, page: string | null, issue: SchemaIssue): void {
    console.error(
      `the WASM world sent a malformed ${JSON.stringify(name)} message${forPage(page)}, dropped: ${describeIssue(issue)}`,
    );
    this.options.onRejected?.({
      world: 'wasm',
      input: 'message',
      name,
      page,
      path: issue.path,
      reason: issue.message,
    });
  }

  /** The current worker, started (and connected to) on first use. */
  private current(): Promise<WasmWorldWorker> {
    if (this.stopped) return Promise.reject(new Error('the WASM world was stopped'));
    if (this.worker === undefined) {
      const starting = this.connect(this.generation);
      this.worker = starting;
      starting.then(
        () => undefined,
        () => {
          if (this.worker === starting) this.worker = undefined; // the next call tries again
        },
      );
    }
    return this.worker;
  }

  private async connect(generation: number): Promise<WasmWorldWorker> {
    const worker = await this.options.startWorker();
    if (generation !== this.generation) {
      await worker.terminate(); // retired (stopped) while it was starting
      throw new Error('the WASM world was stopped while its worker started');
    }
    // The worker reports each stretch of page code on a channel of its own, posted synchronously,
    // so the watchdog sees "busy" even when the page then never returns.
    const channel = new MessageChannel();
    this.closeProgress();
    this.progressPort = channel.port1;
    channel.port1.onmessage = (event: MessageEvent<unknown>) => {
      if (generation === this.generation) this.watchdog.progress(readWorkerProgress(event.data));
    };
    await worker.api.connect(
      // What arrives is unknown until `receive` has checked it.
      Comlink.proxy((message: unknown) => this.receive(generation, message)),
      Comlink.transfer(channel.port2, [channel.port2]),
    );
    return worker;
  }

  private closeProgress(): void {
    this.progressPort?.close();
    this.progressPort = undefined;
  }

  /** Hands one page the events queued for it in a task, as one call. */
  private sendEvents(key: string, events: readonly WasmWorldEvent[]): Promise<void> {
    const [only] = events;
    const page = this.routes.get(key) ?? null;
    return events.length === 1 && only !== undefined
      ? this.tell('event', page, EventResultSchema, (api) => api.event(key, only))
      : this.tell('event', page, EventResultSchema, (api) => api.events(key, events));
  }

  /**
   * One call on the current worker, under the watchdog, its answer checked against `answer`.
   * Rejects with WasmWorldHungError if the worker hangs, WasmWorldAnswerRefused (logged and
   * reported first) if the answer is malformed. `page` names the page in those reports.
   */
  private async call<T>(
    name: string,
    page: string | null,
    answer: Schema<T>,
    invoke: (api: WasmWorldRemote) => Promise<unknown>,
  ): Promise<T> {
    // Events queued in this task were asked for first: they go out first.
    if (name !== 'event' && this.events.pending) this.events.flush();
    const starting = this.current();
    const worker = await starting;
    // Found hung while this call waited for it: the call would go to a terminated worker.
    if (this.worker !== starting) throw new WasmWorldHungError(name, this.watchdog.budgetOf(name));
    const checked = answer.check(await this.watchdog.watch(name, invoke(worker.api)));
    if (checked.ok) return checked.value;
    const { issue } = checked;
    const text = `the WASM world's answer to "${name}"${forPage(page)} is malformed, the call failed: ${describeIssue(issue)}`;
    console.error(text);
    const rejection: WasmWorldRejection = {
      world: 'wasm',
      input: 'result',
      name,
      page,
      path: issue.path,
      reason: issue.message,
    };
    this.options.onRejected?.(rejection);
    throw new WasmWorldAnswerRefused(text, rejection);
  }

  /** A call whose answer nobody waits for: a hang drops it silently, other failures are logged (once). */
  private async tell<T>(
    name: string,
    page: string | null,
    answer: Schema<T>,
    invoke: (api: WasmWorldRemote) => Promise<unknown>,
  ): Promise<void> {
    try {
      await this.call(name, page, answer, invoke);
    } catch (error) {
      if (!(error instanceof WasmWorldHungError || error instanceof WasmWorldAnswerRefused))
        console.error(`the WASM world's ${name} call failed:`, error);
    }
  }

  /** The watchdog found the worker hung: report its pages crashed, replace it, forget its modules. */
  private restart(hang: WasmWorldHungError): void {
    console.error(
      `the WASM world did not answer "${hang.call}" within ${hang.deadlineMs} ms: restarting its worker`,
    );
    const hung = this.worker;
    const lost = [...this.routes.keys()];
    this.generation++;
    this.closeProgress();
    this.worker = undefined;
    this.modules.forget();
    this.mounted.clear();
    this.batches.length = 0;
    void hung
      ?.then((worker) => worker.terminate())
      .catch((error: unknown) => console.error('the hung WASM world worker did not terminate:', error));
    for (const page of new Set(this.routes.values())) {
      this.options.onMessage({
        type: 'crashed',
        page,
        phase: phaseOfHang(hang.call),
        message: hang.message,
        stderr: '',
      });
    }
    // What the host has not unmounted in answer to the reports was on the old worker only.
    for (const key of lost) this.routes.delete(key);
    this.options.onRestart?.();
    void this.current().catch((error: unknown) =>
      console.error('the WASM world worker did not restart:', error),
    );
  }
}
