import * as Comlink from 'comlink';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BusCrossing, tapWasmWorldRemote, watchWorkerBus } from '../../../../host/devtools/bus-tap.ts';
import {
  type StartedWasmWorldWorker,
  startWasmWorldWorker,
} from '../../../../wasm-pages/runtime/start-worker-node.ts';
import { fixtureWasm } from '../../wasm-pages/runtime/fixture-wasm.ts';

// The tap on a real WASM world worker (worker_threads + comlink, real @wasmer/wasi, a real page):
// what it sees, and that the world works through it exactly as without it.

let started: StartedWasmWorldWorker;
beforeAll(async () => {
  started = await startWasmWorldWorker();
}, 120_000);
afterAll(async () => {
  await started?.terminate();
});

describe('the worker bus tap', () => {
  it('sees calls, their replies and the messages the world sends, and passes all of them on unchanged', async () => {
    const api = tapWasmWorldRemote(started.api);
    const crossings: BusCrossing[] = [];
    const stop = watchWorkerBus((crossing) => crossings.push(crossing));
    const received: unknown[] = [];
    await api.connect(Comlink.proxy((message) => void received.push(message)));

    const bytes = (await fixtureWasm('ok-page')).slice();
    expect(await api.load('ok-page', Comlink.transfer(bytes, [bytes.buffer]))).toEqual({
      ok: true,
      page: 'ok-page',
    });
    // Moved, not copied: what Comlink.transfer marked still travels as a transfer through the tap.
    expect(bytes.byteLength).toBe(0);
    const mounted = await api.mount('tap-1', 'ok-page', {});
    expect(mounted).toMatchObject({ status: 'mounted' });

    const calls = crossings.filter((c) => c.kind === 'call').map((c) => [c.direction, c.name]);
    expect(calls).toEqual([
      ['to-worker', 'connect'],
      ['to-worker', 'load'],
      ['to-worker', 'mount'],
    ]);
    const replies = crossings.filter((c) => c.kind === 'reply');
    expect(replies.map((c) => [c.direction, c.name])).toEqual([
      ['from-worker', 'connect'],
      ['from-worker', 'load'],
      ['from-worker', 'mount'],
    ]);
    expect(replies.at(-1)?.payload).toBe(mounted);
    // The world's messages reach the app's listener as the very objects the tap saw.
    const messages = crossings.filter((c) => c.kind === 'message');
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.every((c) => c.direction === 'from-worker')).toBe(true);
    expect(messages.map((c) => c.payload)).toEqual(received);
    for (const [i, c] of messages.entries()) expect(c.payload).toBe(received[i]);
    expect(received.some((m) => (m as { type?: unknown }).type === 'scene.batch')).toBe(true);

    stop();
    const seen = crossings.length;
    await api.unmount('tap-1');
    expect(crossings.length).toBe(seen);
  });

  it('passes a rejected call on as the same rejection', async () => {
    const failing = tapWasmWorldRemote({
      ...started.api,
      unmount: () => Promise.reject(new Error('the worker is gone')),
    });
    const stop = watchWorkerBus(() => undefined);
    await expect(failing.unmount('nobody')).rejects.toThrow('the worker is gone');
    stop();
  });
});
