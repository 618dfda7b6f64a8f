import { afterEach, beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import type {
  EventResult,
  MountResult,
  PageLoadOutcome,
  UnmountResult,
  WasmWorldHello,
} from '../../../../bridge/index.ts';
import { encodeSceneBatch } from '../../../../bridge/index.ts';
import { WasmWorldAnswerRefused } from '../../../../host/boot/wasm-world-client.ts';
import type * as Runtime from '../../../../wasm-pages/runtime/index.ts';
import { nested } from '../../../fuzz/contract-shapes.ts';
import { scriptedWasmWorld, settle } from '../../../fuzz/scripted-wasm-world.ts';
import { waitUntil } from '../../../support/wait-until.ts';

// The client's trust boundary, case by case: the malformed messages of issue 10 (each once, with
// the exact error and report), well-formed ones passed on, and malformed call answers failing
// their call. tests/fuzz/ runs the same boundary with thousands of generated inputs.

const LOG = {
  type: 'log',
  page: 'profiles',
  key: 'k1',
  level: 'info',
  message: 'hi',
  source: 'page',
} as const;
const CRASHED = { type: 'crashed', page: 'profiles', phase: 'event', message: 'boom', stderr: '' } as const;
const BATCH = { type: 'scene.batch', page: 'profiles', frame: 3 } as const;
const REQUEST = { type: 'data.request', page: 'profiles', key: 'k1', requestId: 7 } as const;

let errors: string[];
beforeEach(() => {
  errors = [];
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    errors.push(args.map(String).join(' '));
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});

async function mountedWorld() {
  const world = scriptedWasmWorld();
  await world.client.mount('k1', 'profiles', {}, false);
  world.worker.calls.length = 0;
  return world;
}

describe('WasmWorldClient: messages from the worker', () => {
  it.each([
    ['null', null, '', null],
    ['undefined', undefined, '', null],
    ['a string', 'back', '', null],
    ['an unknown type', { type: 'teleport' }, '.type', null],
    ['a wrong type of field', { type: 'navigate', route: 7, params: {} }, '.route', null],
    [
      'NaN',
      { type: 'metric', page: 'profiles', key: 'k1', name: 'fps', value: Number.NaN },
      '.value',
      'profiles',
    ],
    [
      'deep params',
      { type: 'navigate', route: 'details', params: { id: nested(10_000) } },
      '.params.id',
      null,
    ],
    [
      'huge params',
      {
        type: 'replace',
        route: 'details',
        params: Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [i, 'v'])),
      },
      '.params',
      null,
    ],
    ['log without a message', { ...LOG, message: undefined }, '.message', 'profiles'],
    ['log with a number message', { ...LOG, message: 3 }, '.message', 'profiles'],
    ['crashed without a string message', { ...CRASHED, message: null }, '.message', 'profiles'],
    ['scene.batch bytes null', { ...BATCH, bytes: null }, '.bytes', 'profiles'],
    ['scene.batch bytes a string', { ...BATCH, bytes: 'FCSB' }, '.bytes', 'profiles'],
    ['a non-string data.request path', { ...REQUEST, path: ['/api/profiles'] }, '.path', 'profiles'],
    ['a field the contract does not have', { type: 'back', world: 'legacy' }, '.world', null],
    ['a page name that is not a route', { ...LOG, page: 'Profiles!' }, '.page', 'Profiles!'],
  ])(
    'drops %s, names world, page and field, reports it, and changes nothing',
    async (_, message, path, page) => {
      const world = await mountedWorld();
      expect(world.worker.send(message)).toBeUndefined();
      await settle();
      expect(world.rejections).toEqual([
        expect.objectContaining({ world: 'wasm', input: 'message', page, path, reason: expect.any(String) }),
      ]);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/^the WASM world sent a malformed ".*" message/);
      expect(errors[0]).toContain(`, dropped: at ${path === '' ? '(root)' : path}: `);
      if (page !== null) expect(errors[0]).toContain(`for page "${page}"`);
      expect(world.reports).toEqual([]);
      expect(world.client.takeBatches()).toEqual([]);
      expect(world.batchesSignalled).toBe(0);
      expect(world.fetched).toEqual([]);
      expect(world.worker.calls).toEqual([]);
      expect(world.client.isMounted('k1')).toBe(true);
    },
  );

  it('says exactly what was wrong, and where', async () => {
    const world = await mountedWorld();
    world.worker.send({ ...LOG, message: 3 });
    expect(errors).toEqual([
      'the WASM world sent a malformed "log" message for page "profiles", dropped: at .message: expected a string, got 3',
    ]);
    expect(world.rejections).toEqual([
      {
        world: 'wasm',
        input: 'message',
        name: 'log',
        page: 'profiles',
        path: '.message',
        reason: 'expected a string, got 3',
      },
    ]);
  });

  it('drops a batch whose bytes do not decode, naming .bytes and the decoder error', async () => {
    const world = await mountedWorld();
    world.worker.send({ ...BATCH, bytes: new Uint8Array(32).fill(1) });
    expect(world.rejections).toEqual([
      expect.objectContaining({ name: 'scene.batch', page: 'profiles', path: '.bytes' }),
    ]);
    expect(world.rejections[0]?.reason).toMatch(/^does not decode \(bad-magic at byte 0\)/);
    expect(world.client.takeBatches()).toEqual([]);
  });

  it('clips what it repeats of a hostile page name and type', async () => {
    const world = await mountedWorld();
    world.worker.send({ type: 'x'.repeat(10_000), page: 'p'.repeat(10_000) });
    const [rejection] = world.rejections;
    expect(rejection?.name).toBe(`${'x'.repeat(63)}…`);
    expect(rejection?.page).toBe(`${'p'.repeat(63)}…`);
    expect(errors[0]?.length).toBeLessThan(400);
  });

  it('passes well-formed messages on as they are, batches decoded', async () => {
    const world = await mountedWorld();
    const ops = [{ op: 'create', id: 5, kind: 'view' }] as const;
    world.worker.send(LOG);
    world.worker.send({ type: 'back' });
    world.worker.send(CRASHED);
    world.worker.send({ ...BATCH, bytes: encodeSceneBatch(ops) });
    expect(world.reports).toEqual([LOG, { type: 'back' }, CRASHED]);
    expect(world.client.takeBatches()).toEqual([ops]);
    expect(world.batchesSignalled).toBe(1);
    expect(world.rejections).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('fetches nothing for a data request of a page that is not mounted, and answers one that is', async () => {
    const world = await mountedWorld();
    world.worker.send({ ...REQUEST, key: 'gone', path: '/api/profiles' });
    await settle();
    expect(world.fetched).toEqual([]);
    expect(world.rejections).toEqual([]);

    world.worker.send({ ...REQUEST, path: '/api/profiles' });
    await waitUntil(() => world.worker.calls.length > 0, 'the answer to the data request');
    expect(world.worker.calls).toEqual(['event k1 data']);
    expect(world.fetched).toEqual(['http://backend.test/api/profiles']);
  });
});

