import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import {
  fetchModule,
  notWasm,
  type PageModuleUrl,
  refusedAbiVersion,
} from '../../../../wasm-pages/runtime/module-source.ts';
import { PageModuleCache } from '../../../../wasm-pages/runtime/page-module-cache.ts';
import { pageModuleBytes } from './wasm-bytes.ts';

// Fetching and checking page modules in the worker, on fake servers built from real Responses.

const PAGE = pageModuleBytes({ imports: [{ module: 'ficus', name: 'emit' }], abiVersion: 1 });
const SHA = createHash('sha256').update(PAGE).digest('hex');
const FILE = 'profiles.0123456789ab.wasm';
const URL_ = `http://127.0.0.1:4173/wasm/${FILE}`;
const source: PageModuleUrl = { kind: 'url', url: URL_, file: FILE, sha256: SHA };
const INDEX_HTML = '<!doctype html>\n<html lang="en"><head><title>Ficus TV</title>';

const serve = (body: BodyInit | null, init: ResponseInit = {}) =>
  vi.fn<typeof fetch>(async () => new Response(body, init));
const wasmResponse = (type = 'application/wasm') =>
  serve(PAGE.slice(), { headers: { 'content-type': type } });

describe('fetchModule', () => {
  it('refuses a non-OK status, naming the file, the status and the URL', async () => {
    const result = await fetchModule(source, serve('gone', { status: 404, statusText: 'Not Found' }));
    expect(result).toEqual({
      ok: false,
      error: { code: 'fetch-failed', message: `${FILE}: the server answered 404 Not Found for ${URL_}` },
    });
  });

  it("refuses a server's index.html sent with status 200 for a missing file, saying what came back", async () => {
    const result = await fetchModule(source, serve(INDEX_HTML, { headers: { 'content-type': 'text/html' } }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('not-wasm');
    expect(result.error.message).toBe(
      `${FILE} is not a WebAssembly module (no \\0asm magic): got ${INDEX_HTML.length} bytes of text/html ` +
        `starting "<!doctype html>\\n<html la…": the server has no such file and sent a page instead (from ${URL_})`,
    );
  });

  it('refuses a network failure, naming the file and the URL', async () => {
    const failing = vi.fn<typeof fetch>(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await fetchModule(source, failing)).toEqual({
      ok: false,
      error: { code: 'fetch-failed', message: `${FILE} could not be fetched from ${URL_}: Failed to fetch` },
    });
  });

  it('refuses bytes whose sha256 is not the manifest one', async () => {
    const result = await fetchModule({ ...source, sha256: '0'.repeat(64) }, wasmResponse());
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'digest-mismatch',
        message: `${FILE} does not match the manifest: its sha256 is ${SHA}, the manifest says ${'0'.repeat(64)}`,
      },
    });
  });

  it('hands back the checked bytes of a response of any content type, compiling nothing itself', async () => {
    const compiling = vi.spyOn(WebAssembly, 'compileStreaming');
    try {
      for (const type of ['application/wasm', 'application/octet-stream']) {
        const result = await fetchModule(source, wasmResponse(type));
        if (!result.ok) throw new Error(result.error.message);
        expect(result).toEqual({ ok: true, bytes: PAGE });
      }
      expect(compiling).not.toHaveBeenCalled();
    } finally {
      compiling.mockRestore();
    }
  });
});

describe('notWasm and refusedAbiVersion', () => {
  it('shows binary content that is not WebAssembly as hex, and an empty body as such', () => {
    expect(notWasm(FILE, new Uint8Array([0xff, 0xd8, 0xff]), 'image/jpeg')).toBe(
      `${FILE} is not a WebAssembly module (no \\0asm magic): got 3 bytes of image/jpeg starting ff d8 ff`,
    );
    expect(notWasm(FILE, new Uint8Array(), null)).toBe(
      `${FILE} is not a WebAssembly module (no \\0asm magic): got an empty body`,
    );
    expect(notWasm(FILE, PAGE, null)).toBeNull();
  });

  it('refuses an ABI version this world does not speak, and an entry without one', () => {
    expect(refusedAbiVersion('profiles', { file: FILE, abiVersion: 1 }, 1)).toBeNull();
    expect(refusedAbiVersion('profiles', { file: FILE, abiVersion: 4 }, 1)).toBe(
      `page "profiles" (${FILE}) speaks page ABI version 4, but this world speaks 1, 2 and 3: not loaded; ` +
        'rebuild it against wasm-pages/ABI.md (npm run build:wasm)',
    );
    expect(refusedAbiVersion('profiles', { file: FILE, abiVersion: null }, 1)).toMatch(
      /^page "profiles" \(profiles\.0123456789ab\.wasm\) has no ficus_abi_version export, but this world speaks 1, 2 and 3/,
    );
    expect(refusedAbiVersion('profiles', { file: FILE, abiVersion: 1 }, 4)).toMatch(
      /is part of a release built for page ABI version 4 \(the manifest's abiVersion\), but this world speaks 1, 2 and 3/,
    );
  });

  it('loads every version, and a version-1 module of a newer release (devices keep old modules)', () => {
    for (const release of [1, 2, 3])
      for (const version of [1, 2, 3])
        expect(refusedAbiVersion('profiles', { file: FILE, abiVersion: version }, release)).toBeNull();
  });
});

describe('PageModuleCache', () => {
  it('fetches a module once per content hash, also while the first download is still under way', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((done) => {
      release = done;
    });
    const slow = vi.fn<typeof fetch>(async () => {
      await gate;
      return new Response(PAGE.slice(), { headers: { 'content-type': 'application/wasm' } });
    });
    vi.stubGlobal('fetch', slow);
    try {
      const cache = new PageModuleCache();
      const first = cache.compile('profiles', source);
      const second = cache.compile('profiles', source); // a later visit, while the first still downloads
      release();
      const [a, b] = await Promise.all([first, second]);
      expect(a.ok && b.ok && a.module === b.module).toBe(true);
      expect((await cache.compile('profiles', source)).ok).toBe(true);
      expect(slow).toHaveBeenCalledTimes(1);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('forgets a failed download, so the next request tries again', async () => {
    const responses = [
      new Response(INDEX_HTML, { headers: { 'content-type': 'text/html' } }),
      new Response(PAGE.slice(), { headers: { 'content-type': 'application/wasm' } }),
    ];
    const server = vi.fn<typeof fetch>(async () => responses.shift() as Response);
    vi.stubGlobal('fetch', server);
    try {
      const cache = new PageModuleCache();
      const refused = await cache.compile('profiles', source);
      expect(refused).toMatchObject({ ok: false, error: { page: 'profiles', code: 'not-wasm' } });
      if (!refused.ok)
        expect(refused.error.message).toMatch(/^page "profiles": profiles\.0123456789ab\.wasm is not/);
      expect((await cache.compile('profiles', source)).ok).toBe(true);
      expect(server).toHaveBeenCalledTimes(2);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('checks bytes the host read against the digest before compiling them', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const cache = new PageModuleCache();
    const bytes = { kind: 'bytes', bytes: PAGE, file: FILE, sha256: SHA } as const;
    expect((await cache.compile('profiles', bytes)).ok).toBe(true);
    expect(await cache.compile('other', { ...bytes, sha256: 'f'.repeat(64) })).toMatchObject({
      ok: false,
      error: { page: 'other', code: 'digest-mismatch' },
    });
    expect(errors).toHaveBeenCalledTimes(1);
    errors.mockRestore();
  });
});
