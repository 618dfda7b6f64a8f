import { type PageParity, pageParity } from './parity-results.ts';
import type { PageId } from './plan-schema.ts';
import { readParityResults } from './read-parity-results.ts';

export interface ParityByPage {
  /** Each page's parity, or undefined when `dir` holds no results at all (coverage then says `not-run`). */
  readonly parity: ReadonlyMap<PageId, PageParity> | undefined;
  /** Files that could not be used, one line each (see readParityResults). */
  readonly problems: readonly string[];
}

/**
 * The parity results in `dir`, one {@link PageParity} per page, as coverageReport takes them.
 *
 * @example
 * const { parity } = parityByPage('tests/output/parity');
 * coverageReport(REFERENCE_PLAN, parity).donePorts; // 5
 */
export function parityByPage(dir: string): ParityByPage {
  const results = readParityResults(dir);
  const parity = new Map<PageId, PageParity>();
  for (const [page, files] of results.byPage) parity.set(page, pageParity(files));
  return { parity: parity.size > 0 ? parity : undefined, problems: results.problems };
}
