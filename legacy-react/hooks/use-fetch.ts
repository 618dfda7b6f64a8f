import { useCallback, useEffect, useState } from 'react';
import { type ApiLoadError, loadFromApi, type Schema } from '../../bridge/index.ts';
import { usePageServices } from '../world/page-context.ts';

export type FetchError = ApiLoadError;

export type FetchState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly error: FetchError; readonly retry: () => void }
  | { readonly status: 'ready'; readonly data: T; readonly retry: () => void };

/**
 * Loads `path` (an `apiPaths` path, resolved against the world's backend origin) and validates
 * the answer with `schema` (bridge's loadFromApi, shared with the WASM world's data requests). Shows
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
    loadFromApi(`${apiBase}${path}`, schema, fetchImpl, controller.signal).then((result) => {
      if (controller.signal.aborted) return;
      setState({
        path,
        result: result.ok
          ? { status: 'ready', data: result.data, retry }
          : { status: 'error', error: result.error, retry },
      });
    });
    return () => controller.abort();
  }, [apiBase, path, schema, fetchImpl, attempt, retry]);

  return state.path === path ? state.result : LOADING;
}

const LOADING: FetchState<never> = { status: 'loading' };
