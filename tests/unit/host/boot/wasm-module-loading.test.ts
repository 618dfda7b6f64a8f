import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  WasmWorldClient,
  type WasmWorldClientOptions,
  type WasmWorldRemote,
  type WasmWorldWorker,
} from '../../../../host/boot/wasm-world-client.ts';
import type { DeadlineTimer } from '../../../../host/wasm-world/module-deadline.ts';
import type { PageModuleSource } from '../../../../wasm-pages/runtime/module-source.ts';
import type { PageLoadOutcome } from '../../../../wasm-pages/runtime/wasm-world.ts';

// The client's side of loading a page module: its deadline (on an injected timer), the ABI check
// before anything is fetched, and the source it hands the worker. The worker is a fake whose
// loads finish when the test says.

const HASH = 'b'.repeat(64);
const entry = (page: string, abiVersion: number | null) => ({
  kind: 'page',
  file: `${page}.bbbbbbbbbbbb.wasm`,
  size: 1,
  sha256: HASH,
  abiVersion,
  inputHash: HASH,
});
const MANIFEST = { abiVersion: 1, modules: { profiles: entry('profiles', 1), future: entry('future', 4) } };

/** A timer the test fires by hand. */
class ManualTimer implements DeadlineTimer {
  private readonly pending = new Map<number, { readonly at: number; readonly run: () => void }>();
  private next = 0;
  private now = 0;
  setTimeout(callback: () => void, ms: number): unknown {
    this.pending.set(++this.next, { at: this.now + ms, run: callback });
    return this.next;
  }
  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  /** Moves time on, firing what fell due. */
  advance(ms: number): void {
    this.now += ms;
    for (const [handle, { at, run }] of [...this.pending]) {
      if (at > this.now) continue;
      this.pending.delete(handle);
      run();
    }
  }
}

interface PendingLoad {
  readonly page: string;
  readonly source: PageModuleSource;
  finish(outcome: PageLoadOutcome): void;
}

function fakeWorker() {
  const loads: PendingLoad[] = [];
  const calls: string[] = [];
  const api: WasmWorldRemote = {
    hello: async () => ({ contractVersion: 1, abiVersion: 1 }),
    load: (page, source) =>
      new Promise<PageLoadOutcome>((finish) => {
        calls.push(`load ${page}`);
        loads.push({ page, source, finish });
      }),
    mount: async (key, page) => {
      calls.push(`mount ${key} ${page}`);
      return { status: 'mounted', rootId: 1, firstId: 2 };
    },
    setVisible: async () => ({ status: 'delivered' }),
    event: async () => ({ status: 'delivered' }),
    events: async () => ({ status: 'delivered' }),
    frame: async () => ({ frame: 1, batches: 0 }),
    unmount: async () => ({ status: 'ignored' }),
    connect: async () => undefined,
  };
  const worker: WasmWorldWorker = { api, terminate: () => undefined };
  return { worker, loads, calls };
}

function client(options: Partial<WasmWorldClientOptions> & { readonly urls?: boolean } = {}) {
  const fake = fakeWorker();
  const timer = new ManualTimer();
  const moduleBytes = vi.fn(async () => new Uint8Array([0, 0x61, 0x73, 0x6d]));
  const { urls = true, ...rest } = options;
  const wasm = new WasmWorldClient({
    startWorker: async () => fake.worker,
    manifest: async () => MANIFEST,
    ...(urls ? { moduleUrl: (file: string) => `http://tv.example/wasm/${file}` } : {}),
    moduleBytes,
    apiBase: '',
    fetch: () => Promise.reject(new Error('no backend in this test')),
    onMessage: () => undefined,
    moduleLoad: { deadlineMs: 4000, timer },
    ...rest,
  });
  return { wasm, timer, moduleBytes, ...fake };
}

/** Lets the client's awaits run (the fake answers in microtasks). */
const settle = () => new Promise<void>((done) => setTimeout(done, 0));

