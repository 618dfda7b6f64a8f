/**
 * A WasmWorldClient (the real one, the code under test) on a scripted worker: the worker's side
 * of the boundary is played by the test, which sends the messages and gives the answers it
 * wants, well-formed or not. Nothing of ours is faked: the client, its schemas, its decoder and
 * its data requests all run for real; the backend's `fetch` only counts and refuses.
 *
 * @example
 * const world = scriptedWasmWorld();
 * await world.client.mount('k1', 'profiles', {}, false);
 * world.worker.send({ type: 'log', page: 'profiles', key: 'k1', level: 'info', message: 3, source: 'page' });
 * world.rejections; // [{ world: 'wasm', input: 'message', name: 'log', page: 'profiles', path: '.message', ... }]
 */
import {
  type WasmPageReport,
  WasmWorldClient,
  type WasmWorldRejection,
  type WasmWorldRemote,
  type WasmWorldWorker,
} from '../../host/boot/wasm-world-client.ts';
import type { WasmWorldListener } from '../../wasm-pages/runtime/worker-api.ts';
import { FakeClock } from '../support/fake-clock.ts';

export const HASH = 'c'.repeat(64);
export const PAGES = ['profiles', 'collections'] as const;

/** A manifest with a page module for each of PAGES. */
export const MANIFEST = {
  abiVersion: 1,
  modules: Object.fromEntries(
    PAGES.map((page) => [
      page,
      {
        kind: 'page',
        file: `${page}.cccccccccccc.wasm`,
        size: 1,
        sha256: HASH,
        abiVersion: 1,
        inputHash: HASH,
      },
    ]),
  ),
};

/** The calls the client makes whose answers a test may script. */
export type ScriptedCall = 'load' | 'mount' | 'setVisible' | 'event' | 'events' | 'unmount';

/** What a well-behaved worker answers. */
const WELL_FORMED: Readonly<Record<ScriptedCall, (page: string) => unknown>> = {
  load: (page) => ({ ok: true, page }),
  mount: () => ({ status: 'mounted', rootId: 1, firstId: 2 }),
  setVisible: () => ({ status: 'delivered' }),
  event: () => ({ status: 'delivered' }),
  events: () => ({ status: 'delivered' }),
  unmount: () => ({ status: 'unmounted' }),
};

/** A worker whose side of the boundary the test plays (see scriptedWasmWorld). */
export interface ScriptedWorker extends WasmWorldWorker {
  /** Every call the client made, e.g. "load profiles", "mount k1 profiles", "event k1 focus". */
  readonly calls: string[];
  /** The next answer to each call, once (then well-formed answers again). */
  readonly next: Partial<Record<ScriptedCall, unknown>>;
  /** Sends `message` as the world would; returns what the client's listener returned. */
  send(message: unknown): unknown;
}

export function scriptedWorker(): ScriptedWorker {
  let listener: WasmWorldListener | undefined;
  const calls: string[] = [];
  const next: Partial<Record<ScriptedCall, unknown>> = {};
  const answer = async (call: ScriptedCall, page: string, label: string): Promise<unknown> => {
    calls.push(label);
    if (Object.hasOwn(next, call)) {
      const scripted = next[call];
      delete next[call];
      return scripted;
    }
    return WELL_FORMED[call](page);
  };
  const api: WasmWorldRemote = {
    hello: async () => ({ contractVersion: 1, abiVersion: 1 }),
    load: (page) => answer('load', page, `load ${page}`),
    mount: (key, page) => answer('mount', page, `mount ${key} ${page}`),
    setVisible: (key) => answer('setVisible', '', `setVisible ${key}`),
    event: (key, event) => answer('event', '', `event ${key} ${event.type}`),
    events: (key, events) => answer('events', '', `events ${key} ${events.map((e) => e.type).join(',')}`),
    frame: async () => ({ frame: 1, batches: 0 }),
    unmount: (key) => answer('unmount', '', `unmount ${key}`),
    connect: async (connected) => {
      listener = connected;
    },
  };
  return {
    api,
    calls,
    next,
    terminate: () => undefined,
    send: (message) => {
      if (listener === undefined) throw new Error('the client has not connected to the scripted worker yet');
      // The listener's type is the worker's view; what the client receives is unknown to it.
      return listener(message as Parameters<WasmWorldListener>[0]);
    },
  };
}

/** A client on one scripted worker, with everything it reports recorded. */
export function scriptedWasmWorld(options: { readonly manifest?: () => unknown } = {}) {
  const worker = scriptedWorker();
  const clock = new FakeClock();
  const reports: WasmPageReport[] = [];
  const rejections: WasmWorldRejection[] = [];
  const fetched: string[] = [];
  let batchesSignalled = 0;
  const client = new WasmWorldClient({
    startWorker: async () => worker,
    manifest: async () => (options.manifest === undefined ? MANIFEST : options.manifest()),
    moduleBytes: async () => new Uint8Array([0, 0x61, 0x73, 0x6d]),
    moduleLoad: { timer: clock },
    apiBase: 'http://backend.test',
    fetch: async (input) => {
      fetched.push(String(input));
      return new Response('{"message":"no backend in this test"}', { status: 503 });
    },
    onMessage: (message) => reports.push(message),
    onBatch: () => {
      batchesSignalled++;
    },
    onRejected: (rejection) => rejections.push(rejection),
    watchdog: { timer: clock },
  });
  return {
    client,
    worker,
    clock,
    reports,
    rejections,
    fetched,
    get batchesSignalled() {
      return batchesSignalled;
    },
  };
}

/** Lets what the client started settle: promise jobs, then one turn of the event loop. */
export const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Collects unhandled promise rejections while installed; `stop` removes the listener. */
export function watchUnhandledRejections() {
  const seen: unknown[] = [];
  const onRejection = (reason: unknown) => seen.push(reason);
  process.on('unhandledRejection', onRejection);
  return { seen, stop: () => process.off('unhandledRejection', onRejection) };
}
