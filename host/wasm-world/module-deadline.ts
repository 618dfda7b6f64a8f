/** The clock a module download is timed with; tests inject their own. */
export interface DeadlineTimer {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** How long a page module may take to arrive (manifest, download, compile) before React serves the visit. */
export const MODULE_DEADLINE_MS = 4000;

const GLOBAL_TIMER: DeadlineTimer = {
  // Looked up at call time, so test doubles installed on the globals apply.
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** A page module that did not arrive in time; the download goes on for the next visit. */
export class ModuleDeadlineError extends Error {
  override readonly name = 'ModuleDeadlineError';
  constructor(
    readonly page: string,
    readonly deadlineMs: number,
    readonly file: string | undefined,
  ) {
    super(
      `the WASM module of page "${page}"${file === undefined ? '' : ` (${file})`} did not load within ` +
        `${deadlineMs} ms: React serves this visit; the module keeps loading for the next one`,
    );
  }
}

export interface ModuleDeadlineOptions {
  readonly page: string;
  /** Default MODULE_DEADLINE_MS. */
  readonly deadlineMs?: number;
  readonly timer?: DeadlineTimer;
  /** The file being fetched, once known (for the message). */
  readonly file?: () => string | undefined;
}

/**
 * Waits for `loading` at most the deadline: past it, rejects with a ModuleDeadlineError (so the
 * router serves the page in React) while `loading` goes on; what becomes of it is logged, never
 * left as an unhandled rejection. `loading`'s own failure before the deadline rejects as it is.
 *
 * @example
 * await withModuleDeadline(api.load('profiles', source), { page: 'profiles', deadlineMs: 4000 });
 * // or, after 4 s: ModuleDeadlineError: the WASM module of page "profiles" did not load within 4000 ms: ...
 */
export function withModuleDeadline<T>(loading: Promise<T>, options: ModuleDeadlineOptions): Promise<T> {
  const { page, deadlineMs = MODULE_DEADLINE_MS, timer = GLOBAL_TIMER } = options;
  return new Promise<T>((resolve, reject) => {
    let late = false;
    const handle = timer.setTimeout(() => {
      late = true;
      reject(new ModuleDeadlineError(page, deadlineMs, options.file?.()));
    }, deadlineMs);
    loading.then(
      (value) => {
        if (late)
          console.info(
            `the WASM module of page "${page}" arrived after its deadline; the next visit uses it`,
          );
        else {
          timer.clearTimeout(handle);
          resolve(value);
        }
      },
      (error: unknown) => {
        if (late) console.warn(`the WASM module of page "${page}" failed after its deadline:`, error);
        else {
          timer.clearTimeout(handle);
          reject(error);
        }
      },
    );
  });
}
