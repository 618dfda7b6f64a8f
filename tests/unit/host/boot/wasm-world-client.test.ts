import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WasmWorldHungError } from '../../../../host/boot/wasm-watchdog.ts';
import {
  type WasmPageReport,
  WasmWorldClient,
  type WasmWorldRemote,
  type WasmWorldWorker,
} from '../../../../host/boot/wasm-world-client.ts';
import type { WasmWorldListener } from '../../../../wasm-pages/runtime/worker-api.ts';
import type { WasmWorldMessage } from '../../../../wasm-pages/runtime/world-messages.ts';

// The client's side of the watchdog, on in-process fake workers: a worker "hangs" like a real one
// stuck in a page's loop (no call gets an answer any more) once a page gets a select event.

const HASH = 'a'.repeat(64);
const MANIFEST = {
  abiVersion: 1,
  modules: Object.fromEntries(
    ['profiles', 'collections'].map((page) => [
      page,
      {
        kind: 'page',
        file: `${page}.aaaaaaaaaaaa.wasm`,
        size: 1,
        sha256: HASH,
        abiVersion: 1,
        inputHash: HASH,
      },
    ]),
  ),
};
const SELECT = { type: 'select', world: 'wasm', nodeId: 1, focusKey: 'x' } as const;

interface FakeWorker extends WasmWorldWorker {
  /** Every call this worker got, e.g. "load profiles", "mount k1 profiles". */
  readonly calls: string[];
  terminated: boolean;
  /** Sends a message as the world would. */
  send(message: WasmWorldMessage): void;
}

function fakeWorker(): FakeWorker {
  let hung = false;
  let listener: WasmWorldListener | undefined;
  const calls: string[] = [];
  const answer = <T>(call: string, value: T): Promise<T> => {
    calls.push(call);
    return hung ? new Promise<T>(() => undefined) : Promise.resolve(value);
  };
  const api: WasmWorldRemote = {
    hello: () => answer('hello', { contractVersion: 1, abiVersion: 1 }),
    load: (page) => answer(`load ${page}`, { ok: true, page }),
    mount: (key, page) => answer(`mount ${key} ${page}`, { status: 'mounted', rootId: 1, firstId: 2 }),
    setVisible: (key) => answer(`setVisible ${key}`, { status: 'delivered' }),
    event: (key, event) => {
      if (event.type === 'select') hung = true; // the page loops forever
      return answer(`event ${key} ${event.type}`, { status: 'delivered' });
    },
    frame: () => answer('frame', { frame: 1, batches: 0 }),
    unmount: (key) => answer(`unmount ${key}`, { status: 'ignored' }),
    connect: async (next) => {
      listener = next;
    },
  };
  const worker: FakeWorker = {
    api,
    calls,
    terminated: false,
    terminate: () => {
      worker.terminated = true;
    },
    send: (message) => void listener?.(message),
  };
  return worker;
}

function clientWithFakeWorkers() {
  const workers: FakeWorker[] = [];
  const reports: WasmPageReport[] = [];
  const onRestart = vi.fn();
  const client = new WasmWorldClient({
    startWorker: async () => {
      const worker = fakeWorker();
      workers.push(worker);
      return worker;
    },
    manifest: async () => MANIFEST,
    moduleBytes: async () => new Uint8Array([0]),
    apiBase: '',
    fetch: () => Promise.reject(new Error('no backend in this test')),
    onMessage: (message) => reports.push(message),
    onRestart,
    watchdog: { deadlineMs: 2000 },
  });
  return { client, workers, reports, onRestart };
}

const REASON = 'the WASM world stopped answering (no reply in 2000 ms); restarted';

beforeEach(() => {
  vi.useFakeTimers();
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('WasmWorldClient with a hung worker', () => {
  it('reports its pages crashed, terminates it, starts a fresh one and reloads modules on demand', async () => {
    const { client, workers, reports, onRestart } = clientWithFakeWorkers();
    await client.start();
    await client.mount('k1', 'profiles', {}, false);
    await client.mount('k2', 'collections', {}, true);
    await client.frame(16);
    expect(workers).toHaveLength(1);

    const select = client.event('k1', SELECT);
    const frame = client.frame(32);
    await vi.advanceTimersByTimeAsync(1999);
    expect(reports).toEqual([]);
    expect(workers[0]?.terminated).toBe(false);

    await vi.advanceTimersByTimeAsync(1);
    expect(reports).toEqual([
      { type: 'crashed', page: 'profiles', phase: 'frame', message: REASON, stderr: '' },
      { type: 'crashed', page: 'collections', phase: 'frame', message: REASON, stderr: '' },
    ]);
    expect(workers[0]?.terminated).toBe(true);
    expect(onRestart).toHaveBeenCalledTimes(1);
    // The lost calls settle quietly: the event is dropped, the frame skipped.
    await expect(select).resolves.toBeUndefined();
    await expect(frame).resolves.toBeUndefined();
    expect(client.isMounted('k1')).toBe(false);
    expect(client.keysOf('profiles')).toEqual([]);

    // A fresh worker, connected: it is the one that receives from now on; the old one is ignored.
    await vi.advanceTimersByTimeAsync(0);
    expect(workers).toHaveLength(2);
    workers[0]?.send({ type: 'back' });
    workers[1]?.send({ type: 'back' });
    expect(reports.slice(2)).toEqual([{ type: 'back' }]);

    // Modules load again on the new worker when a page needs them.
    await client.mount('k3', 'profiles', {}, false);
    await client.frame(48);
    expect(workers[1]?.calls).toEqual(['load profiles', 'mount k3 profiles', 'frame']);
    expect(client.keysOf('profiles')).toEqual(['k3']);
  });

  it('reports a page still mounting, whose mount then fails', async () => {
    const { client, workers, reports } = clientWithFakeWorkers();
    await client.mount('k1', 'profiles', {}, false);
    void client.event('k1', SELECT); // the worker hangs
    const mounting = client.mount('k2', 'collections', {}, true);
    const failure = mounting.catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(2000);
    expect(reports.map((report) => report.type === 'crashed' && report.page)).toEqual([
      'profiles',
      'collections',
    ]);
    expect(await failure).toBeInstanceOf(WasmWorldHungError);
    expect(workers[0]?.terminated).toBe(true);
  });

  it('skips frames while the fresh worker starts, and stops it for good on stop', async () => {
    const { client, workers } = clientWithFakeWorkers();
    await client.frame(1); // not started yet: nothing to run
    expect(workers).toHaveLength(0);
    await client.start();
    await client.frame(2);
    expect(workers[0]?.calls).toEqual(['frame']);
    await client.stop();
    expect(workers[0]?.terminated).toBe(true);
    await client.frame(3);
    expect(workers).toHaveLength(1);
    await expect(client.start()).rejects.toThrow('stopped');
  });
});
