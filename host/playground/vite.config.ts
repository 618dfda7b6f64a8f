import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { mswServiceWorker } from '../app/vite-plugins.ts';

// Serves the playground: the React world's pages and examples on the real scene store, focus
// engine and DOM painter, with the mock backend in a service worker. The reference app with the
// router and both worlds replaces it.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [mswServiceWorker()],
  build: { outDir: fileURLToPath(new URL('../../dist/playground', import.meta.url)), emptyOutDir: true },
  server: { port: 5173, strictPort: false },
  preview: { port: 5173, strictPort: false },
});
