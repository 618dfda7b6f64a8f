import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type ReleaseIndex,
  ReleaseIndexSchema,
  type ReleaseManifest,
  ReleaseManifestSchema,
  type WasmManifest,
} from '../../bridge/index.ts';

/** How many releases the build keeps (their manifests and module files): devices may still run them. */
export const KEPT_RELEASES = 5;

/**
 * The release id of a set of page modules: the same pages always give the same id, so a build
 * that changed no page makes no new release.
 *
 * @example
 * releaseIdOf(manifest); // 'r-3f2a9c0d1b7e'
 */
export function releaseIdOf(manifest: WasmManifest): string {
  const pages = Object.entries(manifest.modules)
    .filter(([, entry]) => entry.kind === 'page')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, entry]) => `${id}:${entry.sha256}`);
  const digest = createHash('sha256')
    .update(`abi ${manifest.abiVersion}\n${pages.join('\n')}`)
    .digest('hex');
  return `r-${digest.slice(0, 12)}`;
}

function readIndex(dir: string): ReleaseIndex | undefined {
  const path = join(dir, 'index.json');
  if (!existsSync(path)) return undefined;
  try {
    const checked = ReleaseIndexSchema.check(JSON.parse(readFileSync(path, 'utf8')));
    return checked.ok ? checked.value : undefined;
  } catch {
    return undefined;
  }
}

function readRelease(dir: string, release: string): ReleaseManifest | undefined {
  try {
    const checked = ReleaseManifestSchema.check(
      JSON.parse(readFileSync(join(dir, `${release}.json`), 'utf8')),
    );
    return checked.ok ? checked.value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Writes the build's pages as an immutable release (`<outDir>/releases/<id>.json`, never
 * rewritten once there) and the index of the last {@link KEPT_RELEASES} releases, dropping older
 * release manifests. Returns the module files the kept releases use: the build must not delete
 * them, a device may still run an older release (its last known-good one).
 *
 * @example
 * const { release, keptFiles } = writeRelease('dist/wasm', manifest, new Date());
 */
export function writeRelease(
  outDir: string,
  manifest: WasmManifest,
  now: Date,
): { readonly release: string; readonly created: boolean; readonly keptFiles: ReadonlySet<string> } {
  const dir = join(outDir, 'releases');
  mkdirSync(dir, { recursive: true });
  const release = releaseIdOf(manifest);
  const existing = readRelease(dir, release);
  const created = existing === undefined;
  if (created) {
    const modules = Object.fromEntries(
      Object.entries(manifest.modules).filter(([, entry]) => entry.kind === 'page'),
    );
    const written: ReleaseManifest = {
      release,
      createdAt: now.toISOString(),
      abiVersion: manifest.abiVersion,
      modules,
    };
    writeFileSync(join(dir, `${release}.json`), `${JSON.stringify(written, null, 2)}\n`);
  }
  const previous = readIndex(dir);
  const known = Object.entries(previous?.releases ?? {}).filter(
    ([id]) => id !== release && readRelease(dir, id) !== undefined,
  );
  const createdAt = existing?.createdAt ?? now.toISOString();
  const kept = [...known, [release, { createdAt }] as const].slice(-KEPT_RELEASES);
  for (const [id] of known)
    if (!kept.some(([keptId]) => keptId === id)) rmSync(join(dir, `${id}.json`), { force: true });
  const index: ReleaseIndex = { releases: Object.fromEntries(kept), latest: release };
  writeFileSync(join(dir, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
  const keptFiles = new Set<string>();
  for (const [id] of kept) {
    for (const entry of Object.values(readRelease(dir, id)?.modules ?? {})) keptFiles.add(entry.file);
  }
  return { release, created, keptFiles };
}
