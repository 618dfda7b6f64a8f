import * as Comlink from 'comlink';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ABI_VERSION, CONTRACT_VERSION, PAGE_ID_SPAN, type SceneOp } from '../../../../bridge/index.ts';
import {
  type StartedWasmWorldWorker,
  startWasmWorldWorker,
} from '../../../../wasm-pages/runtime/start-worker-node.ts';
import type { MountResult } from '../../../../wasm-pages/runtime/wasm-world.ts';
import { FIXTURE_PAGES, type FixturePage, fixtureWasms } from './fixture-wasm.ts';
import { WorldRecorder } from './world-recorder.ts';

// The WASM world through the real worker: worker_threads + comlink's node adapter + tsx, real
// @wasmer/wasi, real compiled fixtures. One worker serves the whole file, as one worker serves
// the app: every test mounts under its own keys, and crashes must leave the worker serving.

let wasm: Record<FixturePage, Uint8Array>;
let started: StartedWasmWorldWorker;
const recorder = new WorldRecorder();

beforeAll(async () => {
  [wasm, started] = await Promise.all([fixtureWasms(FIXTURE_PAGES), startWasmWorldWorker()]);
  await started.api.connect(Comlink.proxy(recorder.listener));
}, 120_000);
afterAll(async () => {
  await started?.terminate();
});

/** Sends a copy (the original would be detached by the transfer) and expects the load to pass. */
async function load(page: FixturePage) {
  const bytes = wasm[page].slice();
  return started.api.load(page, Comlink.transfer(bytes, [bytes.buffer]));
}

function mounted(result: MountResult) {
  if (result.status !== 'mounted') throw new Error(`expected a mount, got ${JSON.stringify(result)}`);
  return result;
}

const select = (nodeId: number, focusKey: string) =>
  ({ type: 'select', world: 'wasm', nodeId, focusKey }) as const;
const focus = (nodeId: number, focusKey: string) =>
  ({ type: 'focus', world: 'wasm', nodeId, focusKey }) as const;

