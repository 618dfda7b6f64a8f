import {
  type AbiVersion,
  describeIssue,
  describeValue,
  type PageCrashed,
  type PageMessage,
  type Params,
  ParamsSchema,
  RouteSchema,
} from '../../bridge/index.ts';
import type { PageModuleSource } from './module-source.ts';
import { containerOps, removeContainerOps } from './page-container.ts';
import { toPageEvent, type WasmWorldEvent, WasmWorldEventSchema } from './page-events.ts';
import { PageIdAllocator, type PageIds } from './page-ids.ts';
import { type PageCallResult, PageInstance } from './page-instance.ts';
import { loadPageModule, type PageLoadError, type PageModule } from './page-module.ts';
import { PageModuleCache } from './page-module-cache.ts';
import { SceneOutbox } from './scene-outbox.ts';
import type { StdoutLine } from './stdout-lines.ts';
import { initWasi } from './wasi-runtime.ts';
import type { WasmWorldMessage, WasmWorldSend } from './world-messages.ts';

/** The worker's own clock, on which the world runs page frames by itself. */
export interface WorldClock {
  now(): number;
  setTimer(callback: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

/** Runs a stretch of page code, telling whoever watches the worker that it is busy meanwhile. */
export type BusyGuard = <T>(what: string, run: () => T) => T;

export interface WasmWorldOptions {
  /** Receives every message of the world, in order; `transfer` lists buffers it may take over. */
  readonly send: WasmWorldSend;
  /** How module URLs are fetched; default the global fetch (the browser worker caches them, module-bytes-cache.ts). */
  readonly moduleFetch?: typeof fetch;
  /**
   * Frames on demand (how the worker runs it): with a clock, the world runs a page's frame right
   * after each call that reached it and sends its batch at once, and after that only when the page
   * asked for a frame (timers, animations) from `ficus_frame`'s answer. Nothing runs or is sent
   * while no page has anything to do. Without a clock (tests), frames run only on `frame()`.
   */
  readonly clock?: WorldClock;
  /** Wraps the frames the world runs on its own clock (the worker reports them to its watchdog). */
  readonly busy?: BusyGuard;
}

/** The shortest time between two frames of one page: one display frame. */
export const FRAME_INTERVAL_MS = 16;

export type PageLoadOutcome =
  | { readonly ok: true; readonly page: string }
  | { readonly ok: false; readonly error: PageLoadError };

export type MountResult =
  | { readonly status: 'mounted'; readonly rootId: number; readonly firstId: number }
  /** The module could not be instantiated or speaks another ABI version: no page code ran. */
  | { readonly status: 'refused'; readonly error: PageLoadError }
  | { readonly status: 'crashed'; readonly crash: PageCrashed };

export type EventResult =
  | { readonly status: 'delivered' }
  /** No live page under that key (never mounted, unmounted or crashed): nothing was called. */
  | { readonly status: 'ignored' }
  | { readonly status: 'crashed'; readonly crash: PageCrashed };

export type UnmountResult =
  | { readonly status: 'unmounted' }
  | { readonly status: 'ignored' }
  | { readonly status: 'crashed'; readonly crash: PageCrashed };

export interface FrameResult {
  /** The frame's number (1, 2, ...), as in its `scene.batch` messages. */
  readonly frame: number;
  /** How many `scene.batch` messages the frame sent (at most one per mounted page). */
  readonly batches: number;
}

interface LoadedPage {
  readonly module: PageModule;
  /** What it was loaded from: a copy of bare bytes, or the manifest's sha256 of its content. */
  readonly content: Uint8Array | string;
  /**
   * The ABI version is checked on the first instantiation: what the module declared is kept (its
   * later instances read messages in it), a version this world does not run is remembered.
   */
  abi: 'unchecked' | AbiVersion | PageLoadError;
}

interface MountedPage {
  readonly key: string;
  readonly page: string;
  readonly ids: PageIds;
  /** Null once unmounted or crashed: a page instance is never reused. */
  instance: PageInstance | null;
  readonly outbox: SceneOutbox;
  /** When the page asked for its next frame (clock time), or null: it waits for an event. */
  wakeAt: number | null;
}

const sameContent = (a: Uint8Array | string, b: Uint8Array | string): boolean =>
  typeof a === 'string' || typeof b === 'string'
    ? a === b
    : a.byteLength === b.byteLength && a.every((byte, i) => byte === b[i]);

/**
 * The WASM world (it runs inside the worker): loads page modules, mounts each page on its own
 * instance, hands it events, and sends at most one `scene.batch` per page per frame. A page that
 * traps, aborts or breaks the ABI crashes alone: the world reports a typed crash, removes the
 * page's container, drops the instance, and keeps serving the other pages.
 *
 * Frames are on demand when the world has a clock (in the worker): a page's frame runs right after
 * each call that reached it, its batch goes out at once, and further frames run only when the page
 * asked for one. Without a clock, `frame()` runs them (deterministic tests).
 *
 * @example
 * const world = new WasmWorld({ send: (message, transfer) => port.postMessage(message, transfer), clock });
 * await world.load('profiles', bytes);
 * world.mount('entry-1', 'profiles', {}); // its first scene.batch is sent before this returns
 * world.event('entry-1', { type: 'select', world: 'wasm', nodeId: 16777218, focusKey: 'profile:p1' });
 */
export class WasmWorld {
  private readonly modules = new Map<string, LoadedPage>();
  /** Compiled modules of manifest entries by content hash, and their downloads in flight. */
  private readonly compiled: PageModuleCache;
  private readonly pages = new Map<string, MountedPage>();
  /** Pages gone since the last frame whose last batch (the container's removal) is still to send. */
  private readonly leaving = new Map<string, MountedPage>();
  private readonly ids = new PageIdAllocator();
  private frameCount = 0;
  /** The clock timer of the next page frame the world runs by itself, if any is due. */
  private wakeTimer: { readonly handle: unknown; readonly at: number } | undefined;

  constructor(private readonly options: WasmWorldOptions) {
    this.compiled = new PageModuleCache(options.moduleFetch);
  }

  /** The keys of the pages mounted and alive. */
  get mountedKeys(): string[] {
    return [...this.pages.keys()];
  }

  /**
   * Compiles and checks a page's module and caches it by page: loading the same content again
   * (the same bytes, or the same manifest digest) is free. A manifest entry's module, as bytes or
   * as a URL the worker fetches itself, is checked against the entry's digest before anything
   * compiles it, and kept compiled by content hash for the session (a second request joins one
   * still downloading). WASI starts meanwhile. A module that fails
   * is refused with a typed error and forgotten.
   */
  async load(page: string, source: PageModuleSource): Promise<PageLoadOutcome> {
    const route = RouteSchema.check(page);
    if (!route.ok)
      throw new TypeError(
        `load: page ${describeValue(page)} is not a route name (${describeIssue(route.issue)})`,
      );
    const content = source instanceof Uint8Array ? source : source.sha256;
    const cached = this.modules.get(page);
    if (cached !== undefined && sameContent(cached.content, content)) {
      await initWasi();
      return typeof cached.abi === 'object' ? { ok: false, error: cached.abi } : { ok: true, page };
    }
    const [result] = await Promise.all([
      source instanceof Uint8Array ? loadPageModule(page, source) : this.compiled.compile(page, source),
      initWasi(),
    ]);
    if (!result.ok) {
      this.modules.delete(page);
      return result;
    }
    const kept = typeof content === 'string' ? content : content.slice();
    this.modules.set(page, { module: result.module, content: kept, abi: 'unchecked' });
    return { ok: true, page };
  }

  /**
   * Mounts a loaded page under `key` (the history entry's key) on a fresh instance: the world
   * queues the page's container, then the page builds its first scene; both go out with the next
   * frame as one batch. Throws for host mistakes (page not loaded, key in use, bad params).
   */
  /**
   * Mounts `page` under `key`. With `hidden`, its container starts with `visible: false` (the
   * router mounts the next page offscreen and reveals it with `setVisible`).
   */
  mount(key: string, page: string, params: Params, options: { readonly hidden?: boolean } = {}): MountResult {
    const loaded = this.modules.get(page);
    if (loaded === undefined) {
      throw new Error(
        `mount: page "${page}" is not loaded in the WASM world; call load("${page}", bytes) first`,
      );
    }
    if (this.pages.has(key))
      throw new Error(`mount: a page is already mounted under key "${key}"; unmount it first`);
    const checked = ParamsSchema.check(params);
    if (!checked.ok)
      throw new TypeError(`mount: params of "${page}" are malformed ${describeIssue(checked.issue)}`);
    if (typeof loaded.abi === 'object') return { status: 'refused', error: loaded.abi };

    // Ids first: if the world has run out, fail before an instance exists that would need freeing.
    const ids = this.ids.allocate();
    const created = PageInstance.instantiate(
      loaded.module,
      loaded.abi === 'unchecked'
        ? { checkAbiVersion: true }
        : { checkAbiVersion: false, abiVersion: loaded.abi },
    );
    if (!created.ok) {
      if (created.error.code === 'wrong-abi-version') loaded.abi = created.error;
      return { status: 'refused', error: created.error };
    }
    loaded.abi = created.instance.abiVersion;
    const mounted: MountedPage = {
      key,
      page,
      ids,
      instance: created.instance,
      outbox: new SceneOutbox(),
      wakeAt: null,
    };
    // A page remounted under the key of one that just left: keep one batch per key per frame.
    const previous = this.leaving.get(key);
    if (previous !== undefined) {
      mounted.outbox.takeOver(previous.outbox);
      this.leaving.delete(key);
    }
    mounted.outbox.pushOps(containerOps(ids.rootId));
    if (options.hidden === true)
      mounted.outbox.pushOps([{ op: 'setProp', id: ids.rootId, name: 'visible', value: false }]);
    this.pages.set(key, mounted);
    const outcome = this.settle(mounted, created.instance.mount(ids, page, checked.value));
    this.afterCall(mounted, true);
    return outcome.status === 'crashed' ? outcome : { status: 'mounted', ...ids };
  }

  /** Hands a mounted page an event: focus, blur, select, arrow, a history sync or a data result. */
  event(key: string, event: WasmWorldEvent): EventResult {
    return this.events(key, [event]);
  }

  /**
   * Hands a mounted page several events in order, then runs its frame once: what a key press
   * causes together (a blur and a focus, an arrow) reaches the host as one batch, painted in one
   * frame. Stops at the first event the page crashes on. Throws, before delivering any, if one is
   * malformed.
   *
   * @example
   * world.events('entry-1', [{ type: 'blur', ... }, { type: 'focus', ... }]); // { status: 'delivered' }
   */
  events(key: string, events: readonly WasmWorldEvent[]): EventResult {
    const checked = events.map((event, index) => {
      const result = WasmWorldEventSchema.check(event);
      if (!result.ok) {
        const which = events.length === 1 ? '' : ` (event ${index + 1} of ${events.length})`;
        throw new TypeError(`event for "${key}"${which} is malformed ${describeIssue(result.issue)}`);
      }
      return result.value;
    });
    const mounted = this.pages.get(key);
    if (mounted?.instance == null) return { status: 'ignored' };
    let result: EventResult = { status: 'ignored' };
    for (const event of checked) {
      const instance = mounted.instance;
      if (instance === null) break;
      result = this.settle(mounted, instance.event(toPageEvent(event)));
      if (result.status !== 'delivered') break;
    }
    this.afterCall(mounted, true);
    return result;
  }

  /**
   * Calls every mounted page's `ficus_frame`, then sends at most one `scene.batch` per page: all
   * it emitted since the last frame, merged (or its own bytes untouched if it emitted one batch).
   */
  frame(nowMs: number): FrameResult {
    if (!Number.isFinite(nowMs))
      throw new TypeError(`frame: nowMs must be a finite number, got ${describeValue(nowMs)}`);
    for (const mounted of [...this.pages.values()]) this.tick(mounted, nowMs);
    const result = this.sendPending();
    this.schedule();
    return result;
  }

  /** Runs one page's frame and notes when it wants the next one. */
  private tick(mounted: MountedPage, nowMs: number): void {
    const instance = mounted.instance;
    if (instance === null) return;
    const result = instance.frame(nowMs);
    const next = result.status === 'ok' ? result.output.nextFrameMs : null;
    this.settle(mounted, result);
    mounted.wakeAt = next === null ? null : nowMs + Math.max(next, FRAME_INTERVAL_MS);
  }

  /** Sends every page's queued batch (at most one per page) under one frame number. */
  private sendPending(): FrameResult {
    const frame = ++this.frameCount;
    let batches = 0;
    for (const mounted of [...this.leaving.values(), ...this.pages.values()]) {
      const bytes = mounted.outbox.take();
      if (bytes === null) continue;
      this.options.send({ type: 'scene.batch', page: mounted.page, frame, bytes }, [bytes.buffer]);
      batches++;
    }
    // Their containers' removal has now been sent: later mounts may reuse their ids.
    for (const left of this.leaving.values()) this.ids.release(left.ids);
    this.leaving.clear();
    return { frame, batches };
  }

  /**
   * With a clock, a call's effect reaches the host at once: the page's frame runs right after the
   * call (so changes made in an event need no display frame to wait for) and its batch is sent.
   */
  private afterCall(mounted: MountedPage, runFrame: boolean): void {
    const clock = this.options.clock;
    if (clock === undefined) return;
    if (runFrame) this.tick(mounted, clock.now());
    this.sendPending();
    this.schedule();
  }

  /** Arms the clock for the earliest frame a page asked for; disarms it when none did. */
  private schedule(): void {
    const clock = this.options.clock;
    if (clock === undefined) return;
    let earliest = Number.POSITIVE_INFINITY;
    for (const mounted of this.pages.values()) {
      if (mounted.instance !== null && mounted.wakeAt !== null) earliest = Math.min(earliest, mounted.wakeAt);
    }
    if (this.wakeTimer !== undefined) {
      if (this.wakeTimer.at === earliest) return;
      clock.clearTimer(this.wakeTimer.handle);
      this.wakeTimer = undefined;
    }
    if (earliest === Number.POSITIVE_INFINITY) return;
    const handle = clock.setTimer(() => this.wake(), Math.max(0, earliest - clock.now()));
    this.wakeTimer = { handle, at: earliest };
  }

  /** The clock's timer: the frames that are due run, and their batches go out. */
  private wake(): void {
    const clock = this.options.clock;
    this.wakeTimer = undefined;
    if (clock === undefined) return;
    const now = clock.now();
    // A timer may fire a little early: within a millisecond counts as due.
    const due = [...this.pages.values()].filter((m) => m.wakeAt !== null && m.wakeAt <= now + 1);
    const run = () => {
      for (const mounted of due) this.tick(mounted, now);
      this.sendPending();
    };
    if (this.options.busy === undefined) run();
    else this.options.busy('frame', run);
    this.schedule();
  }

  /** Shows or hides a mounted page's container (sent with the next frame). The world owns the container, so the host asks. */
  setVisible(key: string, visible: boolean): EventResult {
    const mounted = this.pages.get(key);
    if (mounted === undefined) return { status: 'ignored' };
    mounted.outbox.pushOps([
      { op: 'setProp', id: mounted.ids.rootId, name: 'visible', value: visible ? null : false },
    ]);
    this.afterCall(mounted, false);
    return { status: 'delivered' };
  }

  /** Calls the page's `ficus_unmount`, drops its instance and removes its container (next frame). */
  unmount(key: string): UnmountResult {
    const mounted = this.pages.get(key);
    if (mounted?.instance == null) return { status: 'ignored' };
    const outcome = this.settle(mounted, mounted.instance.unmount());
    if (outcome.status !== 'crashed') this.retire(mounted);
    this.afterCall(mounted, false);
    return outcome.status === 'crashed' ? outcome : { status: 'unmounted' };
  }

  /** Routes what a call produced: batches to the page's outbox, messages out now, a crash retires it. */
  private settle(mounted: MountedPage, result: PageCallResult): EventResult {
    switch (result.status) {
      case 'dead':
        return { status: 'ignored' };
      case 'ok':
        for (const batch of result.output.batches) mounted.outbox.push(batch);
        for (const message of result.output.messages) this.options.send(this.fromPage(mounted, message));
        this.forwardStdout(mounted, result.output.stdout);
        return { status: 'delivered' };
      case 'crashed':
        this.forwardStdout(mounted, result.stdout);
        this.options.send(result.crash);
        this.retire(mounted);
        return { status: 'crashed', crash: result.crash };
    }
  }

  private retire(mounted: MountedPage): void {
    mounted.instance = null;
    mounted.wakeAt = null;
    this.pages.delete(mounted.key);
    mounted.outbox.pushOps(removeContainerOps(mounted.ids.rootId));
    this.leaving.set(mounted.key, mounted);
  }

  private forwardStdout(mounted: MountedPage, lines: readonly StdoutLine[]): void {
    for (const { level, message } of lines) {
      this.options.send({
        type: 'log',
        page: mounted.page,
        key: mounted.key,
        level,
        message,
        source: 'stdout',
      });
    }
  }

  private fromPage({ page, key }: MountedPage, message: PageMessage): WasmWorldMessage {
    switch (message.type) {
      case 'navigate':
      case 'replace':
        return { type: message.type, route: message.route, params: { ...message.params } };
      case 'back':
        return { type: 'back' };
      case 'data.request': {
        // Method and body only when the page sent them: a v1 page's request goes out as it always did.
        const { requestId, method, path, body } = message;
        return {
          type: 'data.request',
          page,
          key,
          requestId,
          ...(method === undefined ? {} : { method }),
          path,
          ...(body === undefined ? {} : { body }),
        };
      }
      case 'log':
        return { type: 'log', page, key, level: message.level, message: message.message, source: 'page' };
      case 'metric':
        return { type: 'metric', page, key, name: message.name, value: message.value };
    }
  }
}
