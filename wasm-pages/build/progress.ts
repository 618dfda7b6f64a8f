/** How often a compile that is still running says so. */
export const PROGRESS_EVERY_MS = 3000;

/**
 * Runs `work`, telling `log` every {@link PROGRESS_EVERY_MS} that module `id` is still compiling
 * and for how long, so a slow compile on a loaded machine is never silence.
 *
 * @example
 * const binary = await withProgress('collections', console.log, () => compileWithAsc(source));
 * // wasm  collections  compiling… 3 s
 */
export async function withProgress<T>(
  id: string,
  log: (line: string) => void,
  work: () => Promise<T>,
  timer: { setInterval: typeof setInterval; clearInterval: typeof clearInterval } = globalThis,
  now: () => number = () => performance.now(),
): Promise<T> {
  const started = now();
  const ticker = timer.setInterval(() => {
    log(`wasm  ${id}  compiling… ${Math.round((now() - started) / 1000)} s`);
  }, PROGRESS_EVERY_MS);
  try {
    return await work();
  } finally {
    timer.clearInterval(ticker);
  }
}
