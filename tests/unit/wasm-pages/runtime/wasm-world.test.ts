import { beforeAll, describe, expect, it } from 'vitest';
import { PAGE_ID_SPAN, type SceneOp } from '../../../../bridge/index.ts';
import { SceneStore } from '../../../../host/scene/scene-store.ts';
import { WasmWorld } from '../../../../wasm-pages/runtime/wasm-world.ts';
import { FIXTURE_PAGES, type FixturePage, fixtureWasms } from './fixture-wasm.ts';
import { pageModuleBytes } from './wasm-bytes.ts';
import { WorldRecorder } from './world-recorder.ts';

// The WASM world in-process (no worker), on real @wasmer/wasi and the compiled fixture pages.

let wasm: Record<FixturePage, Uint8Array>;
beforeAll(async () => {
  wasm = await fixtureWasms(FIXTURE_PAGES);
}, 120_000);

const ROOT = PAGE_ID_SPAN; // the first mount's container, as in ABI.md
const BUTTON = ROOT + 1;
const LABEL = ROOT + 2;

const container = (id: number): SceneOp[] => [
  { op: 'create', id, kind: 'view' },
  { op: 'setProp', id, name: 'width', value: 1920 },
  { op: 'setProp', id, name: 'height', value: 1080 },
  { op: 'append', parent: 0, child: id },
];
const okPageScene = (root: number): SceneOp[] => [
  { op: 'create', id: root + 1, kind: 'view' },
  { op: 'setProp', id: root + 1, name: 'x', value: 100 },
  { op: 'setProp', id: root + 1, name: 'y', value: 200 },
  { op: 'setProp', id: root + 1, name: 'width', value: 400 },
  { op: 'setProp', id: root + 1, name: 'height', value: 120 },
  { op: 'setProp', id: root + 1, name: 'backgroundColor', value: '#203040' },
  { op: 'setProp', id: root + 1, name: 'focusKey', value: 'ok:button' },
  { op: 'create', id: root + 2, kind: 'text' },
  { op: 'setProp', id: root + 2, name: 'text', value: 'OK' },
  { op: 'setProp', id: root + 2, name: 'color', value: '#ffffff' },
  { op: 'setProp', id: root + 2, name: 'fontSize', value: 32 },
  { op: 'append', parent: root + 1, child: root + 2 },
  { op: 'append', parent: root, child: root + 1 },
];

async function worldWith(...pages: FixturePage[]) {
  const recorder = new WorldRecorder();
  const world = new WasmWorld({ send: recorder.listener });
  for (const page of pages) expect(await world.load(page, wasm[page])).toEqual({ ok: true, page });
  return { world, recorder };
}

const select = (nodeId: number, focusKey = 'ok:button') =>
  ({ type: 'select', world: 'wasm', nodeId, focusKey }) as const;
const focus = (nodeId: number) => ({ type: 'focus', world: 'wasm', nodeId, focusKey: 'ok:button' }) as const;
const arrow = (nodeId: number, direction: 'left' | 'up') =>
  ({ type: 'arrow', world: 'wasm', nodeId, focusKey: 'ok:button', direction }) as const;

