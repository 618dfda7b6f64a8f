import type { Arbitrary } from 'fast-check';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  EventResultSchema,
  MountResultSchema,
  PageLoadOutcomeSchema,
  type Schema,
  UnmountResultSchema,
  WasmWorldHelloSchema,
} from '../../bridge/index.ts';
import { WasmWorldAnswerRefused } from '../../host/boot/wasm-world-client.ts';
import { fitting, malformed, RESULT_SHAPES, type Shape } from './contract-shapes.ts';
import {
  type ScriptedCall,
  scriptedWasmWorld,
  settle,
  watchUnhandledRejections,
} from './scripted-wasm-world.ts';

// Boundary 2 of issue 10: what the WASM world's calls answer (comlink results) is checked where
// it enters the client. A malformed answer is a failed call: mount and load reject (React then
// serves the page), the calls nobody waits for settle quietly; it is logged once naming the
// world, the page and the field, reported through onRejected, and never throws into the host.

const RUNS = 10_000;
const SEED = 0x0f1c06;

/** Answers that fit none of `variants`: each variant broken, or no object with a known tag. */
function malformedAnswer(variants: readonly Shape[], tag: 'status' | 'ok'): Arbitrary<unknown> {
  const tags = variants.flatMap((variant) => {
    const field = variant.t === 'obj' ? variant.fields[tag] : undefined;
    return field?.t === 'tag' || field?.t === 'bool' ? [field.value] : [];
  });
  const untagged = fc.anything({ maxDepth: 3, withNullPrototype: true, withBigInt: true }).filter((value) => {
    if (typeof value !== 'object' || value === null) return true;
    return !tags.includes((value as Record<string, unknown>)[tag] as string | boolean);
  });
  return fc.oneof(untagged, ...variants.map((variant) => malformed(variant)));
}

const FOCUS = { type: 'focus', world: 'wasm', nodeId: 1, focusKey: 'a' } as const;
const BLUR = { type: 'blur', world: 'wasm', nodeId: 1, focusKey: 'a' } as const;

