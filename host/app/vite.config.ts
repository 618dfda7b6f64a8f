import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { mswServiceWorker, wasmPages } from './vite-plugins.ts';

// Serves the reference app "Ficus TV": both worlds, the router and the mock backend.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [mswServiceWorker(), wasmPages(fileURLToPath(new URL('../../dist/wasm', import.meta.url)))],
  build: {
    outDir: fileURLToPath(new URL('../../dist/app', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
  },
  worker: { format: 'es' },
  server: { port: 5173, strictPort: false },
  preview: { port: 5173, strictPort: false },
  appType: 'spa',
});
