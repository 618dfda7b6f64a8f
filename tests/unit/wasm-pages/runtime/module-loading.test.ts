import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { wasmerWasiWasm } from '../../../../host/app/vite-plugins.ts';
import { initWasi, isWasiReady } from '../../../../wasm-pages/runtime/wasi-runtime.ts';
import { WasmWorld } from '../../../../wasm-pages/runtime/wasm-world.ts';
import { fixtureWasm } from './fixture-wasm.ts';
import { WorldRecorder } from './world-recorder.ts';

// How the worker gets its code in a browser: @wasmer/wasi's own wasm and the page modules are
// fetched from URLs (fake servers here, real Responses), checked, and compiled while they download.
// Its own file: WASI is initialized once per thread, and this file must start it from a URL.

const WASI_URL = 'http://127.0.0.1:4173/assets/wasmer_wasi_js_bg-abc.wasm';
const INDEX_HTML = '<!doctype html><html><head><title>Ficus TV</title></head></html>';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('initWasi from a URL', () => {
  it("refuses a server's index.html, naming the URL, then starts from the same URL when it is served", async () => {
    const served: string[] = [];
    let asset: Response = new Response(INDEX_HTML, { headers: { 'content-type': 'text/html' } });
    vi.stubGlobal(
      'fetch',
      vi.fn<typeof fetch>(async (input) => {
        served.push(String(input));
        return asset;
      }),
    );
    await expect(initWasi(WASI_URL)).rejects.toThrow(
      `@wasmer/wasi's runtime (${WASI_URL}) could not be loaded: ${WASI_URL} is not a WebAssembly module ` +
        `(no \\0asm magic): got ${INDEX_HTML.length} bytes of text/html starting "<!doctype html><html><he…": ` +
        'the server has no such file and sent a page instead',
    );
    expect(isWasiReady()).toBe(false);

    asset = new Response(new Uint8Array(wasmerWasiWasm()), {
      headers: { 'content-type': 'application/wasm' },
    });
    await initWasi(); // the first caller's URL is kept for retries
    expect(isWasiReady()).toBe(true);
    expect(served).toEqual([WASI_URL, WASI_URL]);
  });
});

describe('WasmWorld.load from a URL', () => {
  it('fetches, checks and compiles the module, mounts it, and fetches the same content only once', async () => {
    const bytes = await fixtureWasm('ok-page');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const server = vi.fn<typeof fetch>(
      async () => new Response(bytes.slice(), { headers: { 'content-type': 'application/wasm' } }),
    );
    vi.stubGlobal('fetch', server);
    const world = new WasmWorld({ send: new WorldRecorder().listener });
    const source = {
      kind: 'url',
      url: 'http://127.0.0.1:4173/wasm/ok.wasm',
      file: 'ok.wasm',
      sha256,
    } as const;

    expect(await world.load('ok-page', source)).toEqual({ ok: true, page: 'ok-page' });
    expect(world.mount('entry-1', 'ok-page', {})).toMatchObject({ status: 'mounted' });
    expect(await world.load('ok-page', source)).toEqual({ ok: true, page: 'ok-page' });
    expect(server).toHaveBeenCalledTimes(1);
  });

  it('refuses a missing module answered with index.html and status 200, naming the page and the file', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn<typeof fetch>(async () => new Response(INDEX_HTML, { headers: { 'content-type': 'text/html' } })),
    );
    const world = new WasmWorld({ send: new WorldRecorder().listener });
    const source = {
      kind: 'url',
      url: 'http://127.0.0.1:4173/wasm/gone.wasm',
      file: 'gone.wasm',
      sha256: 'a'.repeat(64),
    } as const;
    const result = await world.load('profiles', source);
    expect(result).toMatchObject({ ok: false, error: { page: 'profiles', code: 'not-wasm' } });
    if (!result.ok)
      expect(result.error.message).toMatch(/^page "profiles": gone\.wasm is not a WebAssembly module/);
    expect(() => world.mount('entry-1', 'profiles', {})).toThrow(/is not loaded/);
  });
});