describe('WasmWorldClient: answers of calls into the worker', () => {
  it('fails a mount whose answer is malformed: rejects, names the call, page and field, leaves it unmounted', async () => {
    const world = await mountedWorld();
    world.worker.next.mount = { status: 'mounted', rootId: -1, firstId: 2 };
    const failure = await world.client.mount('k2', 'collections', {}, true).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(WasmWorldAnswerRefused);
    expect((failure as Error).message).toBe(
      `the WASM world's answer to "mount" for page "collections" is malformed, the call failed: at .rootId: expected an integer of at least 0, got -1`,
    );
    expect(world.client.isMounted('k2')).toBe(false);
    expect(world.rejections).toEqual([
      {
        world: 'wasm',
        input: 'result',
        name: 'mount',
        page: 'collections',
        path: '.rootId',
        reason: 'expected an integer of at least 0, got -1',
      },
    ]);
    expect(errors).toEqual([(failure as Error).message]);
  });

  it('fails a load whose answer is malformed, and asks again on the next load', async () => {
    const world = await mountedWorld();
    world.worker.next.load = { ok: 'yes', page: 'collections' };
    await expect(world.client.load('collections')).rejects.toThrow(
      `the WASM world's answer to "load" for page "collections" is malformed, the call failed: at .ok: expected true or false, got "yes"`,
    );
    await world.client.load('collections');
    expect(world.worker.calls).toEqual(['load collections', 'load collections']);
  });

  it('settles an event whose answer is malformed, logging it once', async () => {
    const world = await mountedWorld();
    world.worker.next.event = undefined;
    await expect(
      world.client.event('k1', { type: 'focus', world: 'wasm', nodeId: 1, focusKey: 'a' }),
    ).resolves.toBeUndefined();
    expect(errors).toEqual([
      `the WASM world's answer to "event" for page "profiles" is malformed, the call failed: at (root): expected an object whose status is one of "delivered", "ignored", "crashed", got undefined`,
    ]);
    expect(world.client.isMounted('k1')).toBe(true);
  });
});

describe('WasmWorldClient: the manifest', () => {
  it('finds only its own entries: a route named like an Object.prototype member is no page', async () => {
    const world = scriptedWasmWorld();
    await expect(world.client.load('constructor')).rejects.toThrow(
      'the WASM build has no page "constructor"',
    );
    await expect(world.client.load('tostring')).rejects.toThrow('the WASM build has no page "tostring"');
    expect(world.worker.calls).toEqual([]);
  });

  it('refuses a malformed manifest naming the field, and reports it', async () => {
    const world = scriptedWasmWorld({
      manifest: () => ({ abiVersion: 1, modules: { profiles: { kind: 'page' } } }),
    });
    await expect(world.client.load('profiles')).rejects.toThrow(
      'the WASM manifest is malformed: .modules.profiles.file: missing required field',
    );
    expect(world.rejections).toEqual([
      expect.objectContaining({ input: 'manifest', page: 'profiles', path: '.modules.profiles.file' }),
    ]);
    expect(world.worker.calls).toEqual([]);
  });
});

describe('the bridge contracts fit what the worker answers', () => {
  it('every answer type of the runtime is one the bridge schema accepts (checked by tsc)', () => {
    expectTypeOf<Runtime.MountResult>().toExtend<MountResult>();
    expectTypeOf<Runtime.EventResult>().toExtend<EventResult>();
    expectTypeOf<Runtime.UnmountResult>().toExtend<UnmountResult>();
    expectTypeOf<Runtime.PageLoadOutcome>().toExtend<PageLoadOutcome>();
    expectTypeOf<Runtime.WasmWorldHello>().toExtend<WasmWorldHello>();
  });
});
