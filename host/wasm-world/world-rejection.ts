/**
 * An input from the WASM world the client refused where it entered: it was dropped (a message)
 * or failed its call (a call's answer, the manifest a load read), and changed nothing.
 *
 * @example
 * // a page's worker sent { type: 'log', page: 'profiles', key: 'e1', level: 'info', message: 3, source: 'page' }
 * { world: 'wasm', input: 'message', name: 'log', page: 'profiles', path: '.message', reason: 'expected a string, got 3' }
 */
export interface WasmWorldRejection {
  readonly world: 'wasm';
  /** A message the worker sent, the answer of a call into it, or the build manifest. */
  readonly input: 'message' | 'result' | 'manifest';
  /** The message's type, the call ("mount", "load"...), or "manifest"; at most 64 characters. */
  readonly name: string;
  /** The page it was about, when it names one as a string (at most 64 characters), else null. */
  readonly page: string | null;
  /** Where in the input the check failed, e.g. ".params.q"; "" for the input as a whole. */
  readonly path: string;
  /** What was wrong there. */
  readonly reason: string;
}

/** A call whose answer the client refused: it fails like a call the world could not answer. */
export class WasmWorldAnswerRefused extends Error {
  constructor(
    message: string,
    readonly rejection: WasmWorldRejection,
  ) {
    super(message);
    this.name = 'WasmWorldAnswerRefused';
  }
}

/** At most 64 characters of a string the world sent, for a log line or telemetry; null if not a string. */
export const clip = (value: unknown): string | null =>
  typeof value !== 'string' ? null : value.length > 64 ? `${value.slice(0, 63)}…` : value;

/** A field of a value that may not be an object at all. */
export const fieldOf = (value: unknown, field: string): unknown =>
  typeof value === 'object' && value !== null
    ? (value as Readonly<Record<string, unknown>>)[field]
    : undefined;

/** " for page "x"" for a log line, or nothing when the input named no page. */
export const forPage = (page: string | null): string =>
  page === null ? '' : ` for page ${JSON.stringify(page)}`;
