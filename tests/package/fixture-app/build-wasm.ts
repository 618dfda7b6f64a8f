// Compiles this app's WASM pages (wasm-pages/pages/<id>/page.ts, AssemblyScript on the Ficus SDK)
// into dist-wasm/ with the package's build: content-hashed modules, manifest.json, a release.
import { buildWasmPages, WasmBuildError } from 'ficus/wasm-pages/build';

try {
  const manifest = await buildWasmPages({ root: process.cwd(), outDir: 'dist-wasm' });
  console.log(`built ${Object.keys(manifest.modules).join(', ')}`);
} catch (error) {
  console.error(error instanceof WasmBuildError ? error.message : error);
  process.exitCode = 1;
}
