// How the wasm build reports module sizes, and the size budget of a page module (issue 8, item 5).
import type { WasmManifestEntry } from '../../bridge/index.ts';

/** A page module's budget, raw (not gzipped): what a TV downloads and compiles per page. */
export const PAGE_SIZE_BUDGET_BYTES = 40 * 1024;

/**
 * A size in KB (1 KB = 1024 bytes, as everywhere in Ficus's reports) and in exact bytes.
 *
 * @example
 * formatSize(40_040); // "39.1 KB (40,040 B)"
 */
export function formatSize(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB (${bytes.toLocaleString('en-US')} B)`;
}

/** Bytes a page module has left under the budget; negative when it is over. */
export function pageBudgetLeft(bytes: number): number {
  return PAGE_SIZE_BUDGET_BYTES - bytes;
}

/**
 * One module's size for the build log: pages also say how they stand against the budget.
 *
 * @example
 * sizeLine('page', 40_040);   // "39.1 KB (40,040 B), 920 B under the 40 KB page budget"
 * sizeLine('fixture', 3_480); // "3.4 KB (3,480 B)"
 */
export function sizeLine(kind: WasmManifestEntry['kind'], bytes: number): string {
  if (kind !== 'page') return formatSize(bytes);
  const left = pageBudgetLeft(bytes);
  const budget = `${PAGE_SIZE_BUDGET_BYTES / 1024} KB page budget`;
  return left >= 0
    ? `${formatSize(bytes)}, ${left.toLocaleString('en-US')} B under the ${budget}`
    : `${formatSize(bytes)}, OVER the ${budget} by ${(-left).toLocaleString('en-US')} B`;
}

/**
 * The build's closing line about pages: their sizes, and whether each fits the budget.
 *
 * @example
 * pagesSummary({ collections: 40_040, profiles: 40_500 });
 * // "pages: collections 39.1 KB, profiles 39.6 KB; all within the 40 KB budget"
 */
export function pagesSummary(sizes: Readonly<Record<string, number>>): string {
  const ids = Object.keys(sizes).sort();
  if (ids.length === 0) return 'pages: none built';
  const list = ids.map((id) => `${id} ${((sizes[id] ?? 0) / 1024).toFixed(1)} KB`).join(', ');
  const over = ids.filter((id) => pageBudgetLeft(sizes[id] ?? 0) < 0);
  const budget = `${PAGE_SIZE_BUDGET_BYTES / 1024} KB budget`;
  return over.length === 0
    ? `pages: ${list}; all within the ${budget}`
    : `pages: ${list}; OVER the ${budget}: ${over.join(', ')}`;
}