describe('the WASM world worker (worker_threads + comlink)', () => {
  it('says hello with its contract and ABI versions', () => {
    expect(started.hello).toEqual({ contractVersion: CONTRACT_VERSION, abiVersion: ABI_VERSION });
  });

  it('loads and mounts a page; its first scene.batch (container and page nodes) arrives before mount resolves', async () => {
    expect(await load('ok-page')).toEqual({ ok: true, page: 'ok-page' });
    recorder.clear();
    const ids = mounted(await started.api.mount('first', 'ok-page', {}));

    // No frame() call: the worker runs the page's first frame itself and sends its batch at once.
    const [message] = recorder.ofType('scene.batch');
    expect(message?.bytes).toBeInstanceOf(Uint8Array);
    const [batch] = recorder.batches();
    const root = ids.rootId;
    const expected: SceneOp[] = [
      { op: 'create', id: root, kind: 'view' },
      { op: 'setProp', id: root, name: 'width', value: 1920 },
      { op: 'setProp', id: root, name: 'height', value: 1080 },
      { op: 'append', parent: 0, child: root },
      { op: 'create', id: root + 1, kind: 'view' },
    ];
    expect(batch?.page).toBe('ok-page');
    expect(batch?.ops.slice(0, 5)).toEqual(expected);
    expect(batch?.ops.at(-1)).toEqual({ op: 'append', parent: root, child: root + 1 });
    expect(batch?.ops.filter((op) => op.op === 'create').map((op) => op.id)).toEqual([
      root,
      root + 1,
      root + 2,
    ]);
    await started.api.unmount('first');
  });

  it('turns focus into a restyle sent with the event (no frame to wait for) and select into a navigate request', async () => {
    await load('ok-page');
    const ids = mounted(await started.api.mount('nav', 'ok-page', {}));
    recorder.clear();
    expect(await started.api.event('nav', focus(ids.firstId, 'ok:button'))).toEqual({ status: 'delivered' });
    expect(recorder.batches().map((batch) => batch.ops)).toEqual([
      [{ op: 'setProp', id: ids.firstId, name: 'backgroundColor', value: '#ffcc00' }],
    ]);
    recorder.clear();
    expect(await started.api.event('nav', select(ids.firstId, 'ok:button'))).toEqual({ status: 'delivered' });
    expect(recorder.ofType('navigate')).toEqual([
      { type: 'navigate', route: 'details', params: { id: 't1' } },
    ]);
    await started.api.unmount('nav');
  });

  it("sends each call's changes as one batch of the page that made them, before the call resolves", async () => {
    await load('ok-page');
    const a = mounted(await started.api.mount('batch-a', 'ok-page', {}));
    const b = mounted(await started.api.mount('batch-b', 'ok-page', {}));
    recorder.clear();
    await started.api.event('batch-a', focus(a.firstId, 'ok:button'));
    await started.api.event('batch-a', {
      type: 'arrow',
      world: 'wasm',
      nodeId: a.firstId,
      focusKey: 'ok:button',
      direction: 'left',
    });
    await started.api.event('batch-b', focus(b.firstId, 'ok:button'));
    const sent = recorder.batches();
    expect(
      sent.map((batch) => [batch.ops.length, batch.ops[0]?.op === 'setProp' && batch.ops[0].id]),
    ).toEqual([
      [1, a.firstId],
      [1, a.firstId],
      [1, b.firstId],
    ]);
    expect(new Set(sent.map((batch) => batch.frame)).size).toBe(3);
    await started.api.unmount('batch-a');
    await started.api.unmount('batch-b');
  });

  it('reports a trap in an event as a crash and keeps serving: other pages, and the same page remounted', async () => {
    await load('ok-page');
    await load('trap-on-select');
    const ok = mounted(await started.api.mount('healthy', 'ok-page', {}));
    const trap = mounted(await started.api.mount('trap', 'trap-on-select', {}));
    recorder.clear();

    const result = await started.api.event('trap', select(trap.firstId, 'trap:box'));
    const crash = {
      type: 'crashed',
      page: 'trap-on-select',
      phase: 'event',
      message: 'trap: unreachable',
      stderr: '',
    };
    expect(result).toEqual({ status: 'crashed', crash });
    expect(recorder.ofType('crashed')).toEqual([crash]);

    expect(await started.api.event('healthy', select(ok.firstId, 'ok:button'))).toEqual({
      status: 'delivered',
    });
    expect(recorder.ofType('navigate')).toHaveLength(1);
    // The crashed page's container was removed at once (so its ids may serve the fresh instance).
    expect(
      recorder.batches().some((batch) => batch.ops.some((op) => op.op === 'remove' && op.id === trap.rootId)),
    ).toBe(true);
    const again = mounted(await started.api.mount('trap', 'trap-on-select', {}));
    expect(await started.api.event('trap', focus(again.firstId, 'trap:box'))).toEqual({
      status: 'delivered',
    });
    await started.api.unmount('healthy');
    await started.api.unmount('trap');
  });

  it('reports an abort in mount with the page stderr, then serves the next mount', async () => {
    await load('abort-on-mount');
    const result = await started.api.mount('abort', 'abort-on-mount', {});
    if (result.status !== 'crashed') throw new Error(`expected a crash, got ${result.status}`);
    expect(result.crash.phase).toBe('mount');
    expect(result.crash.message).toContain('the page exited with proc_exit(255)');
    expect(result.crash.stderr).toContain('the page gave up');
    expect(recorder.ofType('crashed').at(-1)).toEqual(result.crash);

    await load('ok-page');
    mounted(await started.api.mount('after-abort', 'ok-page', {}));
    await started.api.unmount('after-abort');
  });

  it('refuses a page without ficus_frame, a page of ABI 99 and bytes that are not wasm, with typed errors', async () => {
    expect(await load('missing-export')).toEqual({
      ok: false,
      error: {
        page: 'missing-export',
        code: 'missing-export',
        message:
          'page "missing-export" is missing export ficus_frame (a function): see wasm-pages/ABI.md section 2',
      },
    });
    expect(await load('wrong-abi')).toEqual({ ok: true, page: 'wrong-abi' });
    const refused = await started.api.mount('wrong', 'wrong-abi', {});
    expect(refused).toMatchObject({
      status: 'refused',
      error: { page: 'wrong-abi', code: 'wrong-abi-version' },
    });
    if (refused.status === 'refused')
      expect(refused.error.message).toMatch(/version 99, but this world speaks versions 1, 2 and 3/);
    const notWasm = await started.api.load('profiles', new Uint8Array([1, 2, 3, 4, 5]));
    expect(notWasm).toMatchObject({ ok: false, error: { page: 'profiles', code: 'compile-failed' } });
  });

  it('crashes pages that touch foreign node ids or send unknown messages, naming the problem', async () => {
    await load('bad-ids');
    await load('bad-message');
    const badIds = await started.api.mount('bad-ids', 'bad-ids', {});
    if (badIds.status !== 'crashed') throw new Error(`expected a crash, got ${badIds.status}`);
    expect(badIds.crash.message).toContain('op 1, create(node 7, view): node 7 is not the page');
    const badMessage = await started.api.mount('bad-message', 'bad-message', {});
    if (badMessage.status !== 'crashed') throw new Error(`expected a crash, got ${badMessage.status}`);
    expect(badMessage.crash.message).toContain('at .type: expected one of navigate');
    expect(badMessage.crash.message).toContain('"teleport"');
  });

  it('rejects a malformed host call with a readable error and stays up', async () => {
    await expect(started.api.mount('nope', 'never-loaded', {})).rejects.toThrow(
      /page "never-loaded" is not loaded/,
    );
    expect(await started.api.hello()).toEqual({ contractVersion: CONTRACT_VERSION, abiVersion: ABI_VERSION });
    expect(PAGE_ID_SPAN).toBeGreaterThan(0);
  });
});
