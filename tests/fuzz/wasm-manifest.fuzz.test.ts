import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WasmManifestSchema } from '../../bridge/index.ts';
import { fitting, MANIFEST_SHAPE, malformed } from './contract-shapes.ts';
import { MANIFEST, scriptedWasmWorld, settle, watchUnhandledRejections } from './scripted-wasm-world.ts';

// Boundary 3 of issue 10: the build's manifest (fetched, or read from a file) is checked before
// the client uses any of it. A malformed one fails the load it was read for, with an error naming
// the field; nothing is asked of the worker, nothing is kept (the next load reads it again), and
// it is reported through onRejected.

const RUNS = 10_000;
const SEED = 0x0f1c07;

/** Whatever has no `modules` field (required) is no manifest, whatever else it holds. */
const noModules = fc
  .anything({ maxDepth: 3, withNullPrototype: true, withBigInt: true, withMap: true, withTypedArray: true })
  .filter((value) => typeof value !== 'object' || value === null || !Object.hasOwn(value, 'modules'));

describe('the WASM manifest at the host boundary (fuzz)', () => {
  let current: unknown = MANIFEST;
  const world = scriptedWasmWorld({ manifest: () => current });
  let unhandled: ReturnType<typeof watchUnhandledRejections>;

  // No load before the property: a manifest that passed is kept for the life of the client.
  beforeAll(async () => {
    unhandled = watchUnhandledRejections();
    await world.client.start();
  });
  afterAll(() => unhandled.stop());

  it(`fails the load for ${RUNS} malformed manifests, asking nothing of the worker and keeping none`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(noModules, malformed(MANIFEST_SHAPE), malformed(MANIFEST_SHAPE)),
        async (manifest) => {
          const checked = WasmManifestSchema.check(manifest);
          expect(checked.ok).toBe(false);
          const issue = checked.ok ? undefined : checked.issue;
          world.rejections.length = 0;
          const calls = world.worker.calls.length;
          current = manifest;

          const failure = await world.client.mount('k1', 'collections', {}, true).then(
            () => null,
            (error: unknown) => error,
          );
          await settle();

          expect(failure).toBeInstanceOf(Error);
          expect((failure as Error).message).toBe(
            `the WASM manifest is malformed: ${issue?.path}: ${issue?.message}`,
          );
          expect(world.rejections).toEqual([
            {
              world: 'wasm',
              input: 'manifest',
              name: 'manifest',
              page: 'collections',
              path: issue?.path,
              reason: issue?.message,
            },
          ]);
          expect(world.reports).toEqual([]);
          expect(world.client.takeBatches()).toEqual([]);
          expect(world.client.isMounted('k1')).toBe(false);
          // What the router does after a failed mount.
          await world.client.unmount('k1');
          expect(world.worker.calls.splice(calls)).toEqual(['unmount k1']);
        },
      ),
      { numRuns: RUNS, seed: SEED },
    );
    // None of them was kept: the next load reads the manifest again and loads the page.
    current = MANIFEST;
    await expect(world.client.load('collections')).resolves.toBeUndefined();
    expect(world.worker.calls.at(-1)).toBe('load collections');
    expect(unhandled.seen).toEqual([]);
  });

  it('accepts well-formed manifests as they are', () => {
    fc.assert(
      fc.property(fitting(MANIFEST_SHAPE), (manifest) => {
        expect(WasmManifestSchema.check(manifest)).toEqual({ ok: true, value: manifest });
      }),
      { numRuns: 2000, seed: SEED },
    );
  });
});
