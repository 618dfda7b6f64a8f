import { REFERENCE_PLAN } from '../../migration-plan/index.ts';
import { firstWasmPage, prestartWasmWorld } from '../wasm-world/wasm-prestart.ts';

// main.ts imports this module first (a bare import, which import sorting keeps in place), so it
// runs before React, the pages and msw are even evaluated: the WASM world's worker (WASI starts
// in it), the manifest and the first page's module (downloaded and compiled in the worker) get
// that head start, and the whole boot after it.

/** The WASM world started early; main.ts hands it to bootBrowserApp. */
export const wasmWorld = prestartWasmWorld({
  base: '/wasm/',
  firstPage: firstWasmPage(REFERENCE_PLAN, location.pathname, location.search),
});
