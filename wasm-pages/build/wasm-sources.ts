import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { WasmManifestEntry } from '../../bridge/index.ts';

/** One module to compile: its id, its entry file, and the files whose change means a rebuild. */
export interface WasmSource {
  readonly id: string;
  readonly kind: WasmManifestEntry['kind'];
  readonly entry: string;
  readonly inputs: readonly string[];
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : name.endsWith('.ts') ? [path] : [];
    });
}

/**
 * Finds every module the project builds, under `root`:
 * - pages: `wasm-pages/pages/<id>/page.ts` (plus the rest of that folder and `pages/shared/`), using the SDK;
 * - SDK examples: `wasm-pages/sdk/examples/<name>.ts`, id `example-<name>`;
 * - test fixtures: `tests/fixtures/wasm-pages/<name>.ts` (raw ABI, no SDK), id `fixture-<name>`.
 */
export function findWasmSources(root: string): WasmSource[] {
  const sdk = filesUnder(join(root, 'wasm-pages/sdk')).filter(
    (file) => !file.includes(`${join('sdk', 'examples')}`),
  );
  const sources: WasmSource[] = [];
  const pagesDir = join(root, 'wasm-pages/pages');
  // Code shared by several pages (like the React pages' shared/ folder) counts as every page's input.
  const sharedByPages = filesUnder(join(pagesDir, 'shared'));
  if (existsSync(pagesDir)) {
    for (const id of readdirSync(pagesDir).sort()) {
      const entry = join(pagesDir, id, 'page.ts');
      if (existsSync(entry)) {
        sources.push({
          id,
          kind: 'page',
          entry,
          inputs: [...filesUnder(join(pagesDir, id)), ...sharedByPages, ...sdk],
        });
      }
    }
  }
  for (const file of filesUnder(join(root, 'wasm-pages/sdk/examples'))) {
    sources.push({
      id: `example-${basename(file, '.ts')}`,
      kind: 'example',
      entry: file,
      inputs: [file, ...sdk],
    });
  }
  for (const file of filesUnder(join(root, 'tests/fixtures/wasm-pages'))) {
    if (!file.includes(join('wasm-pages', 'lib'))) {
      const shared = filesUnder(join(root, 'tests/fixtures/wasm-pages/lib'));
      sources.push({
        id: `fixture-${basename(file, '.ts')}`,
        kind: 'fixture',
        entry: file,
        inputs: [file, ...shared],
      });
    }
  }
  return sources;
}
