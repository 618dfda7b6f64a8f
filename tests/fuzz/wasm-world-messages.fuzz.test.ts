import type { Arbitrary } from 'fast-check';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeSceneBatch, WasmWorldMessageSchema } from '../../bridge/index.ts';
import { BATCH_MAGIC } from '../../bridge/scene-codec/format.ts';
import { sceneBatchArb } from '../unit/bridge/scene-arbitraries.ts';
import {
  fitting,
  malformed,
  notAnObject,
  ROUTE,
  WASM_MESSAGE_TYPES,
  wasmMessageShapes,
} from './contract-shapes.ts';
import { scriptedWasmWorld, settle, watchUnhandledRejections } from './scripted-wasm-world.ts';

// Boundary 1 of issue 10: every message the WASM world's worker sends enters the host through
// the client's listener, and is checked there once. Sent here through a scripted worker into the
// real client: a malformed message is dropped with an error naming the world, the page and the
// field, reported once through onRejected, and changes nothing.

const RUNS = 10_000;
const SEED = 0x0f1c05;

/** Bytes that are not a scene batch: a wrong start (never the magic), or a real batch cut short. */
const undecodable: Arbitrary<Uint8Array> = fc.oneof(
  fc
    .uint8Array({ maxLength: 64 })
    .filter(
      (bytes) =>
        bytes.length < 4 || new DataView(bytes.buffer, bytes.byteOffset).getUint32(0, true) !== BATCH_MAGIC,
    ),
  fc.tuple(sceneBatchArb(8), fc.nat()).map(([ops, cut]) => {
    const bytes = encodeSceneBatch(ops);
    return bytes.slice(0, cut % bytes.length);
  }),
);
const SHAPES = wasmMessageShapes(undecodable);
const TYPES: ReadonlySet<string> = new Set(WASM_MESSAGE_TYPES);

/** Messages of the other world, well-formed there: the WASM world may send neither. */
const otherWorlds = fc.oneof(
  fc.record({ type: fc.constant('hello'), contractVersion: fc.nat() }),
  fc.record({ type: fc.constant('scene.ops'), page: fitting(ROUTE), ops: fc.constant([]) }),
);

/** Whatever carries no type the WASM world sends (or no object at all). */
const untyped = fc
  .anything({
    maxDepth: 3,
    withNullPrototype: true,
    withBigInt: true,
    withTypedArray: true,
    withMap: true,
    withSet: true,
    withDate: true,
    withBoxedValues: true,
    withSparseArray: true,
  })
  .filter((value) => {
    if (typeof value !== 'object' || value === null) return true;
    const type: unknown = (value as { readonly type?: unknown }).type;
    return typeof type !== 'string' || !TYPES.has(type);
  });

/** The malformed families of the issue, and more: each input is malformed by construction. */
const malformedMessage = fc.oneof(
  notAnObject,
  untyped,
  otherWorlds,
  ...Object.values(SHAPES).map((shape) => ({ arbitrary: malformed(shape), weight: 3 })),
);

/** Well-formed batch messages whose bytes do not decode. */
const undecodableBatch = fitting(SHAPES['scene.batch']);

const fieldOf = (value: unknown, field: string): unknown =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[field] : undefined;

describe('WASM world messages at the host boundary (fuzz)', () => {
  const world = scriptedWasmWorld();
  const errors: string[] = [];
  let unhandled: ReturnType<typeof watchUnhandledRejections>;

  beforeAll(async () => {
    unhandled = watchUnhandledRejections();
    await world.client.mount('k1', 'profiles', {}, false);
  });
  beforeEach(() => {
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      errors.push(args.map(String).join(' '));
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });
  afterAll(() => unhandled.stop());

  /** Sends `input` and checks it was refused and changed nothing. */
  const refusedWithoutEffect = async (input: unknown): Promise<void> => {
    errors.length = 0;
    world.rejections.length = 0;
    const calls = world.worker.calls.length;
    const signalled = world.batchesSignalled;
    const fetched = world.fetched.length;

    expect(() => world.worker.send(input)).not.toThrow();
    await settle();

    // Refused once, and said so naming the world, the page and the field.
    expect(world.rejections).toHaveLength(1);
    const [rejection] = world.rejections;
    expect(rejection).toMatchObject({ world: 'wasm', input: 'message' });
    const page = fieldOf(input, 'page');
    if (typeof page === 'string' && page.length <= 64) expect(rejection?.page).toBe(page);
    if (typeof page !== 'string') expect(rejection?.page).toBeNull();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('WASM world');
    expect(errors[0]).toContain(`at ${rejection?.path === '' ? '(root)' : rejection?.path}`);
    if (rejection?.page != null) expect(errors[0]).toContain(JSON.stringify(rejection.page));

    // Changed nothing: no report, no batch, no data request, no call, the page still mounted.
    expect(world.reports).toEqual([]);
    expect(world.client.takeBatches()).toEqual([]);
    expect(world.batchesSignalled).toBe(signalled);
    expect(world.fetched).toHaveLength(fetched);
    expect(world.worker.calls).toHaveLength(calls);
    expect(world.client.isMounted('k1')).toBe(true);
    expect(world.client.keysOf('profiles')).toEqual(['k1']);
  };

  it(`drops ${RUNS} malformed messages: null, undefined, wrong types, NaN, deep or huge params, missing or extra fields`, async () => {
    await fc.assert(
      fc.asyncProperty(malformedMessage, async (input) => {
        // The oracle is the construction; the schema must agree before the client is asked.
        expect(WasmWorldMessageSchema.check(input).ok).toBe(false);
        await refusedWithoutEffect(input);
      }),
      { numRuns: RUNS, seed: SEED },
    );
    expect(unhandled.seen).toEqual([]);
  });

  it(`drops ${RUNS} well-formed scene.batch messages whose bytes do not decode, naming .bytes`, async () => {
    await fc.assert(
      fc.asyncProperty(undecodableBatch, async (input) => {
        expect(WasmWorldMessageSchema.check(input).ok).toBe(true);
        await refusedWithoutEffect(input);
        expect(world.rejections[0]).toMatchObject({ name: 'scene.batch', path: '.bytes' });
      }),
      { numRuns: RUNS, seed: SEED },
    );
    expect(unhandled.seen).toEqual([]);
  });

  it('passes well-formed messages on unchanged (reports to onMessage, decoded batches to takeBatches)', async () => {
    const reports = fc.oneof(
      ...(['navigate', 'replace', 'back', 'crashed', 'log', 'metric'] as const).map((type) =>
        fitting(SHAPES[type]),
      ),
    );
    const batches = fc.tuple(fitting(ROUTE), fc.nat(), sceneBatchArb(8)).map(([page, frame, ops]) => ({
      ops,
      message: { type: 'scene.batch', page, frame, bytes: encodeSceneBatch(ops) },
    }));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          reports.map((message) => ({ message, ops: null })),
          batches,
        ),
        async ({ message, ops }) => {
          world.reports.length = 0;
          world.rejections.length = 0;
          expect(() => world.worker.send(message)).not.toThrow();
          await settle();
          expect(world.rejections).toEqual([]);
          if (ops === null) {
            expect(world.reports).toEqual([message]);
            expect(world.client.takeBatches()).toEqual([]);
          } else {
            expect(world.reports).toEqual([]);
            expect(world.client.takeBatches()).toEqual([ops]);
          }
        },
      ),
      { numRuns: 2000, seed: SEED },
    );
    expect(unhandled.seen).toEqual([]);
  });
});
