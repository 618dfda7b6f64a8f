/** The Cache Storage cache of page modules (content-hashed files: a cached copy never goes stale). */
export const MODULE_CACHE_NAME = 'ficus-modules-v1';

/**
 * A fetch for page modules that answers from Cache Storage first and stores what it downloads,
 * so a device that ran a release starts it again offline. Only successful answers are stored;
 * the worker still checks every module's digest before compiling it, cached or not, so a
 * corrupted cache entry is refused like a corrupted download. Without Cache Storage (outside a
 * secure context) it is the plain fetch.
 *
 * @example
 * await serveWasmWorld({ moduleFetch: cachedModuleFetch(globalThis.caches, fetch) });
 */
export function cachedModuleFetch(caches: CacheStorage | undefined, fetchImpl: typeof fetch): typeof fetch {
  if (caches === undefined) return fetchImpl;
  return async (input, init) => {
    const request = new Request(input, init);
    let cache: Cache | undefined;
    try {
      cache = await caches.open(MODULE_CACHE_NAME);
      const hit = await cache.match(request);
      if (hit !== undefined) return hit;
    } catch {
      // Cache Storage refused (quota, private mode): the network alone.
    }
    const response = await fetchImpl(request);
    if (response.ok && cache !== undefined) {
      // Stored from a clone while the original streams to the compiler.
      void cache.put(request, response.clone()).catch(() => undefined);
    }
    return response;
  };
}
