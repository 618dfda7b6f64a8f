import { apiPaths } from '../../bridge/index.ts';
import { REFERENCE_PLAN } from '../../migration-plan/index.ts';
import { exampleRequest } from '../examples/example-request.ts';
import { browserReleaseCache } from '../releases/release-cache.ts';
import { firstWasmPage, prestartWasmWorld } from '../wasm-world/wasm-prestart.ts';

// main.ts imports this module first (a bare import, which import sorting keeps in place), so it
// runs before React, the pages and msw are even evaluated: the WASM world's worker (WASI starts
// in it), the manifest and the first page's module (downloaded and compiled in the worker) get
// that head start, and the whole boot after it.

let backendUp: () => void = () => undefined;
/** main.ts calls it once the mock backend answers: the release channel is asked only then. */
export const backendReady = (): void => backendUp();

/**
 * The release channel the app reads at start: `<meta name="ficus-release-channel" content=URL>`
 * in index.html, else the backend's `stable` channel.
 */
const channelUrl =
  document.querySelector('meta[name="ficus-release-channel"]')?.getAttribute('content') ??
  apiPaths.releaseChannel('stable');

/** An example (host/examples/) runs from the build's own manifest, which lists the examples. */
export const example = exampleRequest(location.pathname, location.search);

/** The WASM world started early; main.ts hands it to bootBrowserApp. */
export const wasmWorld = prestartWasmWorld({
  base: '/wasm/',
  firstPage: example === null ? firstWasmPage(REFERENCE_PLAN, location.pathname, location.search) : null,
  ...(example === null ? { release: releaseOptions() } : {}),
});

function releaseOptions() {
  return {
    channelUrl,
    cache: browserReleaseCache(globalThis.caches, globalThis.localStorage),
    ready: new Promise<void>((resolve) => {
      backendUp = resolve;
    }),
  };
}