describe('WASM world call answers at the host boundary (fuzz)', () => {
  const world = scriptedWasmWorld();
  const errors: string[] = [];
  let unhandled: ReturnType<typeof watchUnhandledRejections>;
  let keys = 0;

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

  /** Scripts `answer` for `call`, runs `act`, and checks the answer was refused once and changed nothing. */
  const refusedOnce = async (
    call: ScriptedCall,
    schema: Schema<unknown>,
    answer: unknown,
    act: () => Promise<void>,
    expected: { readonly name: string; readonly page: string },
  ): Promise<void> => {
    // The oracle is the construction; the schema must agree before the client is asked.
    expect(schema.check(answer).ok).toBe(false);
    errors.length = 0;
    world.rejections.length = 0;
    world.worker.next[call] = answer;
    await act();
    await settle();
    expect(world.worker.next).toEqual({}); // the scripted answer was asked for
    expect(world.rejections).toEqual([
      expect.objectContaining({ world: 'wasm', input: 'result', name: expected.name, page: expected.page }),
    ]);
    // Logged once (a call nobody waits for is not logged again as "failed"), naming page and field.
    expect(errors).toHaveLength(1);
    const path = world.rejections[0]?.path ?? '?';
    expect(errors[0]).toContain(`the WASM world's answer to "${expected.name}" for page "${expected.page}"`);
    expect(errors[0]).toContain(`at ${path === '' ? '(root)' : path}`);
    // Nothing else changed.
    expect(world.reports).toEqual([]);
    expect(world.client.takeBatches()).toEqual([]);
    expect(world.client.isMounted('k1')).toBe(true);
    expect(world.client.keysOf('profiles')).toEqual(['k1']);
  };

  it(`fails ${RUNS} loads whose answer is malformed, and keeps none of them (the next load asks again)`, async () => {
    await fc.assert(
      fc.asyncProperty(malformedAnswer(RESULT_SHAPES.load, 'ok'), async (answer) => {
        const loads = world.worker.calls.filter((call) => call === 'load collections').length;
        await refusedOnce(
          'load',
          PageLoadOutcomeSchema,
          answer,
          async () => {
            const failure = await world.client.load('collections').then(
              () => null,
              (error: unknown) => error,
            );
            expect(failure).toBeInstanceOf(WasmWorldAnswerRefused);
          },
          { name: 'load', page: 'collections' },
        );
        expect(world.worker.calls.filter((call) => call === 'load collections')).toHaveLength(loads + 1);
      }),
      { numRuns: RUNS, seed: SEED },
    );
    await expect(world.client.load('collections')).resolves.toBeUndefined(); // a well-formed answer loads it
    expect(unhandled.seen).toEqual([]);
  });

  it(`fails ${RUNS} mounts whose answer is malformed: the page is not mounted, React would serve it`, async () => {
    await fc.assert(
      fc.asyncProperty(malformedAnswer(RESULT_SHAPES.mount, 'status'), async (answer) => {
        await world.client.load('collections'); // loaded once, then known
        const key = `m${++keys}`;
        await refusedOnce(
          'mount',
          MountResultSchema,
          answer,
          async () => {
            const failure = await world.client.mount(key, 'collections', {}, true).then(
              () => null,
              (error: unknown) => error,
            );
            expect(failure).toBeInstanceOf(WasmWorldAnswerRefused);
            expect(world.client.isMounted(key)).toBe(false);
          },
          { name: 'mount', page: 'collections' },
        );
        // What the router does after a failed mount; the unmount's own answer is well-formed.
        await world.client.unmount(key);
      }),
      { numRuns: RUNS, seed: SEED },
    );
    expect(unhandled.seen).toEqual([]);
  });

  it(`settles ${RUNS} events, event groups, setVisible and unmount calls whose answer is malformed`, async () => {
    const cases = fc.oneof(
      malformedAnswer(RESULT_SHAPES.event, 'status').map((answer) => ({ call: 'event' as const, answer })),
      malformedAnswer(RESULT_SHAPES.event, 'status').map((answer) => ({ call: 'events' as const, answer })),
      malformedAnswer(RESULT_SHAPES.event, 'status').map((answer) => ({
        call: 'setVisible' as const,
        answer,
      })),
      malformedAnswer(RESULT_SHAPES.unmount, 'status').map((answer) => ({
        call: 'unmount' as const,
        answer,
      })),
    );
    await fc.assert(
      fc.asyncProperty(cases, async ({ call, answer }) => {
        const { client } = world;
        if (call === 'unmount') {
          await client.load('collections');
          const key = `u${++keys}`;
          await client.mount(key, 'collections', {}, true);
          await refusedOnce(
            call,
            UnmountResultSchema,
            answer,
            async () => {
              await expect(client.unmount(key)).resolves.toBeUndefined();
              expect(client.isMounted(key)).toBe(false);
            },
            { name: 'unmount', page: 'collections' },
          );
          return;
        }
        const act = {
          event: () => client.event('k1', FOCUS),
          // Two events for one page in one task go as one `events` call.
          events: () =>
            Promise.all([client.event('k1', BLUR), client.event('k1', FOCUS)]).then(() => undefined),
          setVisible: () => client.setVisible('k1', true),
        }[call];
        await refusedOnce(
          call,
          EventResultSchema,
          answer,
          async () => {
            await expect(act()).resolves.toBeUndefined();
          },
          { name: call === 'events' ? 'event' : call, page: 'profiles' },
        );
      }),
      { numRuns: RUNS, seed: SEED },
    );
    expect(unhandled.seen).toEqual([]);
  });

  it('accepts well-formed answers as they are: mounted mounts, refused and crashed mounts fail with their own reason', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(...RESULT_SHAPES.mount.map(fitting)), async (answer) => {
        await world.client.load('collections');
        world.rejections.length = 0;
        const key = `v${++keys}`;
        world.worker.next.mount = answer;
        const failure = await world.client.mount(key, 'collections', {}, true).then(
          () => null,
          (error: unknown) => error,
        );
        const { status } = answer as { readonly status: string };
        expect(world.rejections).toEqual([]);
        expect(world.client.isMounted(key)).toBe(status === 'mounted');
        if (status !== 'mounted') {
          expect(failure).toBeInstanceOf(Error);
          expect(failure).not.toBeInstanceOf(WasmWorldAnswerRefused);
        }
        await world.client.unmount(key);
      }),
      { numRuns: 1000, seed: SEED },
    );
  });
});

describe('the hello answer (fuzz)', () => {
  // startBrowserWorker (host/wasm-world) waits for hello before it hands the worker over; the
  // schema it is to be checked with refuses whatever does not fit, and never throws.
  it(`refuses ${RUNS} malformed hello answers and accepts well-formed ones`, () => {
    const [hello] = RESULT_SHAPES.hello;
    if (hello === undefined) throw new Error('no hello shape');
    fc.assert(
      fc.property(malformed(hello), (answer) => {
        expect(WasmWorldHelloSchema.check(answer).ok).toBe(false);
      }),
      { numRuns: RUNS, seed: SEED },
    );
    fc.assert(
      fc.property(fitting(hello), (answer) => {
        expect(WasmWorldHelloSchema.check(answer)).toEqual({ ok: true, value: answer });
      }),
      { numRuns: 1000, seed: SEED },
    );
  });
});
