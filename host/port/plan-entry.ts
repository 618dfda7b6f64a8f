import { checkPlan } from '../../migration-plan/load-plan.ts';
import { describePlanIssue } from '../../migration-plan/plan-issue.ts';
import type { PageEntry, Plan } from '../../migration-plan/plan-schema.ts';

/** The plan entry a fresh port gets, and whether the plan with it still passes every rule. */
export interface PlanEntryProposal {
  readonly entry: PageEntry;
  /** The entry as TypeScript, to paste into `pages` of migration-plan/reference-plan.ts. */
  readonly text: string;
  /** True when the plan already lists the page (the entry replaces that one). */
  readonly replaces: boolean;
  /** The plan's rules broken with this entry in it (empty when it may be pasted as it is). */
  readonly issues: readonly string[];
}

/**
 * The plan entry for a page that now has a WASM port nobody is served yet: `implementations.wasm`
 * true, React still the default world (`defaultWorld: 'legacy'`, no `rollout`: the plan's rules
 * allow a rollout only on a WASM default, so this is the 0% rollout). Rolling out is then a
 * backend rollout (`{ pages: { <route>: { wasmPercent: N } } }`) or, in the repo,
 * `defaultWorld: 'wasm', rollout: { wasmPercent: N }`. A page the plan lists keeps its owner,
 * usage, parent and params; a new page gets placeholders to fill in. The entry is checked by
 * putting it into `plan` and running the plan's rules on it.
 *
 * @example
 * planEntry(REFERENCE_PLAN, 'settings', { testFile: 'tests/unit/parity/settings.parity.test.tsx' }).text;
 * // "settings: {\n  route: 'settings',\n  implementations: { legacy: true, wasm: true }, ..."
 */
export function planEntry(
  plan: Plan,
  route: string,
  options: { readonly testFile: string },
): PlanEntryProposal {
  const existing = plan.pages[route];
  const { rollout: _rollout, ...kept } = existing ?? {};
  const entry: PageEntry = {
    ...kept,
    route,
    implementations: { legacy: true, wasm: true },
    defaultWorld: 'legacy',
    owner: existing?.owner ?? 'TODO-team',
    usageWeight: existing?.usageWeight ?? 0,
    notes:
      `${existing?.notes === undefined ? '' : `${existing.notes} `}WASM port scaffolded by npm run port (parity in ${options.testFile}); React serves it until it is rolled out.`.slice(
        0,
        2000,
      ),
  };
  const checked = checkPlan({ ...plan, pages: { ...plan.pages, [route]: entry } });
  return {
    entry,
    text: entryText(route, entry),
    replaces: existing !== undefined,
    issues: checked.ok ? [] : checked.issues.map(describePlanIssue),
  };
}

const key = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name}'`);
const literal = (value: unknown): string =>
  typeof value === 'string'
    ? `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`
    : Array.isArray(value)
      ? `[${value.map(literal).join(', ')}]`
      : typeof value === 'object' && value !== null
        ? `{ ${Object.entries(value)
            .map(([name, inner]) => `${key(name)}: ${literal(inner)}`)
            .join(', ')} }`
        : String(value);

/** The entry in the reference plan's style: one field a line, single quotes. */
function entryText(route: string, entry: PageEntry): string {
  const lines = Object.entries(entry).map(([name, value]) => `  ${name}: ${literal(value)},`);
  return `${key(route)}: {\n${lines.join('\n')}\n},`;
}