beforeEach(() => {
  vi.spyOn(console, 'info').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('WasmWorldClient: loading page modules', () => {
  it('hands the worker the URL and digest of the manifest entry, so it fetches and compiles the module itself', async () => {
    const { wasm, loads, moduleBytes } = client();
    const mounting = wasm.mount('k1', 'profiles', {}, true);
    await settle();
    expect(loads.map(({ page, source }) => [page, source])).toEqual([
      [
        'profiles',
        {
          kind: 'url',
          url: 'http://tv.example/wasm/profiles.bbbbbbbbbbbb.wasm',
          file: 'profiles.bbbbbbbbbbbb.wasm',
          sha256: HASH,
        },
      ],
    ]);
    loads[0]?.finish({ ok: true, page: 'profiles' });
    await mounting;
    expect(moduleBytes).not.toHaveBeenCalled();
  });

  it('reads the bytes itself when it has no moduleUrl (Node), with the digest for the worker to check', async () => {
    const { wasm, loads } = client({ urls: false });
    const mounting = wasm.mount('k1', 'profiles', {}, true);
    await settle();
    expect(loads[0]?.source).toEqual({
      kind: 'bytes',
      bytes: new Uint8Array([0, 0x61, 0x73, 0x6d]),
      file: 'profiles.bbbbbbbbbbbb.wasm',
      sha256: HASH,
    });
    loads[0]?.finish({ ok: true, page: 'profiles' });
    await mounting;
  });

  it('fails the mount when the module misses its deadline, and leaves the download going for the next visit', async () => {
    const { wasm, loads, timer, calls } = client();
    const first = wasm.mount('k1', 'profiles', {}, true);
    const outcome = first.then(
      () => 'mounted',
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    );
    await settle();
    timer.advance(3999);
    await settle();
    expect(calls).toEqual(['load profiles']); // still waiting, nothing mounted
    timer.advance(1);
    expect(await outcome).toBe(
      'the WASM module of page "profiles" (profiles.bbbbbbbbbbbb.wasm) did not load within 4000 ms: ' +
        'React serves this visit; the module keeps loading for the next one',
    );
    // The worker was not told to stop: its load finishes later, and is said to.
    loads[0]?.finish({ ok: true, page: 'profiles' });
    await settle();
    expect(console.info).toHaveBeenCalledWith(
      'the WASM module of page "profiles" arrived after its deadline; the next visit uses it',
    );

    // The next visit asks the worker again (which has the module by then) and mounts.
    const second = wasm.mount('k2', 'profiles', {}, true);
    await settle();
    loads[1]?.finish({ ok: true, page: 'profiles' });
    await second;
    expect(calls).toEqual(['load profiles', 'load profiles', 'mount k2 profiles']);
  });

  it('passes on the reason the worker refused a module, before the deadline', async () => {
    const { wasm, loads } = client();
    const mounting = wasm.mount('k1', 'profiles', {}, true);
    await settle();
    const message =
      'page "profiles": profiles.bbbbbbbbbbbb.wasm: the server answered 404 Not Found for http://…';
    loads[0]?.finish({ ok: false, error: { page: 'profiles', code: 'fetch-failed', message } });
    await expect(mounting).rejects.toThrow(message);
  });

  it('never loads an entry of an ABI version this world does not speak: refused before anything is fetched', async () => {
    const { wasm, calls, moduleBytes } = client({ urls: false });
    await expect(wasm.mount('k1', 'future', {}, true)).rejects.toThrow(
      'page "future" (future.bbbbbbbbbbbb.wasm) speaks page ABI version 4, but this world speaks 1, 2 and 3: not loaded; ' +
        'rebuild it against wasm-pages/ABI.md (npm run build:wasm)',
    );
    expect(moduleBytes).not.toHaveBeenCalled();
    expect(calls).toEqual([]);
  });

  it('puts the manifest under the same deadline', async () => {
    const { wasm, timer } = client({ manifest: () => new Promise<unknown>(() => undefined) });
    const mounting = wasm.mount('k1', 'profiles', {}, true);
    const failed = expect(mounting).rejects.toThrow(
      'the WASM module of page "profiles" did not load within 4000 ms: React serves this visit',
    );
    await settle();
    timer.advance(4000);
    await failed;
  });
});
