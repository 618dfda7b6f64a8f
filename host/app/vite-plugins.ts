import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Plugin } from 'vite';

/**
 * Serves msw's service worker script from the installed package (dev) and emits it into the build,
 * so it always matches the installed msw version and is never copied into the repository.
 */
export function mswServiceWorker(url = '/mockServiceWorker.js'): Plugin {
  const source = () =>
    readFileSync(createRequire(import.meta.url).resolve('msw/mockServiceWorker.js'), 'utf8');
  return {
    name: 'ficus-msw-service-worker',
    configureServer(server) {
      server.middlewares.use(url, (_request, response) => {
        response.setHeader('content-type', 'text/javascript');
        response.end(source());
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: url.slice(1), source: source() });
    },
  };
}

/** Serves the WASM build (`dist/wasm`, made by `npm run build:wasm`) under `/wasm/`, in dev and in the build. */
export function wasmPages(dir: string, base = '/wasm/'): Plugin {
  return {
    name: 'ficus-wasm-pages',
    configureServer(server) {
      server.middlewares.use(base, (request, response, next) => {
        const name = (request.url ?? '').replace(/^\//, '').split('?')[0] ?? '';
        const path = join(dir, name);
        if (!/^[a-z0-9.-]+\.(wasm|json)$/.test(name) || !existsSync(path)) return next();
        response.setHeader('content-type', name.endsWith('.wasm') ? 'application/wasm' : 'application/json');
        response.setHeader('cache-control', 'no-store');
        response.end(readFileSync(path));
      });
    },
    generateBundle() {
      if (!existsSync(dir)) return;
      for (const name of readdirSync(dir)) {
        if (/\.(wasm|json)$/.test(name))
          this.emitFile({
            type: 'asset',
            fileName: `${base.slice(1)}${name}`,
            source: readFileSync(join(dir, name)),
          });
      }
    },
  };
}
