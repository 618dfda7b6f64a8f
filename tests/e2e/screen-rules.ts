import type { ScreenSnapshot, StackView } from './screen-probe.ts';

/** URL params that choose a world (`?world.<page>=legacy`), not params of the page. */
const OVERRIDE_PREFIX = 'world.';

/**
 * What is wrong with a screen, by the rules of ARCHITECTURE.md; empty when nothing is.
 *
 * Always (even mid-switch): at most one visible world, at most one focused node, and that node
 * inside the visible world and not on a page hidden within it; nothing the per-frame watch saw.
 * At rest, also: exactly one visible world and one focused node; the visible page is the one the
 * URL names, with the URL's params, and it is the router's current entry in the world the router
 * says serves it; the React world's copy of the history equals the router's.
 *
 * @example
 * const problems = screenProblems(await readScreen(page), { atRest: true });
 * // ['2 nodes are focused (profile:p1, tile:r0:0)', ...]
 */
export function screenProblems(screen: ScreenSnapshot, options: { readonly atRest: boolean }): string[] {
  const problems = [...screen.frameProblems];
  const visible = screen.worlds.filter((w) => w.visible);
  const shown = visible.map((w) => `${w.world}:${w.page ?? '(no page)'}`).join(', ') || 'none';
  if (visible.length > 1 || (options.atRest && visible.length !== 1))
    problems.push(`${visible.length} worlds are visible (${shown})`);
  const keys = screen.focused.map((f) => f.key ?? '(no key)').join(', ');
  if (screen.focused.length > 1 || (options.atRest && screen.focused.length !== 1))
    problems.push(`${screen.focused.length} nodes are focused${keys === '' ? '' : ` (${keys})`} on ${shown}`);
  for (const node of screen.focused) {
    if (!node.inVisibleWorld)
      problems.push(`the focused node ${node.key} is outside the visible world (${shown})`);
    else if (!node.rendered) problems.push(`the focused node ${node.key} is on a page hidden in ${shown}`);
  }
  if (!options.atRest) return problems;

  const world = visible.length === 1 ? visible[0] : undefined;
  const urlPage = screen.url.path.replace(/^\//, '');
  if (world !== undefined && world.page !== urlPage)
    problems.push(`the URL is ${describeUrl(screen)} but ${shown} is on screen`);
  if (screen.router === null) {
    problems.push('the app exposes no router state (window.__ficus is missing)');
    return problems;
  }
  const history = screen.router.history;
  const current = history.entries[history.index];
  if (current === undefined) {
    problems.push(`the router has no current entry (index ${history.index} of ${history.entries.length})`);
    return problems;
  }
  if (world !== undefined && (current.route !== world.page || current.world !== world.world))
    problems.push(
      `the router's current entry is ${current.world}:${current.route} but ${shown} is on screen`,
    );
  const urlParams = pageParams(screen.url.params);
  if (current.route !== urlPage || !sameParams(urlParams, current.params))
    problems.push(
      `the URL is ${describeUrl(screen)} but the router's current entry is ${describeEntryUrl(current)}`,
    );
  if (screen.legacyCopy === null) problems.push("the React world's history copy is missing");
  else if (!sameStack(screen.legacyCopy, history))
    problems.push(
      `the React world's history copy (${describeStack(screen.legacyCopy)}, seq ${screen.legacyCopy.seq}) differs from the router's (${describeStack(history)})`,
    );
  return problems;
}

/** The stack as `route(world)` per entry, the current one starred: enough to read a divergence. */
export function describeStack(stack: StackView): string {
  const entries = stack.entries.map(
    (entry, i) => `${entry.route}(${entry.world})${i === stack.index ? '*' : ''}`,
  );
  return `[${entries.join(' ')}]`;
}

function sameStack(a: StackView, b: StackView): boolean {
  return (
    a.index === b.index &&
    a.entries.length === b.entries.length &&
    a.entries.every((entry, i) => {
      const other = b.entries[i];
      return (
        other !== undefined &&
        entry.key === other.key &&
        entry.route === other.route &&
        entry.world === other.world &&
        entry.focusKey === other.focusKey &&
        sameParams(entry.params, other.params)
      );
    })
  );
}

function pageParams(params: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).filter(([name]) => !name.startsWith(OVERRIDE_PREFIX)));
}

function sameParams(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const names = Object.keys(a);
  return names.length === Object.keys(b).length && names.every((name) => a[name] === b[name]);
}

function describeUrl(screen: ScreenSnapshot): string {
  const search = new URLSearchParams(screen.url.params).toString();
  return search === '' ? screen.url.path : `${screen.url.path}?${search}`;
}

function describeEntryUrl(entry: {
  readonly route: string;
  readonly params: Readonly<Record<string, string>>;
}) {
  const search = new URLSearchParams(entry.params).toString();
  return search === '' ? `/${entry.route}` : `/${entry.route}?${search}`;
}
