import { describeIssue, type Schema } from '../schema.ts';
import type { ApiMethod } from './endpoints.ts';

/** Why a backend read failed, in words a viewer-facing error panel can show. */
export type ApiLoadError =
  | { readonly kind: 'http'; readonly status: number; readonly message: string }
  | { readonly kind: 'network'; readonly message: string }
  | { readonly kind: 'malformed'; readonly message: string };

export type ApiLoadResult<T> =
  | { readonly ok: true; readonly status: number; readonly data: T }
  | { readonly ok: false; readonly status: number; readonly error: ApiLoadError };

/**
 * GETs `url` and checks the answer against `schema`: the one way both worlds read the backend
 * (the React world's useFetch, and the host answering a WASM page's data request), so both show
 * the same data and the same error text. Never throws; `status` is 0 when nothing was received.
 *
 * @example
 * const result = await loadFromApi('/api/profiles', ProfilesResponseSchema, fetch);
 * if (!result.ok) showError(result.error.message);
 */
export async function loadFromApi<T>(
  url: string,
  schema: Schema<T>,
  fetchImpl: typeof fetch,
  signal?: AbortSignal,
): Promise<ApiLoadResult<T>> {
  let response: Response;
  try {
    response = await fetchImpl(url, signal === undefined ? {} : { signal });
  } catch (error) {
    return networkError(url, error);
  }
  return readAnswer(url, response, schema);
}

/**
 * Sends a write (`method` with a JSON `body`, or none when `body` is undefined) to `url` and
 * checks the answer against `schema`, or takes any success as `data: null` when the operation
 * answers with no content (`schema` null: 204). Errors read as loadFromApi's, the method named:
 * `PUT http://…/api/settings/subtitles answered HTTP 500`. Never throws.
 *
 * @example
 * const result = await sendToApi('/api/settings/subtitles', 'PUT', { value: true }, SettingSchema, fetch);
 * if (!result.ok) rollBack(result.error.message);
 */
export async function sendToApi<T>(
  url: string,
  method: ApiMethod,
  body: unknown,
  schema: Schema<T> | null,
  fetchImpl: typeof fetch,
): Promise<ApiLoadResult<T | null>> {
  const named = `${method} ${url}`;
  const init: RequestInit =
    body === undefined
      ? { method }
      : { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
  let response: Response;
  try {
    response = await fetchImpl(url, init);
  } catch (error) {
    return networkError(named, error);
  }
  if (schema === null && response.ok) return { ok: true, status: response.status, data: null };
  return readAnswer(named, response, schema ?? NO_CONTENT);
}

/** Only reached for a failed status: a no-content operation's success never reads its body. */
const NO_CONTENT: Schema<null> = {
  expected: 'no content',
  check: () => ({ ok: true, value: null }),
};

const networkError = (what: string, error: unknown): ApiLoadResult<never> => ({
  ok: false,
  status: 0,
  error: { kind: 'network', message: `could not reach ${what}: ${String(error)}` },
});

/** The answer `response` carries for `what` (the URL, or the method and URL of a write). */
async function readAnswer<T>(what: string, response: Response, schema: Schema<T>): Promise<ApiLoadResult<T>> {
  if (!response.ok) {
    return {
      ok: false,
      status: response.status,
      error: { kind: 'http', status: response.status, message: `${what} answered HTTP ${response.status}` },
    };
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return {
      ok: false,
      status: response.status,
      error: { kind: 'malformed', message: `${what} did not answer with JSON` },
    };
  }
  // The backend is another system: its answer is unknown until the contract's schema accepts it.
  const checked = schema.check(body);
  if (!checked.ok) {
    return {
      ok: false,
      status: response.status,
      error: { kind: 'malformed', message: `${what} answered ${describeIssue(checked.issue)}` },
    };
  }
  return { ok: true, status: response.status, data: checked.value };
}
