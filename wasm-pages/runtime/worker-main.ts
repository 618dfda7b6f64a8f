import * as Comlink from 'comlink';
import { parentEndpoint } from './endpoint.ts';
import { initWasi } from './wasi-runtime.ts';
import { createWasmWorldApi } from './worker-api.ts';

export interface WasmWorldWorkerOptions {
  /** Where @wasmer/wasi's own wasm is served (a build asset); default: the copy the library embeds. */
  readonly wasiWasm?: string | URL;
  /** How page module URLs are fetched (the browser worker: cache-first, for an offline start). */
  readonly moduleFetch?: typeof fetch;
}

/**
 * Runs the WASM world in this worker: starts WASI at once (so it is ready, or nearly, when the
 * host asks for the first page) and exposes one WasmWorld with comlink to the thread that started
 * the worker. A failed start is logged here and tried again by the first page load, whose error
 * then reaches the host.
 *
 * @example
 * await serveWasmWorld({ wasiWasm: wasmerWasiWasmUrl }); // a worker entry module
 */
export async function serveWasmWorld(options: WasmWorldWorkerOptions = {}): Promise<void> {
  initWasi(options.wasiWasm).catch((error: unknown) =>
    console.error('the WASM world could not start WASI (the first page load tries again):', error),
  );
  Comlink.expose(createWasmWorldApi(undefined, options.moduleFetch), await parentEndpoint());
}
