import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WasmWorldHungError } from '../../../../host/boot/wasm-watchdog.ts';
import {
  type WasmPageReport,
  WasmWorldClient,
  type WasmWorldRemote,
  type WasmWorldWorker,
} from '../../../../host/boot/wasm-world-client.ts';
import type { WasmWorldListener } from '../../../../wasm-pages/runtime/worker-api.ts';
import type { ProgressPort } from '../../../../wasm-pages/runtime/worker-progress.ts';
import type { WasmWorldMessage } from '../../../../wasm-pages/runtime/world-messages.ts';
import { FakeClock, flushPorts } from '../../../support/fake-clock.ts';

// The client's side of the watchdog, on in-process fake workers: a worker "hangs" like a real one
// stuck in a page's loop once a page gets a select event: it reports "busy: event" on its progress
// port, then no call gets an answer any more.

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
  let progress: ProgressPort | undefined;
  let seq = 0;
  const calls: string[] = [];
  const answer = <T>(call: string, value: T): Promise<T> => {
    calls.push(call);
    if (hung) return new Promise<T>(() => undefined);
    seq++;
    progress?.postMessage({ seq, busy: call.split(' ')[0] ?? call });
    progress?.postMessage({ seq, busy: null });
    return Promise.resolve(value);
  };
  const api: WasmWorldRemote = {
    hello: () => answer('hello', { contractVersion: 1, abiVersion: 1 }),
    load: (page) => answer(`load ${page}`, { ok: true, page }),
    mount: (key, page) => answer(`mount ${key} ${page}`, { status: 'mounted', rootId: 1, firstId: 2 }),
    setVisible: (key) => answer(`setVisible ${key}`, { status: 'delivered' }),
    event: (key, event) => {
      if (event.type === 'select' && !hung) {
        progress?.postMessage({ seq: ++seq, busy: 'event' });
        hung = true; // the page loops forever
      }
      return answer(`event ${key} ${event.type}`, { status: 'delivered' });
    },
    events: (key, events) =>
      answer(`events ${key} ${events.map((event) => event.type).join(',')}`, { status: 'delivered' }),
    frame: () => answer('frame', { frame: 1, batches: 0 }),
    unmount: (key) => answer(`unmount ${key}`, { status: 'ignored' }),
    connect: async (next, port) => {
      listener = next;
      progress = port;
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

function clientWithFakeWorkers(options: { readonly moduleBytes?: () => Promise<Uint8Array> } = {}) {
  const clock = new FakeClock();
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
    moduleBytes: options.moduleBytes ?? (async () => new Uint8Array([0])),
    apiBase: '',
    fetch: () => Promise.reject(new Error('no backend in this test')),
    onMessage: (message) => reports.push(message),
    onRestart,
    watchdog: { deadlineMs: 2000, timer: clock },
  });
  return { client, workers, reports, onRestart, clock };
}

const REASON = 'the WASM world ran "event" for more than 2000 ms without finishing; restarted';

/** Lets the worker's progress reports arrive, then moves the watchdog's clock on. */
async function pass(clock: FakeClock, ms: number): Promise<void> {
  await flushPorts();
  await clock.advance(ms);
  await flushPorts();
}

beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('WasmWorldClient with a hung worker', () => {
  it('reports its pages crashed, terminates it, starts a fresh one and reloads modules on demand', async () => {
    const { client, workers, reports, onRestart, clock } = clientWithFakeWorkers();
    await client.start();
    await client.mount('k1', 'profiles', {}, false);
    await client.mount('k2', 'collections', {}, true);
    expect(workers).toHaveLength(1);

    const select = client.event('k1', SELECT);
    const unmount = client.unmount('k2'); // queued behind the looping event
    await pass(clock, 1999);
    expect(client.running).toBe('event');
    expect(reports).toEqual([]);
    expect(workers[0]?.terminated).toBe(false);

    await pass(clock, 1);
    expect(reports).toEqual([
      { type: 'crashed', page: 'profiles', phase: 'event', message: REASON, stderr: '' },
    ]);
    expect(workers[0]?.terminated).toBe(true);
    expect(onRestart).toHaveBeenCalledTimes(1);
    // The lost calls settle quietly: the event and the unmount are dropped.
    await expect(select).resolves.toBeUndefined();
    await expect(unmount).resolves.toBeUndefined();
    expect(client.isMounted('k1')).toBe(false);
    expect(client.keysOf('profiles')).toEqual([]);

    // A fresh worker, connected: it is the one that receives from now on; the old one is ignored.
    await pass(clock, 0);
    expect(workers).toHaveLength(2);
    workers[0]?.send({ type: 'back' });
    workers[1]?.send({ type: 'back' });
    expect(reports.slice(1)).toEqual([{ type: 'back' }]);

    // Modules load again on the new worker when a page needs them.
    await client.mount('k3', 'profiles', {}, false);
    expect(workers[1]?.calls).toEqual(['load profiles', 'mount k3 profiles']);
    expect(client.keysOf('profiles')).toEqual(['k3']);
  });

  it('does not restart a worker that is slow but finishes, however late its answer is read', async () => {
    const { client, workers, reports, clock } = clientWithFakeWorkers();
    await client.mount('k1', 'profiles', {}, false);
    await client.event('k1', { type: 'focus', world: 'wasm', nodeId: 1, focusKey: 'x' });
    clock.stall(30_000); // this thread was busy for 30 s
    await pass(clock, 10_000);
    expect(reports).toEqual([]);
    expect(workers).toHaveLength(1);
    expect(workers[0]?.terminated).toBe(false);
  });

  it('reports a page still mounting, whose mount then fails', async () => {
    const { client, workers, reports, clock } = clientWithFakeWorkers();
    await client.mount('k1', 'profiles', {}, false);
    void client.event('k1', SELECT); // the worker hangs
    const mounting = client.mount('k2', 'collections', {}, true);
    const failure = mounting.catch((error: unknown) => error);
    await pass(clock, 2000);
    expect(reports.map((report) => report.type === 'crashed' && report.page)).toEqual([
      'profiles',
      'collections',
    ]);
    expect(await failure).toBeInstanceOf(WasmWorldHungError);
    expect(workers[0]?.terminated).toBe(true);
  });

  it('makes no call of its own while nothing happens, and stops the worker for good on stop', async () => {
    const { client, workers, clock } = clientWithFakeWorkers();
    await client.start();
    await client.mount('k1', 'profiles', {}, false);
    const calls = workers[0]?.calls.length;
    await pass(clock, 60_000);
    expect(workers[0]?.calls.length).toBe(calls); // no per-frame round trip
    await client.stop();
    expect(workers[0]?.terminated).toBe(true);
    expect(workers).toHaveLength(1);
    await expect(client.start()).rejects.toThrow('stopped');
  });

  it('drops a mount whose page was unmounted while its module loaded, so the next mount of that key is the only one', async () => {
    let release: () => void = () => undefined;
    const download = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { client, workers } = clientWithFakeWorkers({
      moduleBytes: async () => {
        await download;
        return new Uint8Array([0]);
      },
    });
    await client.start();
    const first = client.mount('e1', 'profiles', {}, true); // superseded while the module downloads
    await client.unmount('e1');
    const second = client.mount('e1', 'profiles', {}, true);
    release();
    await expect(first).resolves.toBeUndefined();
    await expect(second).resolves.toBeUndefined();
    expect(workers[0]?.calls.filter((call) => call.startsWith('mount'))).toEqual(['mount e1 profiles']);
    expect(client.isMounted('e1')).toBe(true);
  });
});

describe('WasmWorldClient events', () => {
  const BLUR = { type: 'blur', world: 'wasm', nodeId: 1, focusKey: 'a' } as const;
  const FOCUS = { type: 'focus', world: 'wasm', nodeId: 2, focusKey: 'b' } as const;
  // Not a select: this fake worker hangs on one.
  const ARROW = { type: 'arrow', world: 'wasm', direction: 'down', nodeId: 2, focusKey: 'b' } as const;

  it('sends the events of one task for one page as one call, in order (one batch per key press)', async () => {
    const { client, workers } = clientWithFakeWorkers();
    await client.mount('k1', 'profiles', {}, false);
    await client.mount('k2', 'collections', {}, true);
    const sent = [client.event('k1', BLUR), client.event('k1', FOCUS), client.event('k2', ARROW)];
    await Promise.all(sent);
    expect(workers[0]?.calls.slice(-2)).toEqual(['events k1 blur,focus', 'event k2 arrow']);
  });

  it('sends queued events before a later call of the same task, so the worker sees calls in order', async () => {
    const { client, workers } = clientWithFakeWorkers();
    await client.mount('k1', 'profiles', {}, false);
    const event = client.event('k1', ARROW);
    const unmount = client.unmount('k1');
    await Promise.all([event, unmount]);
    expect(workers[0]?.calls.slice(-2)).toEqual(['event k1 arrow', 'unmount k1']);
  });
});