describe('WasmWorld: mounting a page', () => {
  it('gives the page the ABI ids, and the next frame one batch: the container then the page scene', async () => {
    const { world, recorder } = await worldWith('ok-page');
    expect(world.mount('entry-1', 'ok-page', { from: 'test' })).toEqual({
      status: 'mounted',
      rootId: 16_777_216,
      firstId: 16_777_217,
    });
    expect(recorder.ofType('scene.batch')).toEqual([]); // scene output waits for the frame

    expect(world.frame(16)).toEqual({ frame: 1, batches: 1 });
    expect(recorder.batches()).toEqual([
      { page: 'ok-page', frame: 1, ops: [...container(ROOT), ...okPageScene(ROOT)] },
    ]);
  });

  it('forwards what the page sent on mount: its log message, its data request, its stdout line', async () => {
    const { world, recorder } = await worldWith('ok-page');
    world.mount('entry-1', 'ok-page', {});
    expect(recorder.withoutLogs()).toEqual([
      { type: 'data.request', page: 'ok-page', key: 'entry-1', requestId: 1, path: '/api/profiles' },
    ]);
    expect(recorder.ofType('log')).toEqual([
      {
        type: 'log',
        page: 'ok-page',
        key: 'entry-1',
        level: 'info',
        message: 'mounted ok-page',
        source: 'page',
      },
      {
        type: 'log',
        page: 'ok-page',
        key: 'entry-1',
        level: 'info',
        message: 'ok-page: mounted as ok-page',
        source: 'stdout',
      },
    ]);
  });

  it('gives every mount its own id range and never reuses one', async () => {
    const { world } = await worldWith('ok-page');
    const first = world.mount('a', 'ok-page', {});
    const second = world.mount('b', 'ok-page', {});
    world.unmount('a');
    const third = world.mount('a', 'ok-page', {});
    const ranges = [first, second, third].map((result) => {
      if (result.status !== 'mounted') throw new Error(`expected a mount, got ${result.status}`);
      return [result.rootId, result.firstId + PAGE_ID_SPAN - 1] as const;
    });
    for (const [i, [low, high]] of ranges.entries()) {
      for (const [otherLow, otherHigh] of ranges.slice(i + 1))
        expect(high < otherLow || low > otherHigh).toBe(true);
    }
  });

  it("recycles an unmounted page's ids only after the frame that removed it, so scenes never clash", async () => {
    const { world, recorder } = await worldWith('ok-page');
    const store = new SceneStore();
    const applyBatches = () => {
      for (const { ops } of recorder.batches()) {
        const result = store.apply('wasm', ops);
        if (!result.ok) throw result.error;
      }
      recorder.clear();
    };
    const first = world.mount('a', 'ok-page', {});
    world.frame(16);
    applyBatches();
    world.unmount('a');
    const beforeFrame = world.mount('b', 'ok-page', {});
    world.frame(32);
    applyBatches();
    const afterFrame = world.mount('c', 'ok-page', {});
    world.frame(48);
    applyBatches();
    if (first.status !== 'mounted' || beforeFrame.status !== 'mounted' || afterFrame.status !== 'mounted') {
      throw new Error('expected three mounts');
    }
    expect(beforeFrame.rootId).not.toBe(first.rootId); // the removal was not sent yet
    expect(afterFrame.rootId).toBe(first.rootId); // now it was: the range is reused
    expect(store.root('wasm').children).toEqual([beforeFrame.rootId, afterFrame.rootId]);
  });

  it('refuses host mistakes loudly: a page not loaded, a key in use, bad params, a bad event', async () => {
    const { world } = await worldWith('ok-page');
    expect(() => world.mount('x', 'profiles', {})).toThrow(/page "profiles" is not loaded/);
    world.mount('x', 'ok-page', {});
    expect(() => world.mount('x', 'ok-page', {})).toThrow(/already mounted under key "x"/);
    expect(() => world.mount('y', 'ok-page', { n: 1 } as never)).toThrow(
      /params of "ok-page" are malformed at \.n/,
    );
    expect(() => world.event('x', { type: 'poke' } as never)).toThrow(/event for "x" is malformed at \.type/);
  });
});

