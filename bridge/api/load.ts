import { describeIssue, type Schema } from '../schema.ts';

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
    return {
      ok: false,
      status: 0,
      error: { kind: 'network', message: `could not reach ${url}: ${String(error)}` },
    };
  }
  if (!response.ok) {
    return {
      ok: false,
      status: response.status,
      error: { kind: 'http', status: response.status, message: `${url} answered HTTP ${response.status}` },
    };
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return {
      ok: false,
      status: response.status,
      error: { kind: 'malformed', message: `${url} did not answer with JSON` },
    };
  }
  // The backend is another system: its answer is unknown until the contract's schema accepts it.
  const checked = schema.check(body);
  if (!checked.ok) {
    return {
      ok: false,
      status: response.status,
      error: { kind: 'malformed', message: `${url} answered ${describeIssue(checked.issue)}` },
    };
  }
  return { ok: true, status: response.status, data: checked.value };
}
