import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { WasmManifestSchema } from '../../../../bridge/index.ts';
import { buildWasmPages, WasmBuildError } from '../../../../wasm-pages/build/build-pages.ts';

const ROOT = fileURLToPath(new URL('../../../..', import.meta.url));

/** A scratch project with one fixture page, so the test owns what it builds. */
function scratchProject(source: string): string {
  const root = mkdtempSync(join(tmpdir(), 'ficus-build-'));
  mkdirSync(join(root, 'tests/fixtures/wasm-pages'), { recursive: true });
  writeFileSync(join(root, 'tests/fixtures/wasm-pages/tiny.ts'), source);
  return root;
}

const TINY = `
@external("ficus", "emit") declare function emit(kind: i32, ptr: usize, len: i32): void;
export function ficus_abi_version(): i32 { return 1; }
export function ficus_alloc(size: i32): usize { return heap.alloc(size); }
export function ficus_mount(ptr: usize, len: i32): void {}
export function ficus_event(ptr: usize, len: i32): void {}
export function ficus_frame(now: f64): void {}
export function ficus_unmount(): void {}
`;

describe('buildWasmPages', () => {
  it('builds content-hashed modules with a manifest, then skips unchanged ones', async () => {
    const root = scratchProject(TINY);
    const lines: string[] = [];
    const first = await buildWasmPages({ root, log: (line) => lines.push(line) });
    const entry = first.modules['fixture-tiny'];
    expect(entry).toMatchObject({ kind: 'fixture', abiVersion: 1 });
    expect(entry?.file).toMatch(/^fixture-tiny\.[0-9a-f]{12}\.wasm$/);
    const bytes = readFileSync(join(root, 'dist/wasm', entry?.file ?? ''));
    expect(bytes.length).toBe(entry?.size);
    expect(
      WasmManifestSchema.check(JSON.parse(readFileSync(join(root, 'dist/wasm/manifest.json'), 'utf8'))).ok,
    ).toBe(true);
    expect(lines.some((line) => /fixture-tiny +built/.test(line))).toBe(true);

    await buildWasmPages({ root, log: (line) => lines.push(line) });
    expect(lines.some((line) => /fixture-tiny +up to date/.test(line))).toBe(true);

    // A change rebuilds it under a new content hash and removes the old file.
    writeFileSync(join(root, 'tests/fixtures/wasm-pages/tiny.ts'), TINY.replace('return 1;', 'return 2;'));
    const third = await buildWasmPages({ root, log: (line) => lines.push(line) });
    expect(third.modules['fixture-tiny']?.abiVersion).toBe(2);
    expect(third.modules['fixture-tiny']?.file).not.toBe(entry?.file);
    expect(existsSync(join(root, 'dist/wasm', entry?.file ?? ''))).toBe(false);
  });

  it('compiles on worker threads to the same bytes, and a build with nothing to do never loads the compiler', async () => {
    const root = scratchProject(TINY);
    writeFileSync(join(root, 'tests/fixtures/wasm-pages/second.ts'), TINY.replace('return 1;', 'return 2;'));
    const threaded = await buildWasmPages({ root, workers: 2, log: () => undefined });
    const inProcess = await buildWasmPages({ root, outDir: join(root, 'dist/other'), log: () => undefined });
    for (const id of ['fixture-tiny', 'fixture-second']) {
      expect(threaded.modules[id]?.sha256, id).toBe(inProcess.modules[id]?.sha256);
    }
    const lines: string[] = [];
    await buildWasmPages({ root, workers: 2, log: (line) => lines.push(line) });
    expect(lines).toContain(
      'wasm  nothing to compile: every AssemblyScript module is up to date (the compiler was not loaded)',
    );
    expect(lines.some((line) => line.includes('built in'))).toBe(false);
  });

  it('a debug build has names and a source map whose sources the dev server serves', async () => {
    const root = scratchProject(TINY);
    const manifest = await buildWasmPages({ root, debug: true, log: () => undefined });
    const entry = manifest.modules['fixture-tiny'];
    const module = new WebAssembly.Module(readFileSync(join(root, 'dist/wasm-debug', entry?.file ?? '')));
    const url = WebAssembly.Module.customSections(module, 'sourceMappingURL')[0];
    expect(new TextDecoder().decode(url).slice(1)).toBe('fixture-tiny.wasm.map'); // after its length byte
    expect(WebAssembly.Module.customSections(module, 'name')).toHaveLength(1);
    const map = JSON.parse(readFileSync(join(root, 'dist/wasm-debug/fixture-tiny.wasm.map'), 'utf8'));
    expect(map.sources).toContain(`/@fs${join(root, 'tests/fixtures/wasm-pages/tiny.ts')}`);
    expect(map.sources.filter((source: string) => !source.startsWith('/@fs/'))).toEqual([]);
    // The release build is untouched by it.
    expect(existsSync(join(root, 'dist/wasm'))).toBe(false);
  });

  it('names the module and shows the compiler output when a page does not compile', async () => {
    const root = scratchProject('export function ficus_abi_version(): i32 { return "nope"; }');
    const build = buildWasmPages({ root, log: () => undefined });
    await expect(build).rejects.toBeInstanceOf(WasmBuildError);
    await expect(build).rejects.toThrow(/fixture-tiny failed to compile:[\s\S]*ERROR/);
  });
});

// The project's own build output, made by the test run's global setup.
describe('the project build', () => {
  it('has a valid manifest listing the fixtures', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'dist/wasm/manifest.json'), 'utf8'));
    const checked = WasmManifestSchema.check(manifest);
    expect(checked.ok).toBe(true);
    if (checked.ok)
      expect(Object.keys(checked.value.modules).some((id) => id.startsWith('fixture-'))).toBe(true);
  });
});
