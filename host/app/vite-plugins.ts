import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { shippedWasmFiles } from './shipped-wasm.ts';

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

/** Serves the WASM build (`dist/wasm`, made by `npm run build:wasm`) under `/wasm/` in dev; a build ships its pages only. */
export function wasmPages(dir: string, base = '/wasm/'): Plugin {
  return {
    name: 'ficus-wasm-pages',
    configureServer(server) {
      server.middlewares.use(base, (request, response, next) => {
        const name = (request.url ?? '').replace(/^\//, '').split('?')[0] ?? '';
        const path = join(dir, name);
        // A flat file name, or one release manifest (releases/<id>.json): nothing else is served.
        if (!/^(releases\/)?[a-z0-9.-]+\.(wasm|json|wasm\.map)$/.test(name) || !existsSync(path))
          return next();
        response.setHeader('content-type', name.endsWith('.wasm') ? 'application/wasm' : 'application/json');
        response.setHeader('cache-control', 'no-store');
        response.end(readFileSync(path));
      });
    },
    generateBundle() {
      // The app's pages only (shipped-wasm.ts): no SDK examples or test fixtures in production.
      for (const file of shippedWasmFiles(dir)) {
        this.emitFile({ type: 'asset', fileName: `${base.slice(1)}${file.name}`, source: file.source });
      }
    },
  };
}

/** The module that gives the worker the URL of @wasmer/wasi's wasm (host/wasm-world/wasm-world.worker.ts). */
export const WASMER_WASI_WASM_MODULE = 'virtual:ficus/wasmer-wasi-wasm';
const RESOLVED_WASMER_WASI_WASM = `\0${WASMER_WASI_WASM_MODULE}`;
/** @wasmer/wasi's bundles: each embeds its wasm as one base64 data-URI string literal. */
const WASMER_LIBRARY = /[\\/]@wasmer[\\/]wasi[\\/]dist[\\/]Library\.\w+(\.min)?\.js$/;
const EMBEDDED_WASM = /(["'])data:application\/wasm;base64,([A-Za-z0-9+/=]+)\1/;

/** @wasmer/wasi's wasm, decoded from the base64 copy its ES bundle embeds. */
export function wasmerWasiWasm(): Buffer {
  const library = createRequire(import.meta.url).resolve('@wasmer/wasi/dist/Library.esm.min.js');
  const base64 = EMBEDDED_WASM.exec(readFileSync(library, 'utf8'))?.[2];
  if (base64 === undefined) throw new Error(`${library} no longer embeds its wasm as a base64 data URI`);
  return Buffer.from(base64, 'base64');
}

/**
 * Ships @wasmer/wasi's own wasm (~300 KB) as a file instead of base64 text inside the worker
 * bundle: in a build, `virtual:ficus/wasmer-wasi-wasm` is the URL of the emitted asset and the
 * library's data-URI literal is replaced by `""`, so only `init(url)` works in that bundle (the
 * worker entry passes the URL). In `vite dev` the module is `null` and nothing is stripped.
 * Install it in `worker.plugins`: the library is bundled with the worker, not the page.
 */
export function wasmerWasiAsset(): Plugin {
  let build = false;
  return {
    name: 'ficus-wasmer-wasi-asset',
    configResolved(config) {
      build = config.command === 'build';
    },
    resolveId(id) {
      return id === WASMER_WASI_WASM_MODULE ? RESOLVED_WASMER_WASI_WASM : undefined;
    },
    load(id) {
      if (id !== RESOLVED_WASMER_WASI_WASM) return undefined;
      if (!build) return 'export default null;';
      const ref = this.emitFile({ type: 'asset', name: 'wasmer_wasi_js_bg.wasm', source: wasmerWasiWasm() });
      return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
    },
    transform(code, id) {
      if (!build || !WASMER_LIBRARY.test(id)) return undefined;
      if (!EMBEDDED_WASM.test(code)) {
        this.warn(`${id} has no embedded base64 wasm to strip: is @wasmer/wasi still 1.2.2?`);
        return undefined;
      }
      return { code: code.replace(EMBEDDED_WASM, '""'), map: null };
    },
  };
}
