import { useCallback, useEffect, useState } from 'react';
import { describeIssue, type Schema } from '../../bridge/index.ts';
import { usePageServices } from '../world/page-context.ts';

export type FetchError =
  | { readonly kind: 'http'; readonly status: number; readonly message: string }
  | { readonly kind: 'network'; readonly message: string }
  | { readonly kind: 'malformed'; readonly message: string };

export type FetchState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly error: FetchError; readonly retry: () => void }
  | { readonly status: 'ready'; readonly data: T; readonly retry: () => void };

async function load<T>(
  url: string,
  schema: Schema<T>,
  fetchImpl: typeof fetch,
  signal: AbortSignal,
): Promise<FetchState<T>> {
  let response: Response;
  try {
    response = await fetchImpl(url, { signal });
  } catch (error) {
    return {
      status: 'error',
      error: { kind: 'network', message: `could not reach ${url}: ${String(error)}` },
      retry: noop,
    };
  }
  if (!response.ok) {
    return {
      status: 'error',
      error: { kind: 'http', status: response.status, message: `${url} answered HTTP ${response.status}` },
      retry: noop,
    };
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return {
      status: 'error',
      error: { kind: 'malformed', message: `${url} did not answer with JSON` },
      retry: noop,
    };
  }
  // The backend is another system: its answer is unknown until the contract's schema accepts it.
  const checked = schema.check(body);
  if (!checked.ok) {
    return {
      status: 'error',
      error: { kind: 'malformed', message: `${url} answered ${describeIssue(checked.issue)}` },
      retry: noop,
    };
  }
  return { status: 'ready', data: checked.value, retry: noop };
}

function noop(): void {}

/**
 * Loads `path` (an `apiPaths` path, resolved against the world's backend origin) and validates the answer with `schema`. Shows
 * `loading` first, then `ready` with typed data or `error` with what went wrong; `retry()` loads
 * again. A `null` path loads nothing (stays `loading`), e.g. while a search box is empty.
 *
 * @example
 * const home = useFetch(apiPaths.home(profileId), HomeResponseSchema);
 * if (home.status === 'loading') return <Spinner />;
 * if (home.status === 'error') return <ErrorPanel message={home.error.message} onRetry={home.retry} />;
 * return <Rails rails={home.data.rails} />;
 */
export function useFetch<T>(path: string | null, schema: Schema<T>): FetchState<T> {
  const { apiBase, fetch: fetchImpl } = usePageServices('useFetch');
  // The result remembers the path it answers, so a new path shows `loading` in the very render
  // that changes it, never the previous path's data or error.
  const [state, setState] = useState<{ readonly path: string | null; readonly result: FetchState<T> }>({
    path,
    result: LOADING,
  });
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is how retry() re-runs the effect.
  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    setState({ path, result: LOADING });
    load(`${apiBase}${path}`, schema, fetchImpl, controller.signal).then((result) => {
      if (!controller.signal.aborted)
        setState({ path, result: result.status === 'loading' ? result : { ...result, retry } });
    });
    return () => controller.abort();
  }, [apiBase, path, schema, fetchImpl, attempt, retry]);

  return state.path === path ? state.result : LOADING;
}

const LOADING: FetchState<never> = { status: 'loading' };
