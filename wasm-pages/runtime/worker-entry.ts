// The WASM world's worker: one WasmWorld exposed with comlink to the thread that started it, WASI
// starting at once. Start it with `startWasmWorldWorker()` under Node, or in a browser with
// `new Worker(new URL('./worker-entry.ts', import.meta.url), { type: 'module' })` (Vite bundles
// it); the app's build uses host/wasm-world/wasm-world.worker.ts, which serves WASI's wasm as a file.
import { serveWasmWorld } from './worker-main.ts';

export type { WasmWorldApi, WasmWorldHello, WasmWorldListener } from './worker-api.ts';

await serveWasmWorld();