describe('WasmWorld: events and frames', () => {
  it('turns select into a navigate request and arrow up into back, sent at once', async () => {
    const { world, recorder } = await worldWith('ok-page');
    world.mount('entry-1', 'ok-page', {});
    recorder.clear();
    expect(world.event('entry-1', select(BUTTON))).toEqual({ status: 'delivered' });
    expect(world.event('entry-1', arrow(BUTTON, 'up'))).toEqual({ status: 'delivered' });
    expect(recorder.withoutLogs()).toEqual([
      { type: 'navigate', route: 'details', params: { id: 't1' } },
      { type: 'back' },
    ]);
  });

  it('sends one batch per page per frame, merging what the page emitted from events and from the frame', async () => {
    const { world, recorder } = await worldWith('ok-page');
    world.mount('a', 'ok-page', {});
    world.mount('b', 'ok-page', {});
    world.frame(16);
    recorder.clear();

    world.event('a', focus(BUTTON)); // restyles on the next frame
    world.event('a', arrow(BUTTON, 'left')); // emits a batch at once, from the event
    world.event('b', focus(BUTTON + PAGE_ID_SPAN + 1));
    expect(world.frame(33)).toEqual({ frame: 2, batches: 2 });

    const secondRoot = ROOT + PAGE_ID_SPAN + 1;
    expect(recorder.batches()).toEqual([
      {
        page: 'ok-page',
        frame: 2,
        ops: [
          { op: 'setProp', id: BUTTON, name: 'x', value: 80 },
          { op: 'setProp', id: BUTTON, name: 'backgroundColor', value: '#ffcc00' },
        ],
      },
      {
        page: 'ok-page',
        frame: 2,
        ops: [{ op: 'setProp', id: secondRoot + 1, name: 'backgroundColor', value: '#ffcc00' }],
      },
    ]);
    expect(world.frame(50)).toEqual({ frame: 3, batches: 0 }); // nothing changed: nothing sent
  });

  it('delivers data results and history syncs to the page', async () => {
    const { world, recorder } = await worldWith('ok-page');
    world.mount('entry-1', 'ok-page', {});
    world.frame(16);
    recorder.clear();
    expect(
      world.event('entry-1', { type: 'data', requestId: 1, ok: true, status: 200, body: { profiles: [] } }),
    ).toEqual({
      status: 'delivered',
    });
    world.frame(33);
    expect(
      world.event('entry-1', { type: 'data', requestId: 2, ok: false, status: 0, error: 'offline' }),
    ).toEqual({
      status: 'delivered',
    });
    world.frame(50);
    expect(recorder.batches().map((batch) => batch.ops)).toEqual([
      [{ op: 'setProp', id: LABEL, name: 'text', value: 'loaded' }],
      [{ op: 'setProp', id: LABEL, name: 'text', value: 'failed' }],
    ]);
    const history = {
      type: 'history.sync',
      seq: 1,
      index: 0,
      entries: [{ key: 'entry-1', route: 'ok-page', params: {}, world: 'wasm', focusKey: null }],
    } as const;
    expect(world.event('entry-1', history)).toEqual({ status: 'delivered' });
  });

  it('unmounts: the page says goodbye, the next frame removes its container, later events are ignored', async () => {
    const { world, recorder } = await worldWith('ok-page');
    world.mount('entry-1', 'ok-page', {});
    world.frame(16);
    world.frame(33);
    recorder.clear();
    expect(world.unmount('entry-1')).toEqual({ status: 'unmounted' });
    expect(recorder.withoutLogs()).toEqual([
      { type: 'metric', page: 'ok-page', key: 'entry-1', name: 'ok-page.frames', value: 2 },
    ]);
    world.frame(50);
    expect(recorder.batches().map((batch) => batch.ops)).toEqual([[{ op: 'remove', id: ROOT }]]);
    expect(world.event('entry-1', select(BUTTON))).toEqual({ status: 'ignored' });
    expect(world.unmount('entry-1')).toEqual({ status: 'ignored' });
    expect(world.mountedKeys).toEqual([]);
  });
});

