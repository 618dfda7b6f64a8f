import type { ReleaseSource } from './release-channel.ts';

/**
 * The build's releases as the browser mock reads them: fetched from the app's own origin, where
 * the app's server serves `dist/wasm/` at `base` (bypassing msw, which would answer itself).
 *
 * @example
 * createMockBackend({ releases: fetchedReleases('/wasm/', (url) => fetch(bypass(url))) });
 */
export function fetchedReleases(base: string, fetchFile: (url: string) => Promise<Response>): ReleaseSource {
  const read = async (path: string): Promise<unknown> => {
    const response = await fetchFile(path);
    if (!response.ok) throw new Error(`${path}: the server answered ${response.status}`);
    return response.json();
  };
  return {
    readIndex: () => read(`${base}releases/index.json`),
    readManifest: (release) => read(`${base}releases/${release}.json`),
    manifestUrl: (release) => `${base}releases/${release}.json`,
  };
}
