import { setupWorker } from 'msw/browser';
import type { MockBackend } from './mock-backend.ts';

export interface BrowserBackendOptions {
  /**
   * Where the app serves msw's service worker script. The file ships in the msw package as
   * `node_modules/msw/lib/mockServiceWorker.js`; the app build copies or serves it (for example
   * at "/mockServiceWorker.js"), and its version must match the installed msw.
   */
  readonly serviceWorkerUrl: string;
  /** Log every intercepted request to the console (off by default: a TV home is hundreds). */
  readonly verbose?: boolean;
}

/**
 * Serves `backend` to this page through msw's service worker; resolves once the worker is active,
 * so the first API request is already intercepted. Resolves to a function that stops it.
 * Requests that match no handler (the app's own scripts, wasm, images) go to the network.
 *
 * @example
 * const backend = createMockBackend();
 * for (const rule of parseFailureSpec(new URLSearchParams(location.search).get('fail') ?? '')) {
 *   backend.fail(rule.endpoint, rule.mode, rule.options);
 * }
 * const stop = await startBrowserBackend(backend, { serviceWorkerUrl: '/mockServiceWorker.js' });
 */
export async function startBrowserBackend(
  backend: MockBackend,
  options: BrowserBackendOptions,
): Promise<() => void> {
  const worker = setupWorker(...backend.handlers);
  await worker.start({
    serviceWorker: { url: options.serviceWorkerUrl },
    onUnhandledRequest: 'bypass',
    quiet: options.verbose !== true,
  });
  return () => worker.stop();
}
