import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReleaseSource } from './release-channel.ts';

/**
 * The build's releases read from `dist/wasm/releases/` on disk, for the mock backend under Node.
 *
 * @example
 * createMockBackend({ releases: fileReleases('dist/wasm', '/wasm/') });
 */
export function fileReleases(wasmDir: string, servedAt: string): ReleaseSource {
  const read = async (name: string): Promise<unknown> =>
    JSON.parse(await readFile(join(wasmDir, 'releases', name), 'utf8'));
  return {
    readIndex: () => read('index.json'),
    readManifest: (release) => read(`${release}.json`),
    manifestUrl: (release) => `${servedAt}releases/${release}.json`,
  };
}
