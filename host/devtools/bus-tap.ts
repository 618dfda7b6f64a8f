import * as Comlink from 'comlink';
import type { WasmWorldRemote } from '../boot/wasm-world-client.ts';
import { Listeners } from './listeners.ts';

/**
 * One crossing of the worker boundary, as the tap saw it: a call into the WASM world (host →
 * worker), its reply, or a message the world sent (scene batches, data requests, logs...).
 * `payload` is what crossed (the call's arguments, the reply, the message): read it at once and
 * keep only a summary, so nothing the world sent is held alive.
 */
export interface BusCrossing {
  readonly direction: 'to-worker' | 'from-worker';
  readonly kind: 'call' | 'reply' | 'message';
  /** The call ("event", "mount"...) a call or reply belongs to; "message" for the world's messages. */
  readonly name: string;
  readonly payload: unknown;
  /** performance.now() when it crossed. */
  readonly at: number;
}

/** Everyone watching the WASM world's bus (devtools, while open); empty by default. */
const watchers = new Listeners<BusCrossing>();

/**
 * Watches every crossing of every WASM world worker started by `startBrowserWorker`, until the
 * returned function is called. The tap costs one check per crossing while nobody watches.
 *
 * @example
 * const stop = watchWorkerBus((crossing) => log.add(crossing));
 */
export function watchWorkerBus(listener: (crossing: BusCrossing) => void): () => void {
  return watchers.add(listener);
}

const crossed = (
  direction: BusCrossing['direction'],
  kind: BusCrossing['kind'],
  name: string,
  payload: unknown,
) => watchers.emit({ direction, kind, name, payload, at: performance.now() });

/** A call, and its reply when it comes; rejections pass through untouched. */
function watched(name: string, args: readonly unknown[], call: () => Promise<unknown>): Promise<unknown> {
  if (!watchers.active) return call();
  crossed('to-worker', 'call', name, args);
  return call().then((reply) => {
    crossed('from-worker', 'reply', name, reply);
    return reply;
  });
}

/**
 * The WASM world's comlink remote, with a tap on each call, its reply, and the messages the world
 * sends to the listener `connect` registers. The tap sits here rather than on the Worker's
 * endpoint because the world's messages do not cross that endpoint: they come back on the
 * MessageChannel comlink opens for the proxied listener.
 *
 * What the tap passes on is exactly what it was given: the same arguments (so comlink still finds
 * what `Comlink.transfer` marked for transfer) and the same answers.
 *
 * @example
 * const api = tapWasmWorldRemote(Comlink.wrap<WasmWorldApi>(worker));
 */
export function tapWasmWorldRemote(remote: WasmWorldRemote): WasmWorldRemote {
  return {
    hello: () => watched('hello', [], () => remote.hello()),
    load: (page, source) => watched('load', [page, source], () => remote.load(page, source)),
    mount: (key, page, params, options) =>
      watched('mount', [key, page, params, options], () =>
        options === undefined ? remote.mount(key, page, params) : remote.mount(key, page, params, options),
      ),
    setVisible: (key, visible) =>
      watched('setVisible', [key, visible], () => remote.setVisible(key, visible)),
    event: (key, event) => watched('event', [key, event], () => remote.event(key, event)),
    events: (key, events) => watched('events', [key, events], () => remote.events(key, events)),
    frame: (nowMs) => watched('frame', [nowMs], () => remote.frame(nowMs)),
    unmount: (key) => watched('unmount', [key], () => remote.unmount(key)),
    connect: (listener, progress) => {
      const tapped = Comlink.proxy((message: Parameters<typeof listener>[0]) => {
        if (watchers.active) crossed('from-worker', 'message', 'message', message);
        return listener(message);
      });
      return watched('connect', [], () =>
        progress === undefined ? remote.connect(tapped) : remote.connect(tapped, progress),
      );
    },
  };
}
