import { join } from 'node:path';

/** Where a debug build goes, from the project root (`npm run start:debug` serves it). */
export const DEBUG_OUT_DIR = 'dist/wasm-debug';

/**
 * asc's source map with each source as a URL the dev server answers: the project's files under
 * `/@fs/<absolute path>` (Vite serves files of the workspace so), AssemblyScript's standard
 * library (`~lib/…`) from the installed compiler. Chromium's DevTools then show the page's
 * AssemblyScript next to the module's code.
 *
 * @example
 * servedSourceMap('{"version":3,"sources":["~lib/rt/tlsf.ts","wasm-pages/sdk/node.ts"],…}', '/work/ficus');
 * // sources: ['/@fs/work/ficus/node_modules/assemblyscript/std/assembly/rt/tlsf.ts', '/@fs/work/ficus/wasm-pages/sdk/node.ts']
 */
export function servedSourceMap(map: string, root: string): string {
  const parsed = JSON.parse(map) as { sources?: unknown };
  const sources = Array.isArray(parsed.sources) ? parsed.sources : [];
  const url = (source: unknown): unknown => {
    if (typeof source !== 'string') return source;
    const path = source.startsWith('~lib/')
      ? join(root, 'node_modules/assemblyscript/std/assembly', source.slice('~lib/'.length))
      : join(root, source);
    return `/@fs${path.startsWith('/') ? '' : '/'}${path}`;
  };
  return JSON.stringify({ ...parsed, sources: sources.map(url) });
}
