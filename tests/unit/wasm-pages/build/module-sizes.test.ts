import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { WasmManifestSchema } from '../../../../bridge/index.ts';
import {
  formatSize,
  PAGE_SIZE_BUDGET_BYTES,
  pagesSummary,
  sizeLine,
} from '../../../../wasm-pages/build/module-sizes.ts';

const ROOT = fileURLToPath(new URL('../../../..', import.meta.url));

describe('module size reports', () => {
  it('gives KB (1024 bytes) and exact bytes', () => {
    expect(formatSize(40_040)).toBe('39.1 KB (40,040 B)');
    expect(formatSize(0)).toBe('0.0 KB (0 B)');
  });

  it('says how a page stands against the 40 KB budget; other modules get their size only', () => {
    expect(PAGE_SIZE_BUDGET_BYTES).toBe(40_960);
    expect(sizeLine('page', 40_040)).toBe('39.1 KB (40,040 B), 920 B under the 40 KB page budget');
    expect(sizeLine('page', 40_960)).toBe('40.0 KB (40,960 B), 0 B under the 40 KB page budget');
    expect(sizeLine('page', 41_000)).toBe('40.0 KB (41,000 B), OVER the 40 KB page budget by 40 B');
    expect(sizeLine('example', 41_000)).toBe('40.0 KB (41,000 B)');
  });

  it('sums up the pages, naming those over the budget', () => {
    expect(pagesSummary({ profiles: 40_500, collections: 40_040 })).toBe(
      'pages: collections 39.1 KB, profiles 39.6 KB; all within the 40 KB budget',
    );
    expect(pagesSummary({ profiles: 50_000, collections: 40_040 })).toBe(
      'pages: collections 39.1 KB, profiles 48.8 KB; OVER the 40 KB budget: profiles',
    );
  });
});

// The project's own build output, made by the test run's global setup.
describe('the project build', () => {
  const dir = join(ROOT, 'dist/wasm');
  const checked = WasmManifestSchema.check(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
  if (!checked.ok) throw new Error(`dist/wasm/manifest.json is malformed: ${checked.issue.message}`);
  const modules = Object.entries(checked.value.modules);

  it('records each module file size exactly in the manifest', () => {
    for (const [id, entry] of modules)
      expect({ id, size: statSync(join(dir, entry.file)).size }).toEqual({ id, size: entry.size });
  });

  it('keeps every page module within the 40 KB budget (issue 8)', () => {
    const pages = modules.filter(([, entry]) => entry.kind === 'page');
    expect(pages.map(([id]) => id)).toEqual(expect.arrayContaining(['collections', 'profiles']));
    for (const [id, entry] of pages)
      expect({ id, withinBudget: entry.size <= PAGE_SIZE_BUDGET_BYTES, size: entry.size }).toMatchObject({
        id,
        withinBudget: true,
      });
  });
});
