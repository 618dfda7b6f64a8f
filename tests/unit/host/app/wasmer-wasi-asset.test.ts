import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, createServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The app's production build, for real: the worker bundle must not carry @wasmer/wasi's wasm as
// base64 text; the wasm ships as an asset the worker fetches (and instantiates while it downloads).

const CONFIG = fileURLToPath(new URL('../../../../host/app/vite.config.ts', import.meta.url));
let out: string;
let assets: string[];

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'ficus-app-build-'));
  await build({ configFile: CONFIG, logLevel: 'silent', build: { outDir: out, emptyOutDir: true } });
  assets = readdirSync(join(out, 'assets'));
}, 120_000);

afterAll(() => {
  rmSync(out, { recursive: true, force: true });
});

describe("the app build and @wasmer/wasi's wasm", () => {
  it('emits the wasm as an asset, and the worker bundle names it instead of embedding it', () => {
    const wasm = assets.filter((name) => /^wasmer_wasi_js_bg-[\w-]+\.wasm$/.test(name));
    expect(wasm).toHaveLength(1);
    const bytes = readFileSync(join(out, 'assets', wasm[0] as string));
    expect([...bytes.subarray(0, 4)]).toEqual([0x00, 0x61, 0x73, 0x6d]);
    expect(bytes.byteLength).toBeGreaterThan(100_000);

    const workers = assets.filter((name) => /^wasm-world\.worker-[\w-]+\.js$/.test(name));
    expect(workers).toHaveLength(1);
    const worker = readFileSync(join(out, 'assets', workers[0] as string), 'utf8');
    expect(worker).not.toContain('data:application/wasm;base64');
    expect(worker).toContain(`/assets/${wasm[0]}`);
    // Without the base64 copy the worker bundle is a fraction of the ~460 KB it was.
    expect(worker.length).toBeLessThan(200_000);
  });

  it('leaves the base64 copy out of every other bundle too', () => {
    for (const name of assets.filter((file) => file.endsWith('.js'))) {
      expect(readFileSync(join(out, 'assets', name), 'utf8'), name).not.toContain(
        'data:application/wasm;base64',
      );
    }
  });
});

describe("vite dev and @wasmer/wasi's wasm", () => {
  it("serves the app's worker entry, with the library's embedded copy (the URL module is null)", async () => {
    const server = await createServer({
      configFile: CONFIG,
      logLevel: 'silent',
      server: { middlewareMode: true },
    });
    try {
      const worker = fileURLToPath(
        new URL('../../../../host/wasm-world/wasm-world.worker.ts', import.meta.url),
      );
      const transformed = await server.transformRequest(`/@fs${worker}?worker_file&type=module`);
      expect(transformed?.code).toContain('serveWasmWorld');
      const resolved = await server.pluginContainer.resolveId('virtual:ficus/wasmer-wasi-wasm');
      expect(resolved).not.toBeNull();
      const loaded = await server.pluginContainer.load((resolved as { id: string }).id);
      expect(loaded).toBe('export default null;');
    } finally {
      await server.close();
    }
  });
});
