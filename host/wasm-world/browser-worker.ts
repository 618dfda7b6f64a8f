import * as Comlink from 'comlink';
import type { WasmWorldApi } from '../../wasm-pages/runtime/worker-api.ts';
import type { WasmWorldWorker } from '../boot/wasm-world-client.ts';
import { tapWasmWorldRemote } from '../devtools/bus-tap.ts';

/**
 * Starts the WASM world in a module worker (Vite bundles `wasm-world.worker.ts`, which starts
 * WASI as soon as it runs); the watchdog calls it again after a hang.
 *
 * @example
 * const { api, terminate } = await startBrowserWorker();
 */
export async function startBrowserWorker(): Promise<WasmWorldWorker> {
  const worker = new Worker(new URL('./wasm-world.worker.ts', import.meta.url), { type: 'module' });
  const api = Comlink.wrap<WasmWorldApi>(worker);
  // A script that does not load (404, a syntax error, a CSP refusal) fires `error` and never
  // answers: reject, so the host serves React pages instead of waiting forever.
  let onError: (event: ErrorEvent) => void = () => undefined;
  const failed = new Promise<never>((_, reject) => {
    onError = (event) =>
      reject(
        new Error(
          `the WASM world's worker failed to start: ${event.message || 'its script did not load or run'}`,
        ),
      );
    worker.addEventListener('error', onError);
  });
  try {
    await Promise.race([api.hello(), failed]);
  } catch (error) {
    worker.terminate();
    throw error;
  } finally {
    worker.removeEventListener('error', onError);
  }
  // No comlink release message first: a hung worker would never answer it.
  // The bus tap lets devtools see what crosses; it costs nothing while nobody watches.
  return { api: tapWasmWorldRemote(api), terminate: () => worker.terminate() };
}
