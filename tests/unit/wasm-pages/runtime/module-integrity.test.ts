import { createHash } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PageModuleBytes, PageModuleUrl } from '../../../../wasm-pages/runtime/module-source.ts';
import { PageModuleCache } from '../../../../wasm-pages/runtime/page-module-cache.ts';
import { WasmWorld } from '../../../../wasm-pages/runtime/wasm-world.ts';
import { fixtureWasms } from './fixture-wasm.ts';
import { WorldRecorder } from './world-recorder.ts';

// A page module is compiled only once its bytes match the release manifest's sha256: a wrong
// digest and the valid module of another page in its place are both refused before anything is
// compiled, with an error naming the page and both digests. Real AssemblyScript fixture pages,
// real WebCrypto, real WebAssembly; only the server is a function returning real Responses.

let page: Uint8Array; // the module the manifest vouches for
let other: Uint8Array; // another page's valid module
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
let PAGE_SHA: string;
let OTHER_SHA: string;
let FILE: string;
let URL_: string;

beforeAll(async () => {
  const wasm = await fixtureWasms(['ok-page', 'trap-on-select']);
  page = wasm['ok-page'];
  other = wasm['trap-on-select'];
  PAGE_SHA = sha256(page);
  OTHER_SHA = sha256(other);
  FILE = `profiles.${PAGE_SHA.slice(0, 12)}.wasm`;
  URL_ = `http://127.0.0.1:4173/wasm/${FILE}`;
}, 120_000);

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const urlSource = (sha = PAGE_SHA): PageModuleUrl => ({ kind: 'url', url: URL_, file: FILE, sha256: sha });
const bytesSource = (bytes: Uint8Array, sha = PAGE_SHA): PageModuleBytes => ({
  kind: 'bytes',
  bytes,
  file: FILE,
  sha256: sha,
});
/** The server answers every request with `bytes` as application/wasm (what a CDN would send). */
const serve = (bytes: Uint8Array) =>
  vi.stubGlobal(
    'fetch',
    vi.fn<typeof fetch>(
      async () => new Response(bytes.slice(), { headers: { 'content-type': 'application/wasm' } }),
    ),
  );
/**
 * Records the sha256 of every module compiled, in `compiled` and as "compile <sha256>" in `log`
 * (Node's fetch compiles its own HTTP parser's wasm on first use, so calls are told apart by what
 * they compile), and any streaming compile.
 */
const watchCompiles = (log: string[] = []) => {
  const compiled: string[] = [];
  const compile = WebAssembly.compile;
  vi.spyOn(WebAssembly, 'compile').mockImplementation((bytes) => {
    const digest = sha256(new Uint8Array(bytes instanceof ArrayBuffer ? bytes : (bytes as Uint8Array)));
    compiled.push(digest);
    log.push(`compile ${digest}`);
    return compile(bytes);
  });
  return { compiled, streaming: vi.spyOn(WebAssembly, 'compileStreaming') };
};
const pagesIn = (compiled: readonly string[]) =>
  compiled.filter((digest) => digest === PAGE_SHA || digest === OTHER_SHA);
const quietErrors = () => vi.spyOn(console, 'error').mockImplementation(() => undefined);
const mismatch = (actual: string, expected: string) =>
  `page "profiles": ${FILE} does not match the manifest: its sha256 is ${actual}, the manifest says ${expected}`;

describe('a module whose bytes do not match the manifest', () => {
  it('is refused before it is compiled when the digest is wrong, naming the page and both digests', async () => {
    serve(page);
    const compiles = watchCompiles();
    const errors = quietErrors();
    const wrong = 'e'.repeat(64);
    const result = await new PageModuleCache().compile('profiles', urlSource(wrong));
    expect(result).toEqual({
      ok: false,
      error: { page: 'profiles', code: 'digest-mismatch', message: mismatch(PAGE_SHA, wrong) },
    });
    expect(pagesIn(compiles.compiled)).toEqual([]);
    expect(compiles.streaming).not.toHaveBeenCalled();
    expect(errors).toHaveBeenCalledWith(`refused a WASM module: ${mismatch(PAGE_SHA, wrong)}`);
  });

  it("is refused when another page's valid module is served in its place (download and bytes alike)", async () => {
    serve(other);
    const compiles = watchCompiles();
    quietErrors();
    const cache = new PageModuleCache();
    for (const source of [urlSource(), bytesSource(other)]) {
      expect(await cache.compile('profiles', source)).toEqual({
        ok: false,
        error: { page: 'profiles', code: 'digest-mismatch', message: mismatch(OTHER_SHA, PAGE_SHA) },
      });
    }
    expect(pagesIn(compiles.compiled)).toEqual([]);
    expect(compiles.streaming).not.toHaveBeenCalled();
    expect(cache.size).toBe(0); // nothing kept: the next request checks afresh
  });

  it('leaves the world without the page: load is refused and a mount finds nothing to instantiate', async () => {
    serve(other);
    quietErrors();
    const world = new WasmWorld({ send: new WorldRecorder().listener });
    const loaded = await world.load('profiles', urlSource());
    expect(loaded).toMatchObject({ ok: false, error: { code: 'digest-mismatch' } });
    expect(() => world.mount('entry-1', 'profiles', {})).toThrow(/page "profiles" is not loaded/);
  });

  it('is refused when WebCrypto is missing (not a secure context): nothing unproven is compiled', async () => {
    serve(page);
    const compiles = watchCompiles();
    quietErrors();
    vi.stubGlobal('crypto', undefined);
    const result = await new PageModuleCache().compile('profiles', urlSource());
    expect(result).toMatchObject({ ok: false, error: { page: 'profiles', code: 'digest-mismatch' } });
    if (!result.ok)
      expect(result.error.message).toBe(
        `page "profiles": ${FILE} cannot be checked against the manifest's sha256 ${PAGE_SHA}: WebCrypto ` +
          '(crypto.subtle) is not available here (not a secure context: serve the app over https or from localhost)',
      );
    expect(pagesIn(compiles.compiled)).toEqual([]);
  });
});

describe('a module whose bytes match the manifest', () => {
  it('is compiled after its digest was computed, from the downloaded bytes, and mounts', async () => {
    serve(page);
    const order: string[] = [];
    const subtle = globalThis.crypto.subtle;
    const digest = subtle.digest.bind(subtle);
    vi.spyOn(subtle, 'digest').mockImplementation(async (algorithm, data) => {
      const result = await digest(algorithm, data);
      order.push('digest');
      return result;
    });
    const compiles = watchCompiles(order);
    const recorder = new WorldRecorder();
    const world = new WasmWorld({ send: recorder.listener });
    expect(await world.load('profiles', urlSource())).toEqual({ ok: true, page: 'profiles' });
    // WASI's own module compiles meanwhile: only the page's steps count.
    const pageSteps = order.filter((step) => step === 'digest' || step === `compile ${PAGE_SHA}`);
    expect(pageSteps).toEqual(['digest', `compile ${PAGE_SHA}`]);
    expect(compiles.streaming).not.toHaveBeenCalled();
    expect(world.mount('entry-1', 'profiles', {})).toMatchObject({ status: 'mounted' });
  });

  it('compiles the bytes it checked even if the caller changes its array meanwhile', async () => {
    const handed = page.slice();
    const compiling = new PageModuleCache().compile('profiles', bytesSource(handed));
    handed.fill(0); // while the digest is being computed
    const result = await compiling;
    expect(result.ok, result.ok ? '' : result.error.message).toBe(true);
  });
});