describe('WasmWorld: crashes', () => {
  it('reports a trap in an event as a crash of that page, and keeps serving the others', async () => {
    const { world, recorder } = await worldWith('ok-page', 'trap-on-select');
    world.mount('ok', 'ok-page', {});
    const trapIds = world.mount('trap', 'trap-on-select', {});
    if (trapIds.status !== 'mounted') throw new Error('trap-on-select should mount');
    world.frame(16);
    recorder.clear();

    const result = world.event('trap', select(trapIds.firstId, 'trap:box'));
    const crash = {
      type: 'crashed',
      page: 'trap-on-select',
      phase: 'event',
      message: 'trap: unreachable',
      stderr: '',
    };
    expect(result).toEqual({ status: 'crashed', crash });
    expect(recorder.withoutLogs()).toEqual([crash]);
    expect(world.event('trap', select(trapIds.firstId, 'trap:box'))).toEqual({ status: 'ignored' });
    expect(world.mountedKeys).toEqual(['ok']);

    // The next frame removes the crashed page's container and still serves the healthy page.
    world.event('ok', focus(BUTTON));
    expect(world.frame(33)).toEqual({ frame: 2, batches: 2 });
    expect(recorder.batches()).toEqual([
      { page: 'trap-on-select', frame: 2, ops: [{ op: 'remove', id: trapIds.rootId }] },
      {
        page: 'ok-page',
        frame: 2,
        ops: [{ op: 'setProp', id: BUTTON, name: 'backgroundColor', value: '#ffcc00' }],
      },
    ]);
  });

  it('mounts a crashed page again on a fresh instance, in one batch with the old container removal', async () => {
    const { world, recorder } = await worldWith('trap-on-select');
    const first = world.mount('trap', 'trap-on-select', {});
    if (first.status !== 'mounted') throw new Error('trap-on-select should mount');
    world.frame(16);
    world.event('trap', select(first.firstId, 'trap:box'));
    recorder.clear();

    const again = world.mount('trap', 'trap-on-select', {});
    if (again.status !== 'mounted') throw new Error('trap-on-select should mount again');
    expect(again.rootId).not.toBe(first.rootId);
    expect(world.frame(33)).toEqual({ frame: 2, batches: 1 });
    const [batch] = recorder.batches();
    expect(batch?.ops.slice(0, 5)).toEqual([{ op: 'remove', id: first.rootId }, ...container(again.rootId)]);
    expect(
      world.event('trap', { type: 'focus', world: 'wasm', nodeId: again.firstId, focusKey: 'trap:box' }),
    ).toEqual({
      status: 'delivered',
    });
  });

  it('reports an abort in mount with the page stderr, and nothing of the page stays on screen', async () => {
    const { world, recorder } = await worldWith('abort-on-mount');
    const result = world.mount('entry-1', 'abort-on-mount', {});
    if (result.status !== 'crashed') throw new Error(`expected a crash, got ${result.status}`);
    expect(result.crash.phase).toBe('mount');
    // AssemblyScript's abort ends in proc_exit(255).
    expect(result.crash.message).toMatch(
      /^the page exited with proc_exit\(255\): abort: the page gave up: no data in /,
    );
    expect(result.crash.stderr).toContain('the page gave up: no data');
    expect(recorder.ofType('crashed')).toEqual([result.crash]);
    world.frame(16);
    expect(recorder.batches().map((batch) => batch.ops)).toEqual([
      [...container(ROOT), { op: 'remove', id: ROOT }],
    ]);
  });

  it('reports proc_exit with the code the page gave and the first line of its stderr', async () => {
    const { world, recorder } = await worldWith('exit-on-mount');
    const result = world.mount('entry-1', 'exit-on-mount', {});
    if (result.status !== 'crashed') throw new Error(`expected a crash, got ${result.status}`);
    expect(result.crash).toEqual({
      type: 'crashed',
      page: 'exit-on-mount',
      phase: 'mount',
      message: 'the page exited with proc_exit(7): exit-on-mount: leaving with code 7',
      stderr: 'exit-on-mount: leaving with code 7\n',
    });
    expect(recorder.ofType('crashed')).toEqual([result.crash]);
    // The key now has no page: events for it reach nothing and change nothing.
    expect(world.event('entry-1', focus(ROOT + 1))).toEqual({ status: 'ignored' });
  });

  it('crashes a page whose batch touches a node that is not its own, naming the op', async () => {
    const { world } = await worldWith('bad-ids');
    const result = world.mount('entry-1', 'bad-ids', {});
    expect(result).toEqual({
      status: 'crashed',
      crash: {
        type: 'crashed',
        page: 'bad-ids',
        phase: 'mount',
        message:
          `page "bad-ids" emitted a scene batch the world refuses: op 1, create(node 7, view): node 7 is not the ` +
          `page's: it may use 16777217 to ${16_777_216 + PAGE_ID_SPAN} and its root 16777216 as a parent`,
        stderr: '',
      },
    });
  });

  it('crashes a page that sends an unknown message, saying what was wrong', async () => {
    const { world } = await worldWith('bad-message');
    const result = world.mount('entry-1', 'bad-message', {});
    if (result.status !== 'crashed') throw new Error(`expected a crash, got ${result.status}`);
    expect(result.crash.message).toBe(
      'page "bad-message" emitted a message the world refuses, at .type: expected one of navigate, replace, back, ' +
        'data.request, log, metric, got "teleport": see wasm-pages/ABI.md section 7',
    );
  });
});

