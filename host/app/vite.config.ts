import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { contentSecurityPolicyPlugin } from './csp-vite-plugin.ts';
import { dashboardPlugin } from './dashboard-plugin.ts';
import { telemetryCollectorPlugin } from './telemetry-collector-plugin.ts';
import { mswServiceWorker, wasmerWasiAsset, wasmPages } from './vite-plugins.ts';
import { wasmLiveReload } from './wasm-live-reload-plugin.ts';

const debugWasm = process.env['FICUS_WASM_DEBUG'] === '1';

// Serves the reference app "Ficus TV": both worlds, the router and the mock backend.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // The CSP first: its middleware puts the header on every response, before another plugin answers.
  // wasmerWasiAsset here too: `vite dev` serves the worker's modules through these plugins.
  plugins: [
    contentSecurityPolicyPlugin(),
    // React Fast Refresh for the React world's pages under `npm start` (the reconciler injects
    // itself into the DevTools hook, which the refresh runtime patches).
    react(),
    mswServiceWorker(),
    // `npm run start:debug` (FICUS_WASM_DEBUG=1) serves the debug build: names and source maps.
    wasmPages(
      fileURLToPath(new URL(debugWasm ? '../../dist/wasm-debug' : '../../dist/wasm', import.meta.url)),
    ),
    wasmLiveReload(fileURLToPath(new URL('../..', import.meta.url)), { debug: debugWasm }),
    wasmerWasiAsset(),
    dashboardPlugin(),
    telemetryCollectorPlugin(),
  ],
  build: {
    outDir: fileURLToPath(new URL('../../dist/app', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
  },
  // The WASM world's worker: @wasmer/wasi's own wasm ships as a fetched file, not base64 text, and
  // the worker is one file (no second request for a shared runtime chunk before it can run).
  worker: {
    format: 'es',
    plugins: () => [wasmerWasiAsset()],
    rolldownOptions: { output: { inlineDynamicImports: true } },
  },
  server: { port: 5173, strictPort: false },
  preview: { port: 5173, strictPort: false },
  appType: 'spa',
});
