/**
 * Where a device keeps the releases it ran, so it can start offline and fall back to one that
 * worked: the manifests in Cache Storage (by manifest URL), the last known-good release and the
 * releases found bad in `localStorage`. Everything read back is `unknown` until checked: storage
 * outlives app versions and can be edited by hand.
 */
export interface ReleaseCache {
  /** The manifest cached for `url`, unchecked, or undefined. */
  manifest(url: string): Promise<unknown>;
  putManifest(url: string, manifest: unknown): Promise<void>;
  /** `{ release, manifestUrl }` of the last release whose page mounted, unchecked. */
  knownGood(): unknown;
  setKnownGood(pointer: { readonly release: string; readonly manifestUrl: string }): void;
  /** Release ids this device saw fail (integrity, ABI, a crash on first mount). */
  bad(): readonly string[];
  addBad(release: string): void;
}

/** The Cache Storage cache of release manifests (modules are cached by the worker, see module-cache.ts). */
export const RELEASE_CACHE_NAME = 'ficus-releases-v1';
export const KNOWN_GOOD_KEY = 'ficus.release.known-good';
export const BAD_RELEASES_KEY = 'ficus.release.bad';
/** Bad ids kept: enough for any rollout, small enough for localStorage. */
const BAD_KEPT = 20;

/**
 * The browser's ReleaseCache: Cache Storage for manifests (absent outside a secure context:
 * then nothing is cached and a device without network starts on React), localStorage for the
 * pointers. Storage errors are swallowed: a device that cannot cache still runs.
 *
 * @example
 * const cache = browserReleaseCache(globalThis.caches, localStorage);
 */
export function browserReleaseCache(
  caches: CacheStorage | undefined,
  storage: Pick<Storage, 'getItem' | 'setItem'> | undefined,
): ReleaseCache {
  const readJson = (key: string): unknown => {
    try {
      const text = storage?.getItem(key);
      return text === null || text === undefined ? undefined : JSON.parse(text);
    } catch {
      return undefined;
    }
  };
  const writeJson = (key: string, value: unknown) => {
    try {
      storage?.setItem(key, JSON.stringify(value));
    } catch {
      // Full or refused: this device just remembers less.
    }
  };
  const bad = (): string[] => {
    const stored = readJson(BAD_RELEASES_KEY);
    return Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string') : [];
  };
  return {
    async manifest(url) {
      try {
        const response = await (await caches?.open(RELEASE_CACHE_NAME))?.match(url);
        return response === undefined ? undefined : await response.json();
      } catch {
        return undefined;
      }
    },
    async putManifest(url, manifest) {
      try {
        const cache = await caches?.open(RELEASE_CACHE_NAME);
        await cache?.put(
          url,
          new Response(JSON.stringify(manifest), { headers: { 'content-type': 'application/json' } }),
        );
      } catch {
        // Not cached: the next start needs the network for it.
      }
    },
    knownGood: () => readJson(KNOWN_GOOD_KEY),
    setKnownGood: (pointer) => writeJson(KNOWN_GOOD_KEY, pointer),
    bad,
    addBad: (release) =>
      writeJson(BAD_RELEASES_KEY, [...bad().filter((id) => id !== release), release].slice(-BAD_KEPT)),
  };
}
