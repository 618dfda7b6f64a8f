/**
 * One thing wrong with a migration plan, naming the page (or the plan itself) and the field, so a
 * lead editing the plan knows exactly where to look.
 */
import type { PageId } from './plan-schema.ts';

export interface PlanIssue {
  /** The page the issue is about, or null for the plan's own fields (version, rootRoute, pages). */
  readonly page: PageId | null;
  /** The field's path inside the page (or the plan), e.g. "rollout.wasmPercent"; "" for the whole. */
  readonly field: string;
  /** What is wrong, starting with the field, e.g. `defaultWorld is "wasm" but implementations.wasm is false`. */
  readonly message: string;
}

/** Quotes a page id for a message; ids from a malformed plan may be long or odd, so they are clipped. */
export function quotePage(page: string): string {
  return JSON.stringify(page.length > 80 ? `${page.slice(0, 80)}…` : page);
}

/**
 * One line naming the page (or "plan") and what is wrong.
 *
 * @example
 * describePlanIssue({ page: 'profiles', field: 'defaultWorld',
 *   message: 'defaultWorld is "wasm" but implementations.wasm is false' });
 * // 'page "profiles": defaultWorld is "wasm" but implementations.wasm is false'
 */
export function describePlanIssue(issue: PlanIssue): string {
  return `${issue.page === null ? 'plan' : `page ${quotePage(issue.page)}`}: ${issue.message}`;
}
