import { loadPlan, type PageEntry, type Plan, REFERENCE_PLAN } from '../../../migration-plan/index.ts';

/** A page entry as plain JSON, editable by the malformed-plan variants. */
export interface PageData {
  route?: unknown;
  implementations: { legacy: unknown; wasm: unknown };
  defaultWorld?: unknown;
  rollout?: { wasmPercent: unknown };
  owner?: unknown;
  usageWeight?: unknown;
  complexity?: unknown;
  notes?: unknown;
  parent?: unknown;
  requiredParams?: unknown;
  [field: string]: unknown;
}

/** A plan as plain JSON, editable by the malformed-plan variants. */
export interface PlanData {
  version: unknown;
  rootRoute: unknown;
  pages: Record<string, PageData>;
  [field: string]: unknown;
}

/** A fresh, mutable JSON copy of the reference plan. */
export function referencePlanData(): PlanData {
  return JSON.parse(JSON.stringify(REFERENCE_PLAN)) as PlanData;
}

/** The page `id` of `data`; fails the test when it is missing. */
export function pageData(data: PlanData, id: string): PageData {
  const page = data.pages[id];
  if (page === undefined) throw new Error(`fixture has no page ${id}`);
  return page;
}

/** A page served by legacy only, with whatever else `fields` adds or replaces. */
export function legacyPage(id: string, fields: Partial<PageEntry> = {}): PageEntry {
  return { route: id, implementations: { legacy: true, wasm: false }, defaultWorld: 'legacy', ...fields };
}

/** A page with both implementations and a WASM default. */
export function wasmPage(id: string, fields: Partial<PageEntry> = {}): PageEntry {
  return { route: id, implementations: { legacy: true, wasm: true }, defaultWorld: 'wasm', ...fields };
}

/** A validated plan of these pages, rooted at the first one. */
export function planOf(pages: readonly PageEntry[]): Plan {
  const first = pages[0];
  if (first === undefined) throw new Error('planOf needs at least one page');
  return loadPlan({
    version: 1,
    rootRoute: first.route,
    pages: Object.fromEntries(pages.map((p) => [p.route, p])),
  });
}
