import { init } from '@wasmer/wasi';
import { notWasm } from './module-source.ts';

let ready: Promise<void> | undefined;
let initialized = false;
/** Where @wasmer/wasi's own wasm is served, once a caller said so; else the copy embedded in the library. */
let runtimeUrl: string | undefined;

/**
 * In a browser worker @wasmer/wasi's `init()` without an input throws "Buffer is not defined":
 * it decodes its embedded wasm with Node's `Buffer.from(base64)`. This is the one call it needs.
 */
function installBufferShim(): void {
  if ('Buffer' in globalThis) return;
  Object.defineProperty(globalThis, 'Buffer', {
    configurable: true,
    writable: true,
    value: { from: (base64: string) => Uint8Array.from(atob(base64), (char) => char.charCodeAt(0)) },
  });
}

const describeError = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * @wasmer/wasi's wasm fetched from `url` and checked (a missing asset answered with index.html
 * and 200 is refused by name), instantiated while it downloads when served as application/wasm.
 */
async function initFrom(url: string): Promise<void> {
  const failed = (why: string) => new Error(`@wasmer/wasi's runtime (${url}) could not be loaded: ${why}`);
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw failed(describeError(error));
  }
  if (!response.ok) throw failed(`the server answered ${response.status} ${response.statusText}`.trim());
  const contentType = response.headers.get('content-type');
  if (contentType?.split(';')[0]?.trim() === 'application/wasm') {
    try {
      await init(response);
      return;
    } catch (error) {
      throw failed(describeError(error));
    }
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  const wrongContent = notWasm(url, bytes, contentType);
  if (wrongContent !== null) throw failed(wrongContent);
  try {
    await init(bytes);
  } catch (error) {
    throw failed(describeError(error));
  }
}

/**
 * Initializes @wasmer/wasi once per thread (it instantiates its own wasm); every later call
 * returns the same promise, so the worker starts it as soon as it runs and the first page load
 * finds it under way or done. `wasmUrl` (given by the first caller, kept for retries) is where
 * the build serves @wasmer/wasi's wasm as a file, instead of the base64 copy the library embeds
 * (the production build strips that copy). A failed init is forgotten so the next call tries again.
 *
 * @example
 * void initWasi(new URL('/assets/wasmer_wasi_js_bg.wasm', location.href)); // at worker start
 * await initWasi(); // later: the same promise
 * const wasi = new WASI({ args: [], env: {} });
 */
export function initWasi(wasmUrl?: string | URL): Promise<void> {
  if (wasmUrl !== undefined && runtimeUrl === undefined) runtimeUrl = String(wasmUrl);
  if (ready === undefined) {
    let starting: Promise<void>;
    if (runtimeUrl === undefined) {
      installBufferShim();
      starting = init();
    } else starting = initFrom(runtimeUrl);
    ready = starting.then(
      () => {
        initialized = true;
      },
      (error: unknown) => {
        ready = undefined;
        throw error;
      },
    );
  }
  return ready;
}

/** Whether `initWasi()` has finished on this thread (page instances cannot be created before). */
export function isWasiReady(): boolean {
  return initialized;
}
