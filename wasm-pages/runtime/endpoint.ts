import type { Endpoint } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';

const isEndpoint = (value: unknown): value is Endpoint =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Partial<Endpoint>).postMessage === 'function' &&
  typeof (value as Partial<Endpoint>).addEventListener === 'function' &&
  typeof (value as Partial<Endpoint>).removeEventListener === 'function';

const runningInNode = (): boolean =>
  typeof process !== 'undefined' && typeof process.versions?.node === 'string';

/**
 * The channel to the thread that started this worker, so the same worker code runs in both
 * places: under Node it is `worker_threads`' `parentPort` wrapped by comlink's node adapter; in
 * a browser module worker it is the worker's global scope (`self`).
 *
 * @example
 * Comlink.expose(api, await parentEndpoint());
 */
export async function parentEndpoint(): Promise<Endpoint> {
  if (runningInNode()) {
    // Imported only when running in Node, so a browser bundle never executes it.
    const { parentPort } = await import('node:worker_threads');
    if (parentPort === null) {
      throw new Error('the WASM world worker must run in a worker thread, not on the main thread');
    }
    return nodeEndpoint(parentPort);
  }
  const scope: unknown = globalThis;
  if (isEndpoint(scope)) return scope;
  throw new Error(
    'the WASM world worker found neither worker_threads nor a worker global scope to talk through',
  );
}
