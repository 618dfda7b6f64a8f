// The browser app's WASM world worker. Its build serves @wasmer/wasi's own wasm as a file (the
// `wasmerWasiAsset` Vite plugin emits it and strips the base64 copy from the library), so WASI
// instantiates while it downloads instead of decoding 400 KB of base64 text. In `vite dev` the
// URL is null and the library's embedded copy is used.
import wasmerWasiWasm from 'virtual:ficus/wasmer-wasi-wasm';
import { serveWasmWorld } from '../../wasm-pages/runtime/worker-main.ts';
import { cachedModuleFetch } from './module-bytes-cache.ts';

// Page modules are kept in Cache Storage as they download: a device starts offline on the release it ran.
const moduleFetch = cachedModuleFetch(globalThis.caches, (input, init) => fetch(input, init));
await serveWasmWorld(wasmerWasiWasm === null ? { moduleFetch } : { wasiWasm: wasmerWasiWasm, moduleFetch });
