// Throughput of the per-frame hot path: encoding, decoding and applying scene batches, and one
// focus move on a collections-sized scene. Numbers only; nothing here asserts on time.
import { bench, describe } from 'vitest';
import { decodeSceneBatch, encodeSceneBatch, type SceneOp } from '../../bridge/index.ts';
import { FocusEngine } from '../../host/focus/focus-engine.ts';
import { SceneStore } from '../../host/scene/scene-store.ts';
import { type FixtureNode, opsFor, text, tile, view } from '../support/scene-fixture.ts';

/** A collections-like page: 10 rails of 20 tiles, each tile with a title text. */
function collectionsScene(): FixtureNode[] {
  return Array.from({ length: 10 }, (_, rail) =>
    view(
      { x: 0, y: 400 + rail * 260, width: 1920, height: 240, focusGroup: true, clip: true },
      Array.from({ length: 20 }, (_, i) =>
        view(
          { ...tile(`rail${rail}-tile${i}`, 60 + i * 300, 0, 280, 160).props, backgroundColor: '#223344' },
          [
            text({
              text: `Title ${rail * 20 + i}`,
              x: 8,
              y: 170,
              width: 264,
              height: 40,
              fontSize: 24,
              color: '#ffffff',
            }),
          ],
        ),
      ),
    ),
  );
}

const buildOps: SceneOp[] = opsFor(collectionsScene()).ops;
const buildBytes = encodeSceneBatch(buildOps);
// A typical interaction frame: highlight one tile, un-highlight another, scroll a rail.
const updateOps: SceneOp[] = [
  { op: 'setProp', id: 3, name: 'backgroundColor', value: '#ffffff' },
  { op: 'setProp', id: 6, name: 'backgroundColor', value: '#223344' },
  { op: 'setProp', id: 1, name: 'x', value: -300 },
];

describe(`build a collections page (${buildOps.length} ops, ${buildBytes.length} bytes)`, () => {
  bench('encodeSceneBatch', () => {
    encodeSceneBatch(buildOps);
  });
  bench('decodeSceneBatch', () => {
    decodeSceneBatch(buildBytes);
  });
  bench('SceneStore.apply', () => {
    new SceneStore().apply('wasm', buildOps);
  });
});

describe('one interaction frame (3 ops)', () => {
  const store = new SceneStore();
  store.apply('wasm', buildOps);
  const bytes = encodeSceneBatch(updateOps);
  bench('encode + decode + apply', () => {
    const decoded = decodeSceneBatch(bytes);
    if (decoded.ok) store.apply('wasm', decoded.ops);
  });
});

describe('focus move on the collections page (200 focusables)', () => {
  const store = new SceneStore();
  store.apply('legacy', buildOps);
  const focus = new FocusEngine(store, 'legacy');
  focus.focusInitial();
  let direction: 'right' | 'left' = 'right';
  bench('FocusEngine.move', () => {
    if (!focus.move(direction).moved) direction = direction === 'right' ? 'left' : 'right';
  });
});
