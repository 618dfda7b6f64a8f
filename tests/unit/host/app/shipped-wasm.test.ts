import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { WasmManifestSchema } from '../../../../bridge/index.ts';
import { shippedWasmFiles } from '../../../../host/app/shipped-wasm.ts';

const DIST_WASM = fileURLToPath(new URL('../../../../dist/wasm', import.meta.url));

describe('shippedWasmFiles (what a production build takes of dist/wasm)', () => {
  it("ships the app's pages and releases, no SDK examples or test fixtures", () => {
    const files = shippedWasmFiles(DIST_WASM);
    const names = files.map((file) => file.name);
    expect(names.filter((name) => /(^|\/)(example|fixture)-/.test(name))).toEqual([]);
    const manifest = WasmManifestSchema.check(
      JSON.parse(String(files.find((file) => file.name === 'manifest.json')?.source)),
    );
    expect(manifest.ok).toBe(true);
    if (!manifest.ok) return;
    const pages = Object.values(manifest.value.modules);
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.every((entry) => entry.kind === 'page')).toBe(true);
    for (const entry of pages) expect(names).toContain(entry.file);
    expect(names).toContain('releases/index.json');
  });

  it('names the file when the manifest is malformed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ficus-shipped-'));
    try {
      writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ modules: {} }));
      expect(() => shippedWasmFiles(dir)).toThrow(/manifest\.json: \.abiVersion: missing required field/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
