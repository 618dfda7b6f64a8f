/**
 * How long a test waits for something the app does by itself (a page switch, a worker restart,
 * a data answer) before it gives up. Generous on purpose: on a slow, oversubscribed 2-core machine
 * a worker thread may get a fraction of a core, and nothing here may fail because a machine is
 * slow. Tests never assert on how long the wait took.
 */
export const WAIT_BUDGET_MS = 60_000;

/**
 * Polls `check` until it holds, or fails naming `what` (and `detail()`, if given) after
 * WAIT_BUDGET_MS of wall time.
 *
 * @example
 * await waitUntil(() => app.visibleWorld() === 'legacy', 'the React profiles page');
 */
export async function waitUntil(
  check: () => boolean,
  what: string,
  options: { readonly pollMs?: number; readonly detail?: () => string } = {},
): Promise<void> {
  const deadline = performance.now() + WAIT_BUDGET_MS;
  const pollMs = options.pollMs ?? 5;
  for (;;) {
    if (check()) return;
    if (performance.now() > deadline) {
      const detail = options.detail?.();
      throw new Error(`timed out waiting for ${what}${detail === undefined ? '' : `; ${detail}`}`);
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
