import * as Comlink from 'comlink';
import { ABI_VERSION, CONTRACT_VERSION, type Params } from '../../bridge/index.ts';
import type { PageModuleSource } from './module-source.ts';
import type { WasmWorldEvent } from './page-events.ts';
import {
  type EventResult,
  type FrameResult,
  type MountResult,
  type PageLoadOutcome,
  type UnmountResult,
  WasmWorld,
  type WorldClock,
} from './wasm-world.ts';
import { type ProgressPort, ProgressReporter } from './worker-progress.ts';
import type { WasmWorldMessage } from './world-messages.ts';

/** What the worker speaks, so the host can refuse a mismatched worker before using it. */
export interface WasmWorldHello {
  readonly contractVersion: number;
  readonly abiVersion: number;
}

/** Receives the world's messages; the host passes it wrapped in `Comlink.proxy`. */
export type WasmWorldListener = (message: WasmWorldMessage) => unknown;

/**
 * The WASM world as the worker exposes it with comlink. Each call resolves only after every
 * message it sent has been handled by the connected listener, so `await api.frame(now)` means
 * the frame's batches have arrived (comlink's callback port and the call's reply port are
 * separate channels with no ordering between them).
 *
 * @example
 * const api = Comlink.wrap<WasmWorldApi>(endpoint);
 * await api.connect(Comlink.proxy((message) => host.receive(message)));
 * await api.load('profiles', Comlink.transfer(bytes, [bytes.buffer]));
 * await api.mount('entry-1', 'profiles', {});
 * await api.frame(performance.now());
 */
export interface WasmWorldApi {
  hello(): WasmWorldHello;
  /** A module's bytes, or a URL the worker fetches itself; compiled only once its sha256 matches (module-source.ts). */
  load(page: string, source: PageModuleSource): Promise<PageLoadOutcome>;
  mount(
    key: string,
    page: string,
    params: Params,
    options?: { readonly hidden?: boolean },
  ): Promise<MountResult>;
  setVisible(key: string, visible: boolean): Promise<EventResult>;
  event(key: string, event: WasmWorldEvent): Promise<EventResult>;
  /** Several events for one page in order, then one frame: they reach the host as one batch. */
  events(key: string, events: readonly WasmWorldEvent[]): Promise<EventResult>;
  frame(nowMs: number): Promise<FrameResult>;
  unmount(key: string): Promise<UnmountResult>;
  /**
   * Sets the listener (replacing any earlier one) and hands it what was sent before it connected.
   * `progress`, if given, receives a WorkerProgress report around every stretch of page code.
   */
  connect(listener: WasmWorldListener, progress?: ProgressPort): Promise<void>;
}

/** The worker's clock: frames the world runs by itself are timed with it. */
const WORKER_CLOCK: WorldClock = {
  now: () => performance.now(),
  setTimer: (callback, ms) => setTimeout(callback, ms),
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Builds the API object the worker exposes, around one WasmWorld. Messages are passed to the
 * listener with `Comlink.transfer` for their buffers (scene batch bytes move, never copy).
 *
 * @example
 * Comlink.expose(createWasmWorldApi(), endpoint);
 */
export function createWasmWorldApi(
  clock: WorldClock = WORKER_CLOCK,
  moduleFetch?: typeof fetch,
): WasmWorldApi {
  let listener: WasmWorldListener | null = null;
  const progress = new ProgressReporter();
  const backlog: (readonly [WasmWorldMessage, readonly Transferable[]])[] = [];
  const inFlight = new Set<Promise<unknown>>();

  const deliver = (to: WasmWorldListener, message: WasmWorldMessage, transfer: readonly Transferable[]) => {
    const delivery = Promise.resolve()
      .then(() => to(transfer.length === 0 ? message : Comlink.transfer(message, [...transfer])))
      .catch((error: unknown) => console.error('the WASM world listener failed:', error));
    inFlight.add(delivery);
    void delivery.finally(() => inFlight.delete(delivery));
  };
  const world = new WasmWorld({
    send: (message, transfer = []) => {
      if (listener === null) backlog.push([message, transfer]);
      else deliver(listener, message, transfer);
    },
    clock,
    busy: (what, run) => progress.busy(what, run),
    ...(moduleFetch === undefined ? {} : { moduleFetch }),
  });
  /** Waits until the listener has handled everything sent so far. */
  const delivered = async (): Promise<void> => {
    while (inFlight.size > 0) await Promise.all(inFlight);
  };
  const after = async <T>(result: T): Promise<T> => {
    await delivered();
    return result;
  };

  return {
    hello: () => ({ contractVersion: CONTRACT_VERSION, abiVersion: ABI_VERSION }),
    load: async (page, bytes) => after(await world.load(page, bytes)),
    mount: async (key, page, params, options = {}) =>
      after(progress.busy('mount', () => world.mount(key, page, params, options))),
    setVisible: async (key, visible) =>
      after(progress.busy('setVisible', () => world.setVisible(key, visible))),
    event: async (key, event) => after(progress.busy('event', () => world.event(key, event))),
    events: async (key, events) => after(progress.busy('event', () => world.events(key, events))),
    frame: async (nowMs) => after(progress.busy('frame', () => world.frame(nowMs))),
    unmount: async (key) => after(progress.busy('unmount', () => world.unmount(key))),
    connect: async (next, port) => {
      listener = next;
      if (port !== undefined) progress.connect(port);
      for (const [message, transfer] of backlog.splice(0)) deliver(next, message, transfer);
      await delivered();
    },
  };
}
