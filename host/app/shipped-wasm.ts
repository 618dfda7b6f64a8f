import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ReleaseManifestSchema, type WasmManifest, WasmManifestSchema } from '../../bridge/index.ts';

/** One file of the WASM build that goes into the app's production build, by its path under `/wasm/`. */
export interface ShippedFile {
  readonly name: string;
  readonly source: Uint8Array | string;
}

/**
 * What of `dist/wasm` a production build ships: the app's pages only. The manifest is cut down
 * to its `page` entries, and the module files shipped are those pages' plus those of the kept
 * releases (devices may still run an older one); SDK examples and test fixtures stay out (the
 * dev server and the playground serve them from `dist/wasm` directly).
 *
 * @throws Error naming the file when the manifest or a release manifest is malformed
 * @example
 * for (const file of shippedWasmFiles('dist/wasm')) emit(`wasm/${file.name}`, file.source);
 */
export function shippedWasmFiles(dir: string): ShippedFile[] {
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) return [];
  const checked = WasmManifestSchema.check(JSON.parse(readFileSync(manifestPath, 'utf8')));
  if (!checked.ok) {
    throw new Error(
      `${manifestPath}: ${checked.issue.path}: ${checked.issue.message} (run npm run build:wasm)`,
    );
  }
  const pages: WasmManifest = {
    abiVersion: checked.value.abiVersion,
    modules: Object.fromEntries(
      Object.entries(checked.value.modules).filter(([, entry]) => entry.kind === 'page'),
    ),
  };
  const files = new Set(Object.values(pages.modules).map((entry) => entry.file));
  const shipped: ShippedFile[] = [{ name: 'manifest.json', source: `${JSON.stringify(pages, null, 2)}\n` }];
  const releasesDir = join(dir, 'releases');
  for (const name of existsSync(releasesDir) ? readdirSync(releasesDir).sort() : []) {
    if (!name.endsWith('.json')) continue;
    const text = readFileSync(join(releasesDir, name), 'utf8');
    if (name !== 'index.json') {
      const release = ReleaseManifestSchema.check(JSON.parse(text));
      if (!release.ok)
        throw new Error(`${join(releasesDir, name)}: ${release.issue.path}: ${release.issue.message}`);
      for (const entry of Object.values(release.value.modules)) files.add(entry.file);
    }
    shipped.push({ name: `releases/${name}`, source: text });
  }
  for (const file of [...files].sort()) {
    if (existsSync(join(dir, file))) shipped.push({ name: file, source: readFileSync(join(dir, file)) });
  }
  return shipped;
}
