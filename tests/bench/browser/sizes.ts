import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

/** One shipped file of dist/app, raw and gzipped (level 9, as a server would precompress). */
export interface FileSize {
  /** Path below dist/app, e.g. `wasm/collections.784753837c31.wasm`. */
  readonly file: string;
  /** `page` / `example` / `fixture` for a WASM module (from the manifest), `js` for a bundle. */
  readonly kind: string;
  readonly raw: number;
  readonly gzip: number;
}

/**
 * The size of each `.wasm` module and JS bundle in `dist/app`.
 *
 * @example
 * bundleSizes('/work/main/dist/app/').filter((size) => size.kind === 'page');
 */
export function bundleSizes(distApp: string): FileSize[] {
  const kinds = new Map<string, string>();
  try {
    const manifest = JSON.parse(readFileSync(`${distApp}wasm/manifest.json`, 'utf8')) as {
      modules?: Record<string, { file?: string; kind?: string }>;
    };
    for (const entry of Object.values(manifest.modules ?? {})) {
      if (typeof entry.file === 'string') kinds.set(entry.file, entry.kind ?? 'module');
    }
  } catch {
    // No manifest: every module is reported as "module".
  }
  const sizes: FileSize[] = [];
  const add = (file: string, kind: string): void => {
    const bytes = readFileSync(`${distApp}${file}`);
    sizes.push({ file, kind, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
  };
  for (const name of readdirSync(`${distApp}wasm`).sort()) {
    if (name.endsWith('.wasm')) add(`wasm/${name}`, kinds.get(name) ?? 'module');
  }
  for (const name of readdirSync(`${distApp}assets`).sort()) {
    if (name.endsWith('.js')) add(`assets/${name}`, 'js');
  }
  return sizes;
}
