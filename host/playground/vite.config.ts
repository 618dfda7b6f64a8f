import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const MSW_WORKER_URL = '/mockServiceWorker.js';

/**
 * Serves msw's service worker script from the installed package (dev) and emits it into the build,
 * so it always matches the installed msw version and is never copied into the repository.
 */
function mswServiceWorker(): Plugin {
  const source = () =>
    readFileSync(createRequire(import.meta.url).resolve('msw/mockServiceWorker.js'), 'utf8');
  return {
    name: 'ficus-msw-service-worker',
    configureServer(server) {
      server.middlewares.use(MSW_WORKER_URL, (_request, response) => {
        response.setHeader('content-type', 'text/javascript');
        response.end(source());
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: MSW_WORKER_URL.slice(1), source: source() });
    },
  };
}

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
