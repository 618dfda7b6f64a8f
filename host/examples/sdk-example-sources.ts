/** The WASM SDK examples' sources by path, read by Vite at build time (their header comments are the titles). */
export const SDK_EXAMPLE_SOURCES: Readonly<Record<string, string>> = import.meta.glob(
  '../../wasm-pages/sdk/examples/*.ts',
  {
    query: '?raw',
    import: 'default',
    eager: true,
  },
);

// A saved SDK example is live-reloaded as a WASM module (wasm-live-reload-plugin.ts); its text
// here only titles the index, so it must not make Vite reload the whole app.
import.meta.hot?.accept();
