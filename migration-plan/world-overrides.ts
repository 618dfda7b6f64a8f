/**
 * QA overrides from the URL: `?world.collections=legacy&world.profiles=wasm` forces a page's world
 * for this session. Bad entries never break the app: they are left out (or kept and reported, when
 * the page simply lacks that implementation) and described in `warnings` for the console.
 */
import { type WorldId, WorldIdSchema } from '../bridge/worlds.ts';
import { findPage, hasImplementation, pageIds } from './plan-pages.ts';
import type { PageId, Plan } from './plan-schema.ts';

/** Query parameters starting with this name a page: `world.<page>=legacy|wasm`. */
export const WORLD_OVERRIDE_PREFIX = 'world.';

export interface WorldOverrides {
  readonly overrides: Readonly<Record<PageId, WorldId>>;
  /** One line per ignored or suspicious entry, each starting with the entry as written. */
  readonly warnings: readonly string[];
}

/**
 * The overrides in `searchParams`, and a warning for each bad entry:
 * - an unknown page (`world.profile=wasm: unknown page "profile" (pages: ...)`) or a value other
 *   than legacy/wasm is left out;
 * - `world=wasm` without a page is left out;
 * - an override to an implementation the page lacks is kept (the policy then reports
 *   `override-unavailable`) and warned about;
 * - a page given twice keeps the last value, with a warning.
 * Other parameters (`fail`, `example`, ...) are not ours and are skipped silently.
 *
 * @example
 * parseWorldOverrides(new URLSearchParams('world.collections=legacy&world.profile=wasm'), REFERENCE_PLAN);
 * // { overrides: { collections: 'legacy' },
 * //   warnings: ['world.profile=wasm: unknown page "profile" (pages: profiles, collections, ...)'] }
 */
export function parseWorldOverrides(searchParams: URLSearchParams, plan: Plan): WorldOverrides {
  const overrides: Record<PageId, WorldId> = {};
  const warnings: string[] = [];
  for (const [key, value] of searchParams) {
    const entry = `${key}=${value}`;
    if (key === 'world') {
      warnings.push(`${entry}: name the page, e.g. ${WORLD_OVERRIDE_PREFIX}${plan.rootRoute}=${value}`);
      continue;
    }
    if (!key.startsWith(WORLD_OVERRIDE_PREFIX)) continue;
    const pageId = key.slice(WORLD_OVERRIDE_PREFIX.length);
    const page = findPage(plan, pageId);
    if (page === undefined) {
      warnings.push(`${entry}: unknown page ${JSON.stringify(pageId)} (pages: ${pageIds(plan).join(', ')})`);
      continue;
    }
    const world = WorldIdSchema.check(value);
    if (!world.ok) {
      warnings.push(`${entry}: expected "legacy" or "wasm"`);
      continue;
    }
    if (Object.hasOwn(overrides, pageId)) {
      warnings.push(`${entry}: ${key} is given more than once; the last one wins`);
    }
    if (!hasImplementation(page, world.value)) {
      warnings.push(
        `${entry}: page ${JSON.stringify(pageId)} has no ${world.value} implementation; the override will be ignored`,
      );
    }
    overrides[pageId] = world.value;
  }
  return { overrides, warnings };
}
