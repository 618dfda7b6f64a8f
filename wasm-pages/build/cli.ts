// `npm run build:wasm`: compiles every WASM page, SDK example and test fixture that changed.
import { fileURLToPath } from 'node:url';
import { buildWasmPages, WasmBuildError } from './build-pages.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
try {
  const manifest = await buildWasmPages({ root });
  console.log(`wasm  ${Object.keys(manifest.modules).length} modules in dist/wasm (manifest.json)`);
} catch (error) {
  console.error(error instanceof WasmBuildError ? error.message : error);
  process.exitCode = 1;
}
