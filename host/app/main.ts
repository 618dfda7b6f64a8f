// First, before anything else is evaluated: starts the WASM world (see wasm-early.ts).
import './wasm-early.ts';
import { bypass } from 'msw';
import { REFERENCE_PLAN } from '../../migration-plan/index.ts';
import { bootBrowserApp } from '../boot/browser-boot.ts';
import { exampleCatalog } from '../examples/example-catalog.ts';
import { renderExampleIndex } from '../examples/example-index.ts';
import { exampleApp } from '../examples/example-plan.ts';
import { SDK_EXAMPLE_SOURCES } from '../examples/sdk-example-sources.ts';
import { startBrowserBackend } from '../mock-backend/browser.ts';
import { parseFailureSpec } from '../mock-backend/failure-rules.ts';
import { createMockBackend } from '../mock-backend/mock-backend.ts';
import { fetchedReleases } from '../mock-backend/release-sources.ts';
import { backendReady, example, wasmWorld } from './wasm-early.ts';

// The reference app with its mock backend: /api/* is answered inside this page by msw;
// ?fail=home:500,search:slow makes endpoints misbehave to see the pages' error states.
// /examples, ?example=<id> and ?wasm-example=<id> are the example browser (host/examples/).
async function main(): Promise<void> {
  const container = document.getElementById('app');
  if (container === null) throw new Error('index.html must contain <div id="app">');
  const examples = exampleCatalog(SDK_EXAMPLE_SOURCES);
  if (example?.kind === 'index') {
    renderExampleIndex(document, examples);
    return;
  }

  // Under `npm start` a telemetry collector sits behind the dev server (telemetry-collector-plugin.ts
  // says so with a meta tag): the batches pass msw through to it instead of staying in the page.
  const collector = document.querySelector('meta[name="ficus-telemetry-collector"]') !== null;
  // The release channel serves what `npm run build:wasm` wrote to dist/wasm/releases/ (read past
  // msw); what a lead sets through mock-admin calls is kept in localStorage across reloads.
  const backend = createMockBackend({
    telemetry: collector ? 'passthrough' : 'keep',
    releases: fetchedReleases('/wasm/', (url) => fetch(bypass(url))),
    storage: localStorage,
  });
  for (const rule of parseFailureSpec(new URLSearchParams(location.search).get('fail') ?? '')) {
    backend.fail(rule.endpoint, rule.mode, rule.options);
  }
  await startBrowserBackend(backend, { serviceWorkerUrl: '/mockServiceWorker.js' });
  backendReady();

  if (example?.kind === 'example') {
    // One example in the real host, on a one-page plan (host/examples/example-plan.ts).
    const wasmIds = examples.filter((entry) => entry.world === 'wasm').map((entry) => entry.id);
    const app = exampleApp(example.world, example.id, wasmIds);
    await bootBrowserApp({
      container,
      plan: app.plan,
      legacyPages: app.legacyPages,
      wasmBase: '/wasm/',
      wasmWorld,
      wasmModuleKinds: ['page', 'example'],
    });
    return;
  }
  await bootBrowserApp({ container, plan: REFERENCE_PLAN, wasmBase: '/wasm/', wasmWorld });
}

await main();
