import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Serves the foundation playground: the scene engine, focus engine and DOM painter working
// together in a browser. The reference app replaces it once the router and both worlds exist.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  build: { outDir: fileURLToPath(new URL('../../dist/playground', import.meta.url)), emptyOutDir: true },
  server: { port: 5173, strictPort: false },
});
