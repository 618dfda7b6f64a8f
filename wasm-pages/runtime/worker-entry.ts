// The WASM world's worker: one WasmWorld exposed with comlink to the thread that started it.
// Start it with `new Worker(new URL('./worker-entry.ts', import.meta.url), { type: 'module' })`
// in a browser (Vite bundles it) or with `startWasmWorldWorker()` under Node.
import * as Comlink from 'comlink';
import { parentEndpoint } from './endpoint.ts';
import { createWasmWorldApi } from './worker-api.ts';

export type { WasmWorldApi, WasmWorldHello, WasmWorldListener } from './worker-api.ts';

Comlink.expose(createWasmWorldApi(), await parentEndpoint());
