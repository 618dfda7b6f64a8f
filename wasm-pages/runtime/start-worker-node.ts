import { Worker } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { WasmWorldApi, WasmWorldHello } from './worker-api.ts';

export interface StartWasmWorldWorkerOptions {
  /** The worker's entry module; default: this folder's `worker-entry.ts`. */
  readonly entry?: URL;
}

export interface StartedWasmWorldWorker {
  readonly api: Comlink.Remote<WasmWorldApi>;
  /** What the worker answered to `hello()` once it was up. */
  readonly hello: WasmWorldHello;
  readonly worker: Worker;
  /** Releases the comlink proxy and stops the worker thread. */
  terminate(): Promise<void>;
}

/**
 * Worker code that imports a TypeScript entry through tsx. `execArgv: ['--import', 'tsx']` does
 * not work for workers on Node 20 (tsx's loader hooks never apply to the worker's own modules:
 * ERR_UNKNOWN_FILE_EXTENSION), so the worker runs this small script and tsx's `tsImport`.
 */
function tsxBootstrap(entry: URL): string {
  const tsxApi = import.meta.resolve('tsx/esm/api');
  return [
    `import(${JSON.stringify(tsxApi)})`,
    `.then(({ tsImport }) => tsImport(${JSON.stringify(entry.href)}, ${JSON.stringify(import.meta.url)}))`,
    // Rethrown outside the promise so it reaches the Worker's 'error' event, not an unhandled rejection.
    '.catch((error) => setImmediate(() => { throw error; }));',
  ].join('');
}

/**
 * Starts the WASM world in a Node `worker_threads` Worker and waits until it answers `hello()`
 * (rejecting if the worker fails to start). A `.ts` entry (tests, development) runs through
 * tsx; a built `.js` entry runs as it is.
 *
 * @example
 * const { api, terminate } = await startWasmWorldWorker();
 * await api.connect(Comlink.proxy((message) => received.push(message)));
 * await api.load('profiles', Comlink.transfer(bytes, [bytes.buffer]));
 * await terminate();
 */
export async function startWasmWorldWorker(
  options: StartWasmWorldWorkerOptions = {},
): Promise<StartedWasmWorldWorker> {
  const entry = options.entry ?? new URL('./worker-entry.ts', import.meta.url);
  const worker = entry.pathname.endsWith('.ts')
    ? new Worker(tsxBootstrap(entry), { eval: true })
    : new Worker(entry);
  const api = Comlink.wrap<WasmWorldApi>(nodeEndpoint(worker));
  const terminate = async (): Promise<void> => {
    api[Comlink.releaseProxy]();
    await worker.terminate();
  };
  let onError: (error: Error) => void = () => undefined;
  let onExit: (code: number) => void = () => undefined;
  const failed = new Promise<never>((_, reject) => {
    onError = (error) =>
      reject(new Error(`the WASM world worker failed to start: ${error.message}`, { cause: error }));
    onExit = (code) => reject(new Error(`the WASM world worker exited with code ${code} before it answered`));
    worker.once('error', onError);
    worker.once('exit', onExit);
  });
  try {
    const hello = await Promise.race([api.hello(), failed]);
    return { api, hello, worker, terminate };
  } catch (error) {
    await worker.terminate();
    throw error;
  } finally {
    worker.off('error', onError);
    worker.off('exit', onExit);
  }
}
