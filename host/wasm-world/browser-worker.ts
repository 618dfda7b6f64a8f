import * as Comlink from 'comlink';
import type { WasmWorldApi } from '../../wasm-pages/runtime/worker-api.ts';
import type { WasmWorldWorker } from '../boot/wasm-world-client.ts';

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
  // No comlink release message first: a hung worker would never answer it.
  return { api, terminate: () => worker.terminate() };
}
