import { describe, expect, it, vi } from 'vitest';
import type { WasmWorldRemote, WasmWorldWorker } from '../../../../host/boot/wasm-world-client.ts';
import {
  fetchManifest,
  firstWasmPage,
  prestartWasmWorld,
} from '../../../../host/wasm-world/wasm-prestart.ts';
import { REFERENCE_PLAN } from '../../../../migration-plan/index.ts';
import type { PageModuleSource } from '../../../../wasm-pages/runtime/module-source.ts';

// What the browser starts before the app boots: the worker, the manifest, the first page's module.

const HASH = 'c'.repeat(64);
const entry = (page: string, abiVersion: number) => ({
  kind: 'page',
  file: `${page}.cccccccccccc.wasm`,
  size: 1,
  sha256: HASH,
  abiVersion,
  inputHash: HASH,
});
const MANIFEST = { abiVersion: 1, modules: { profiles: entry('profiles', 1), future: entry('future', 7) } };
const BASE_URL = 'http://tv.example/profiles';

function fakeWorkers() {
  const started: { loads: [string, PageModuleSource][] }[] = [];
  const startWorker = vi.fn(async (): Promise<WasmWorldWorker> => {
    const record = { loads: [] as [string, PageModuleSource][] };
    started.push(record);
    const api = {
      load: async (page: string, source: PageModuleSource) => {
        record.loads.push([page, source]);
        return { ok: true, page } as const;
      },
    } as Partial<WasmWorldRemote> as WasmWorldRemote; // the prestart only loads
    return { api, terminate: () => undefined };
  });
  return { started, startWorker };
}

const json = (value: unknown) =>
  vi.fn<typeof fetch>(
    async () => new Response(JSON.stringify(value), { headers: { 'content-type': 'application/json' } }),
  );

describe('prestartWasmWorld', () => {
  it('starts the worker at once and hands it over on the first startWorker, a fresh one after', async () => {
    const { started, startWorker } = fakeWorkers();
    const early = prestartWasmWorld({
      base: '/wasm/',
      startWorker,
      fetch: json(MANIFEST),
      baseUrl: BASE_URL,
    });
    expect(startWorker).toHaveBeenCalledTimes(1); // before anyone asked
    await early.startWorker();
    expect(startWorker).toHaveBeenCalledTimes(1);
    await early.startWorker(); // the watchdog's restart
    expect(started).toHaveLength(2);
  });

  it("fetches the manifest once, and has the worker fetch and compile the first page's module meanwhile", async () => {
    const { started, startWorker } = fakeWorkers();
    const fetchImpl = json(MANIFEST);
    const early = prestartWasmWorld({
      base: '/wasm/',
      firstPage: 'profiles',
      startWorker,
      fetch: fetchImpl,
      baseUrl: BASE_URL,
    });
    await early.firstPageLoaded;
    expect(started[0]?.loads).toEqual([
      [
        'profiles',
        {
          kind: 'url',
          url: 'http://tv.example/wasm/profiles.cccccccccccc.wasm',
          file: 'profiles.cccccccccccc.wasm',
          sha256: HASH,
        },
      ],
    ]);
    expect(await early.manifest()).toEqual(MANIFEST);
    expect(fetchImpl.mock.calls.map(([url]) => String(url))).toEqual([
      'http://tv.example/wasm/manifest.json',
    ]);
    expect(early.moduleUrl('x.wasm')).toBe('http://tv.example/wasm/x.wasm');
  });

  it('does not prefetch an entry of an ABI version this world does not speak', async () => {
    const { started, startWorker } = fakeWorkers();
    const early = prestartWasmWorld({
      base: '/wasm/',
      firstPage: 'future',
      startWorker,
      fetch: json(MANIFEST),
      baseUrl: BASE_URL,
    });
    await early.firstPageLoaded;
    expect(started[0]?.loads).toEqual([]);
  });

  it('forgets a failed manifest fetch, so the next read tries again', async () => {
    const { startWorker } = fakeWorkers();
    const answers = [
      new Response('nope', { status: 503, statusText: 'Service Unavailable' }),
      Response.json(MANIFEST),
    ];
    const early = prestartWasmWorld({
      base: '/wasm/',
      startWorker,
      fetch: async () => answers.shift() as Response,
      baseUrl: BASE_URL,
    });
    await expect(early.manifest()).rejects.toThrow(
      'the WASM manifest http://tv.example/wasm/manifest.json: the server answered 503 Service Unavailable',
    );
    expect(await early.manifest()).toEqual(MANIFEST);
  });
});

describe('fetchManifest', () => {
  it("refuses a server's index.html sent with status 200, saying what came back", async () => {
    const html = async () =>
      new Response('<!doctype html><html>', { headers: { 'content-type': 'text/html' } });
    await expect(fetchManifest('http://tv.example/wasm/manifest.json', html)).rejects.toThrow(
      'the WASM manifest http://tv.example/wasm/manifest.json is not JSON: got text/html starting ' +
        '"<!doctype html><html>" (the server has no such file and sent a page instead)',
    );
  });
});

describe('firstWasmPage', () => {
  it('names the page the URL opens when the WASM world may serve it, else null', () => {
    expect(firstWasmPage(REFERENCE_PLAN, '/profiles', '')).toBe('profiles');
    expect(firstWasmPage(REFERENCE_PLAN, '/', '')).toBe('profiles'); // the root page
    expect(firstWasmPage(REFERENCE_PLAN, '/collections', '?profile=p1')).toBe('collections');
    expect(firstWasmPage(REFERENCE_PLAN, '/profiles', '?world.profiles=legacy')).toBeNull();
    expect(firstWasmPage(REFERENCE_PLAN, '/details', '?id=t0042')).toBeNull();
  });
});
