import { onTestFinished, vi } from 'vitest';
import { TEST_API_BASE } from '../support/legacy-harness.ts';

/**
 * A pass-through on `fetch` (the msw backend still answers every request) that counts requests
 * by path and can hold answers back, so a test sees the frames a slow network would show, e.g. a
 * loading panel, without waiting on any clock. Install before `startApp` (the host binds `fetch`).
 *
 * @example
 * const gate = fetchGate();
 * app = await startApp();
 * gate.hold();                       // answers wait from now on
 * app.host.input({ kind: 'select' }); // Retry: the loading panel stays up
 * gate.release();                    // the answers go through
 */
export function fetchGate() {
  const original = globalThis.fetch;
  const started = new Map<string, number>();
  const settled = new Map<string, number>();
  let held: Promise<void> | undefined;
  let open: () => void = () => undefined;
  const pathOf = (input: unknown): string => {
    const url =
      typeof input === 'string'
        ? input
        : input instanceof URL
          ? input.href
          : input instanceof Request
            ? input.url
            : '';
    return url.startsWith(TEST_API_BASE) ? url.slice(TEST_API_BASE.length) : url;
  };
  const bump = (counts: Map<string, number>, path: string) => counts.set(path, (counts.get(path) ?? 0) + 1);
  const spy = vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const path = pathOf(input);
    bump(started, path);
    // A dropped connection is held back like an answer: the page must not learn of it sooner.
    const answer = original(input, init).then(
      (response) => ({ response }),
      (error: unknown) => ({ error }),
    );
    const outcome = await answer;
    await held;
    bump(settled, path);
    if ('error' in outcome) throw outcome.error;
    return outcome.response;
  });
  onTestFinished(() => {
    open();
    spy.mockRestore();
  });
  return {
    /** Requests started for `path` (an `apiPaths` path). */
    started: (path: string): number => started.get(path) ?? 0,
    /** Requests for `path` whose answer (or failure) reached the page. */
    settled: (path: string): number => settled.get(path) ?? 0,
    /** Holds every answer from now on until `release()`. */
    hold(): void {
      held ??= new Promise<void>((resolve) => {
        open = resolve;
      });
    },
    release(): void {
      open();
      held = undefined;
    },
  };
}
