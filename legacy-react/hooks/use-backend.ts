import { useCallback } from 'react';
import { usePageServices } from '../world/page-context.ts';

/**
 * A `fetch` bound to the world's backend origin, for requests that change data (PUT, POST);
 * reads go through useFetch, which also tracks loading and errors.
 *
 * @example
 * const backend = useBackend();
 * await backend(apiPaths.setting('subtitles'), { method: 'PUT', body: JSON.stringify({ value: true }) });
 */
export function useBackend(): (path: string, init?: RequestInit) => Promise<Response> {
  const { apiBase, fetch: fetchImpl } = usePageServices('useBackend');
  return useCallback((path, init) => fetchImpl(`${apiBase}${path}`, init), [apiBase, fetchImpl]);
}
