import type { ReleaseManifest } from '../../../../bridge/index.ts';
import type { ReleaseCache } from '../../../../host/releases/release-cache.ts';

/** A release manifest with one page, `profiles`, whose digest is `digit` repeated. */
export function release(id: string, digit = 'a', abiVersion = 2): ReleaseManifest {
  return {
    release: id,
    createdAt: '2026-12-02T12:00:00.000Z',
    abiVersion,
    modules: {
      profiles: {
        kind: 'page',
        file: `profiles.${digit.repeat(12)}.wasm`,
        size: 100,
        sha256: digit.repeat(64),
        abiVersion,
        inputHash: '0'.repeat(64),
      },
    },
  };
}

/** A device's storage in memory: what browserReleaseCache keeps in Cache Storage and localStorage. */
export function memoryCache(): ReleaseCache & { readonly manifests: Map<string, unknown> } {
  const manifests = new Map<string, unknown>();
  let knownGood: unknown;
  const bad: string[] = [];
  return {
    manifests,
    manifest: async (url) => structuredClone(manifests.get(url)),
    putManifest: async (url, manifest) => {
      manifests.set(url, structuredClone(manifest));
    },
    knownGood: () => knownGood,
    setKnownGood: (pointer) => {
      knownGood = { ...pointer };
    },
    bad: () => [...bad],
    addBad: (id) => {
      if (!bad.includes(id)) bad.push(id);
    },
  };
}

/** A backend of JSON files by URL; anything else is a 404, `offline` makes every fetch fail. */
export function filesFetch(files: Record<string, unknown>, state: { offline?: boolean } = {}): typeof fetch {
  return async (input) => {
    if (state.offline === true) throw new TypeError('Failed to fetch');
    const url = String(input);
    if (!Object.hasOwn(files, url)) return new Response('not found', { status: 404 });
    return Response.json(files[url]);
  };
}
