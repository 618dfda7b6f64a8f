import { init } from '@wasmer/wasi';

let ready: Promise<void> | undefined;
let initialized = false;

/**
 * In a browser worker @wasmer/wasi's `init()` throws "Buffer is not defined": it decodes its
 * embedded wasm with Node's `Buffer.from(base64)`. This is the one call it needs.
 */
function installBufferShim(): void {
  if ('Buffer' in globalThis) return;
  Object.defineProperty(globalThis, 'Buffer', {
    configurable: true,
    writable: true,
    value: { from: (base64: string) => Uint8Array.from(atob(base64), (char) => char.charCodeAt(0)) },
  });
}

/**
 * Initializes @wasmer/wasi once per thread (it instantiates its own wasm); every later call
 * returns the same promise. A failed init is forgotten so the next call tries again.
 *
 * @example
 * await initWasi();
 * const wasi = new WASI({ args: [], env: {} });
 */
export function initWasi(): Promise<void> {
  if (ready === undefined) {
    installBufferShim();
    ready = init().then(
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
