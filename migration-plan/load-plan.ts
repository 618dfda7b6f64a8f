/**
 * Reading a migration plan from JSON (or any untrusted value) into a typed, frozen {@link Plan}:
 * the shape is checked with `plan-schema.ts`, then the rules of `plan-rules.ts`. Every problem is
 * reported with the page and the field it is in.
 */
import { describeValue } from '../bridge/schema.ts';
import { describePlanIssue, type PlanIssue } from './plan-issue.ts';
import { planRuleIssues } from './plan-rules.ts';
import { PageEntrySchema, type Plan, PlanSchema } from './plan-schema.ts';

/** Thrown by {@link loadPlan}: one line per issue, each naming the page (or "plan") and the field. */
export class PlanError extends Error {
  readonly issues: readonly PlanIssue[];
  constructor(issues: readonly PlanIssue[]) {
    super(issues.map(describePlanIssue).join('\n'));
    this.name = 'PlanError';
    this.issues = issues;
  }
}

export type PlanCheck =
  | { readonly ok: true; readonly plan: Plan }
  | { readonly ok: false; readonly issues: readonly PlanIssue[] };

/**
 * Checks a plan without throwing. The shape is checked first (one issue per malformed page, plus
 * the first problem in the plan's own fields); only a well-shaped plan is checked against the rules,
 * and then every broken rule is reported. A valid plan is returned as a frozen copy, so later
 * changes to `json` cannot change a plan that was already validated.
 *
 * @example
 * const result = checkPlan(JSON.parse(text));
 * if (!result.ok) for (const issue of result.issues) console.error(describePlanIssue(issue));
 */
export function checkPlan(json: unknown): PlanCheck {
  let copy: unknown;
  try {
    copy = structuredClone(json);
  } catch {
    return fail([
      { page: null, field: '', message: `expected plain data (JSON), got ${describeValue(json)}` },
    ]);
  }
  const shapeIssues = pageShapeIssues(copy);
  const whole = PlanSchema.check(copy);
  if (!whole.ok) {
    const inPages = whole.issue.path.startsWith('.pages.');
    // A page's issue is already reported with its page id; anything else is the plan's own.
    if (!inPages || shapeIssues.length === 0)
      shapeIssues.push(planIssue(whole.issue.path, whole.issue.message));
    return fail(shapeIssues);
  }
  const ruleIssues = planRuleIssues(whole.value);
  return ruleIssues.length > 0 ? fail(ruleIssues) : { ok: true, plan: deepFreeze(whole.value) };
}

/**
 * The plan in `json`, validated and frozen; throws a {@link PlanError} naming each page and field
 * that is wrong.
 *
 * @example
 * const plan = loadPlan(JSON.parse(readFileSync('plan.json', 'utf8')));
 * // PlanError: page "profiles": defaultWorld is "wasm" but implementations.wasm is false
 */
export function loadPlan(json: unknown): Plan {
  const result = checkPlan(json);
  if (!result.ok) throw new PlanError(result.issues);
  return result.plan;
}

const fail = (issues: readonly PlanIssue[]): PlanCheck => ({ ok: false, issues });

/**
 * Checks each page on its own, so its issue can name the page id exactly (a schema path like
 * `.pages.a.b.route` could not tell the page "a" from "a.b").
 */
function pageShapeIssues(input: unknown): PlanIssue[] {
  if (!isPlainObject(input) || !Object.hasOwn(input, 'pages')) return [];
  const pages = input['pages'];
  if (!isPlainObject(pages)) return [];
  const issues: PlanIssue[] = [];
  for (const [id, entry] of Object.entries(pages)) {
    const result = PageEntrySchema.check(entry, '');
    if (!result.ok) issues.push({ page: id, ...fieldIssue(result.issue.path, result.issue.message) });
  }
  return issues;
}

function planIssue(path: string, message: string): PlanIssue {
  return { page: null, ...fieldIssue(path, message) };
}

/** `.rollout.wasmPercent` + "expected ..." → field "rollout.wasmPercent", message "rollout.wasmPercent: expected ...". */
function fieldIssue(path: string, message: string): { field: string; message: string } {
  const field = path.startsWith('.') ? path.slice(1) : path;
  return { field, message: field === '' ? message : `${field}: ${message}` };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
