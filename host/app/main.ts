import { REFERENCE_PLAN } from '../../migration-plan/index.ts';
import { bootBrowserApp } from '../boot/browser-boot.ts';
import { startBrowserBackend } from '../mock-backend/browser.ts';
import { parseFailureSpec } from '../mock-backend/failure-rules.ts';
import { createMockBackend } from '../mock-backend/mock-backend.ts';
import { firstWasmPage, prestartWasmWorld } from '../wasm-world/wasm-prestart.ts';

// The reference app with its mock backend: /api/* is answered inside this page by msw;
// ?fail=home:500,search:slow makes endpoints misbehave to see the pages' error states.
const container = document.getElementById('app');
if (container === null) throw new Error('index.html must contain <div id="app">');

// First, so they run while the mock backend starts: the WASM world's worker (WASI starts in it),
// the manifest and the first page's module (downloaded and compiled in the worker).
const wasmWorld = prestartWasmWorld({
  base: '/wasm/',
  firstPage: firstWasmPage(REFERENCE_PLAN, location.pathname, location.search),
});

const backend = createMockBackend();
for (const rule of parseFailureSpec(new URLSearchParams(location.search).get('fail') ?? '')) {
  backend.fail(rule.endpoint, rule.mode, rule.options);
}
await startBrowserBackend(backend, { serviceWorkerUrl: '/mockServiceWorker.js' });
await bootBrowserApp({ container, plan: REFERENCE_PLAN, wasmBase: '/wasm/', wasmWorld });