describe('WasmWorld: refusing modules', () => {
  it('refuses a page without an ABI export at load, naming the page and the export', async () => {
    const { world } = await worldWith();
    expect(await world.load('missing-export', wasm['missing-export'])).toEqual({
      ok: false,
      error: {
        page: 'missing-export',
        code: 'missing-export',
        message:
          'page "missing-export" is missing export ficus_frame (a function): see wasm-pages/ABI.md section 2',
      },
    });
    expect(() => world.mount('entry-1', 'missing-export', {})).toThrow(/is not loaded/);
  });

  it('refuses a page of another ABI version on its first instantiation, naming both versions, and remembers', async () => {
    const { world, recorder } = await worldWith('wrong-abi');
    const error = {
      page: 'wrong-abi',
      code: 'wrong-abi-version',
      message:
        'page "wrong-abi" speaks page ABI version 99, but this world speaks versions 1, 2 and 3: rebuild it ' +
        'against wasm-pages/ABI.md (ficus_abi_version must return 1, 2 or 3)',
    };
    expect(world.mount('entry-1', 'wrong-abi', {})).toEqual({ status: 'refused', error });
    expect(world.mount('entry-2', 'wrong-abi', {})).toEqual({ status: 'refused', error });
    expect(await world.load('wrong-abi', wasm['wrong-abi'])).toEqual({ ok: false, error });
    world.frame(16);
    expect(recorder.messages).toEqual([]); // a refused page never reached the scene
  });

  it('refuses bytes that are not WebAssembly', async () => {
    const { world } = await worldWith();
    const result = await world.load('profiles', new TextEncoder().encode('<html>not wasm</html>'));
    expect(result).toMatchObject({ ok: false, error: { page: 'profiles', code: 'compile-failed' } });
    if (result.ok) return;
    expect(result.error.message).toMatch(/^page "profiles" is not a valid WebAssembly module \(21 bytes\): /);
  });

  it('refuses an import outside WASI and ficus.emit', async () => {
    const { world } = await worldWith();
    const bytes = pageModuleBytes({ imports: [{ module: 'env', name: 'abort' }], abiVersion: 1 });
    expect(await world.load('sneaky', bytes)).toEqual({
      ok: false,
      error: {
        page: 'sneaky',
        code: 'bad-import',
        message:
          'page "sneaky" imports env.abort (a function), but a page may import only wasi_snapshot_preview1.* and ' +
          'ficus.emit functions: see wasm-pages/ABI.md section 3',
      },
    });
  });

  it('refuses a page that wasmer cannot instantiate (an unknown WASI import), saying why', async () => {
    const { world } = await worldWith();
    const bytes = pageModuleBytes({
      imports: [{ module: 'wasi_snapshot_preview1', name: 'teleport' }],
      abiVersion: 1,
    });
    expect(await world.load('odd', bytes)).toEqual({ ok: true, page: 'odd' });
    const result = world.mount('entry-1', 'odd', {});
    expect(result).toMatchObject({ status: 'refused', error: { page: 'odd', code: 'instantiate-failed' } });
    if (result.status !== 'refused') return;
    expect(result.error.message).toBe(
      'page "odd" could not be instantiated: link error: Import #0 module="wasi_snapshot_preview1" ' +
        'function="teleport" error: function import requires a callable',
    );
  });

  it('runs a page that imports no WASI at all, and checks what its ficus_alloc returns', async () => {
    const { world } = await worldWith();
    const bytes = pageModuleBytes({ imports: [{ module: 'ficus', name: 'emit' }], abiVersion: 1 });
    expect(await world.load('bare', bytes)).toEqual({ ok: true, page: 'bare' });
    const result = world.mount('entry-1', 'bare', {});
    if (result.status !== 'crashed') throw new Error(`expected a crash, got ${result.status}`);
    expect(result.crash.message).toMatch(
      /^page "bare": ficus_alloc\(\d+\) returned undefined, not \d+ writable bytes inside its memory \(65536 bytes\)/,
    );
  });
});
