// Ficus ships TypeScript: this config imports its Vite plugins from the package, so Vite runs
// under tsx (`NODE_OPTIONS=--import=tsx vite build`), which compiles them on load.
import { fileURLToPath } from 'node:url';
import { wasmerWasiAsset, wasmPages } from 'ficus/host/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  // wasmPages: serves dist-wasm/ (what build-wasm.ts wrote) under /wasm/ in dev, ships it in a build.
  plugins: [wasmPages(fileURLToPath(new URL('./dist-wasm', import.meta.url))), wasmerWasiAsset()],
  build: { target: 'es2022' },
  // The WASM world's worker: an ES module worker with @wasmer/wasi's wasm as a file of its own.
  worker: { format: 'es', plugins: () => [wasmerWasiAsset()] },
  preview: { host: '127.0.0.1', strictPort: true },
});
