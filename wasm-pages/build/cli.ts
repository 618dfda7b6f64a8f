// `npm run build:wasm`: compiles every WASM page, SDK example and test fixture that changed.
// `--pages-only` builds just the app's pages (what `npm start` needs, so it starts sooner).
import { fileURLToPath } from 'node:url';
import { buildWasmPages, WasmBuildError } from './build-pages.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
try {
  const pagesOnly = process.argv.includes('--pages-only');
  const manifest = await buildWasmPages({
    root,
    ...(pagesOnly ? { only: (id: string) => !id.startsWith('example-') && !id.startsWith('fixture-') } : {}),
  });
  console.log(`wasm  ${Object.keys(manifest.modules).length} modules in dist/wasm (manifest.json)`);
} catch (error) {
  console.error(error instanceof WasmBuildError ? error.message : error);
  process.exitCode = 1;
}
