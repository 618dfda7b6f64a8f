import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  describeOp,
  type NodeId,
  type NodeKind,
  PROPS,
  type PropName,
  propAppliesTo,
  type SceneOp,
  SceneOpSchema,
  type WorldId,
} from '../../../../bridge/index.ts';
import type { SceneOpErrorCode } from '../../../../host/scene/scene-op-error.ts';
import { SceneOpError } from '../../../../host/scene/scene-op-error.ts';
import { SceneStore } from '../../../../host/scene/scene-store.ts';
import { snapshotScene } from '../../../../host/scene/snapshot.ts';
import { sceneOpArb } from '../../bridge/scene-arbitraries.ts';
import { applyOk, changesOf, dumpNodes, idRange, NO_CHANGES, type NodeDump } from './helpers.ts';

const WORLDS: readonly WorldId[] = ['legacy', 'wasm'];
const other = (world: WorldId): WorldId => (world === 'wasm' ? 'legacy' : 'wasm');

/** Ids the tests below use; dumps cover them all, attached or not. */
const TEST_IDS = [...idRange(40), 0xffff_ffff];

/**
 * root
 *  ├─ 1 view (x 10, y 20)
 *  │   ├─ 2 text "A"
 *  │   ├─ 3 view
 *  │   │   └─ 4 image
 *  │   └─ 5 text "B"
 *  └─ 6 view
 * 7 view (detached)
 */
const BASE_OPS: SceneOp[] = [
  { op: 'create', id: 1, kind: 'view' },
  { op: 'setProp', id: 1, name: 'x', value: 10 },
  { op: 'setProp', id: 1, name: 'y', value: 20 },
  { op: 'append', parent: 0, child: 1 },
  { op: 'create', id: 2, kind: 'text' },
  { op: 'setProp', id: 2, name: 'text', value: 'A' },
  { op: 'append', parent: 1, child: 2 },
  { op: 'create', id: 3, kind: 'view' },
  { op: 'append', parent: 1, child: 3 },
  { op: 'create', id: 4, kind: 'image' },
  { op: 'setProp', id: 4, name: 'src', value: 'https://img/4.jpg' },
  { op: 'append', parent: 3, child: 4 },
  { op: 'create', id: 5, kind: 'text' },
  { op: 'setProp', id: 5, name: 'text', value: 'B' },
  { op: 'append', parent: 1, child: 5 },
  { op: 'create', id: 6, kind: 'view' },
  { op: 'append', parent: 0, child: 6 },
  { op: 'create', id: 7, kind: 'view' },
];

const BASE_SNAPSHOT = [
  'view #0',
  '  view #1 x=10 y=20',
  '    text #2 text="A"',
  '    view #3',
  '      image #4 src="https://img/4.jpg"',
  '    text #5 text="B"',
  '  view #6',
].join('\n');

/** A store whose `world` holds the base tree, with its changes already taken. */
function baseStore(world: WorldId = 'wasm'): SceneStore {
  const store = new SceneStore();
  applyOk(store, world, BASE_OPS);
  for (const w of WORLDS) store.takeChanges(w);
  return store;
}

interface WorldState {
  readonly snapshot: string;
  readonly size: number;
  readonly nodes: Map<NodeId, NodeDump>;
}

function stateOf(store: SceneStore, world: WorldId): WorldState {
  return {
    snapshot: snapshotScene(store, world),
    size: store.size(world),
    nodes: dumpNodes(store, world, TEST_IDS),
  };
}

/**
 * Applies a batch that must be rejected with `code`, and checks that it left no trace: neither
 * world changed (snapshot, size, every node), no changes were recorded and no listener fired.
 */
function expectRejected(
  store: SceneStore,
  world: WorldId,
  ops: readonly unknown[],
  code: SceneOpErrorCode,
  opIndex: number,
): SceneOpError {
  for (const w of WORLDS) store.takeChanges(w);
  const before = { legacy: stateOf(store, 'legacy'), wasm: stateOf(store, 'wasm') };
  const notified: WorldId[] = [];
  const unsubscribe = store.onChange((w) => notified.push(w));
  const result = store.apply(world, ops);
  unsubscribe();
  if (result.ok) throw new Error(`expected the batch to be rejected with ${code}, but it applied`);
  const { error } = result;
  expect(error).toBeInstanceOf(SceneOpError);
  expect({ code: error.code, opIndex: error.opIndex, world: error.world }).toEqual({ code, opIndex, world });
  expect(error.op).toBe(ops[opIndex]);
  expect(error.message).toContain(`world "${world}"`);
  expect(error.message).toContain(`op #${opIndex}`);
  expect(error.message).toContain(error.reason);
  expect(error.reason.length).toBeGreaterThan(0);
  for (const w of WORLDS) {
    expect(stateOf(store, w), `world ${w} changed`).toEqual(before[w]);
    expect(changesOf(store.takeChanges(w)), `world ${w} recorded changes`).toEqual(NO_CHANGES);
  }
  expect(notified).toEqual([]);
  return error;
}

describe('SceneStore: building the tree', () => {
  it('starts with one empty view root per world', () => {
    const store = new SceneStore();
    expect(store.worldIds.sort()).toEqual(['legacy', 'wasm']);
    for (const world of WORLDS) {
      expect(store.size(world)).toBe(1);
      expect(store.root(world)).toEqual({ id: 0, kind: 'view', props: {}, parent: null, children: [] });
      expect(snapshotScene(store, world)).toBe('view #0');
    }
  });

  it('create + setProp + append builds the tree in order', () => {
    const store = baseStore();
    expect(snapshotScene(store, 'wasm')).toBe(BASE_SNAPSHOT);
    expect(store.size('wasm')).toBe(8);
    expect(store.get('wasm', 1)).toEqual({
      id: 1,
      kind: 'view',
      props: { x: 10, y: 20 },
      parent: 0,
      children: [2, 3, 5],
    });
    expect(store.get('wasm', 4)?.parent).toBe(3);
    expect(store.get('wasm', 7)).toEqual({ id: 7, kind: 'view', props: {}, parent: null, children: [] });
  });

  it('the example from the store docs works', () => {
    const store = new SceneStore();
    const result = store.apply('wasm', [
      { op: 'create', id: 1, kind: 'text' },
      { op: 'setProp', id: 1, name: 'text', value: 'Hello' },
      { op: 'append', parent: 0, child: 1 },
    ]);
    expect(result).toEqual({ ok: true });
    expect(snapshotScene(store, 'wasm')).toBe('view #0\n  text #1 text="Hello"');
  });

  it('setProp overwrites, and null clears the prop entirely', () => {
    const store = baseStore();
    applyOk(store, 'wasm', [{ op: 'setProp', id: 1, name: 'x', value: 11 }]);
    expect(store.get('wasm', 1)?.props).toEqual({ x: 11, y: 20 });
    applyOk(store, 'wasm', [{ op: 'setProp', id: 1, name: 'x', value: null }]);
    expect(store.get('wasm', 1)?.props).toEqual({ y: 20 });
    expect(Object.hasOwn(store.get('wasm', 1)?.props ?? { x: 1 }, 'x')).toBe(false);
    // clearing a prop that was never set is fine
    applyOk(store, 'wasm', [{ op: 'setProp', id: 1, name: 'opacity', value: null }]);
    expect(store.get('wasm', 1)?.props).toEqual({ y: 20 });
  });

  it('insertBefore places the child before its sibling', () => {
    const store = baseStore();
    applyOk(store, 'wasm', [
      { op: 'create', id: 8, kind: 'view' },
      { op: 'insertBefore', parent: 1, child: 8, before: 2 },
      { op: 'create', id: 9, kind: 'view' },
      { op: 'insertBefore', parent: 1, child: 9, before: 5 },
    ]);
    expect(store.get('wasm', 1)?.children).toEqual([8, 2, 3, 9, 5]);
    expect(store.get('wasm', 9)?.parent).toBe(1);
  });

  it('append moves an attached node to the end of its new parent', () => {
    const store = baseStore();
    applyOk(store, 'wasm', [{ op: 'append', parent: 6, child: 3 }]);
    expect(store.get('wasm', 1)?.children).toEqual([2, 5]);
    expect(store.get('wasm', 6)?.children).toEqual([3]);
    expect(store.get('wasm', 3)?.parent).toBe(6);
    expect(store.get('wasm', 4)?.parent).toBe(3); // the subtree moves along
    // re-appending to the same parent moves it to the end
    applyOk(store, 'wasm', [{ op: 'append', parent: 1, child: 2 }]);
    expect(store.get('wasm', 1)?.children).toEqual([5, 2]);
  });

  it('insertBefore reorders within the same parent, in both directions', () => {
    const store = baseStore();
    applyOk(store, 'wasm', [{ op: 'insertBefore', parent: 1, child: 5, before: 2 }]);
    expect(store.get('wasm', 1)?.children).toEqual([5, 2, 3]);
    applyOk(store, 'wasm', [{ op: 'insertBefore', parent: 1, child: 5, before: 3 }]);
    expect(store.get('wasm', 1)?.children).toEqual([2, 5, 3]);
    // moving a node before its own next sibling is a no-op
    applyOk(store, 'wasm', [{ op: 'insertBefore', parent: 1, child: 2, before: 5 }]);
    expect(store.get('wasm', 1)?.children).toEqual([2, 5, 3]);
  });

  it('remove destroys the node and its whole subtree, and frees the ids', () => {
    const store = baseStore();
    applyOk(store, 'wasm', [{ op: 'remove', id: 3 }]);
    expect(store.get('wasm', 3)).toBeUndefined();
    expect(store.get('wasm', 4)).toBeUndefined();
    expect(store.get('wasm', 1)?.children).toEqual([2, 5]);
    expect(store.size('wasm')).toBe(6);
    applyOk(store, 'wasm', [{ op: 'remove', id: 1 }]);
    expect(store.size('wasm')).toBe(3); // root, 6, 7
    expect(snapshotScene(store, 'wasm')).toBe('view #0\n  view #1');
    applyOk(store, 'wasm', [
      { op: 'create', id: 4, kind: 'text' },
      { op: 'append', parent: 0, child: 4 },
    ]);
    expect(store.get('wasm', 4)?.kind).toBe('text');
  });

  it('remove of a detached node works and leaves the attached tree alone', () => {
    const store = baseStore();
    applyOk(store, 'wasm', [{ op: 'remove', id: 7 }]);
    expect(store.size('wasm')).toBe(7);
    expect(snapshotScene(store, 'wasm')).toBe(BASE_SNAPSHOT);
  });

  it('detached nodes count towards size but not the snapshot', () => {
    const store = new SceneStore();
    applyOk(store, 'wasm', [
      { op: 'create', id: 1, kind: 'view' },
      { op: 'create', id: 2, kind: 'text' },
      { op: 'append', parent: 1, child: 2 },
    ]);
    expect(store.size('wasm')).toBe(3);
    expect(snapshotScene(store, 'wasm')).toBe('view #0');
  });

  it('accepts the largest node id', () => {
    const store = new SceneStore();
    applyOk(store, 'wasm', [
      { op: 'create', id: 0xffff_ffff, kind: 'view' },
      { op: 'append', parent: 0, child: 0xffff_ffff },
    ]);
    expect(store.root('wasm').children).toEqual([0xffff_ffff]);
  });

  it('an empty batch applies and changes nothing', () => {
    const store = baseStore();
    const before = stateOf(store, 'wasm');
    expect(store.apply('wasm', [])).toEqual({ ok: true });
    expect(stateOf(store, 'wasm')).toEqual(before);
  });

  it('node ids are scoped to a world: the same id names different nodes', () => {
    const store = new SceneStore();
    applyOk(store, 'legacy', [{ op: 'create', id: 1, kind: 'text' }]);
    applyOk(store, 'wasm', [{ op: 'create', id: 1, kind: 'image' }]);
    expect(store.get('legacy', 1)?.kind).toBe('text');
    expect(store.get('wasm', 1)?.kind).toBe('image');
  });

  it('throws (it is a host bug, not a world error) for a world the store does not hold', () => {
    const store = new SceneStore(['legacy']);
    expect(() => store.apply('wasm', [])).toThrow('unknown world "wasm"');
  });
});

describe('SceneStore: a world never changes the other world', () => {
  for (const world of WORLDS) {
    it(`a batch from ${world} leaves ${other(world)} untouched`, () => {
      const store = baseStore(other(world));
      const before = stateOf(store, other(world));
      applyOk(store, world, BASE_OPS);
      applyOk(store, world, [
        { op: 'remove', id: 3 },
        { op: 'setProp', id: 1, name: 'x', value: 99 },
        { op: 'append', parent: 6, child: 5 },
      ]);
      expect(stateOf(store, other(world))).toEqual(before);
      expect(changesOf(store.takeChanges(other(world)))).toEqual(NO_CHANGES);
      expect(snapshotScene(store, world)).not.toBe(before.snapshot);
    });
  }
});

describe('SceneStore: rejected batches', () => {
  it('unknown node id, in each role', () => {
    const store = baseStore();
    let error = expectRejected(
      store,
      'wasm',
      [{ op: 'setProp', id: 99, name: 'x', value: 1 }],
      'unknown-node',
      0,
    );
    expect(error.reason).toBe('node 99 does not exist in world "wasm"');
    expect(error.message).toBe(
      'world "wasm" rejected a batch at op #0 setProp(node 99, x, 1): node 99 does not exist in world "wasm"',
    );
    error = expectRejected(store, 'wasm', [{ op: 'append', parent: 99, child: 2 }], 'unknown-node', 0);
    expect(error.reason).toContain('parent 99');
    error = expectRejected(store, 'wasm', [{ op: 'append', parent: 1, child: 99 }], 'unknown-node', 0);
    expect(error.reason).toContain('child 99');
    error = expectRejected(
      store,
      'wasm',
      [{ op: 'insertBefore', parent: 1, child: 7, before: 99 }],
      'unknown-node',
      0,
    );
    expect(error.reason).toContain('sibling 99');
    expectRejected(store, 'wasm', [{ op: 'remove', id: 99 }], 'unknown-node', 0);
  });

  it('a node id that exists only in the other world is a foreign node', () => {
    const store = baseStore('legacy');
    applyOk(store, 'wasm', [{ op: 'create', id: 30, kind: 'view' }]);
    for (const op of [
      { op: 'append', parent: 0, child: 5 },
      { op: 'append', parent: 5, child: 30 },
      { op: 'setProp', id: 2, name: 'text', value: 'hijacked' },
      { op: 'remove', id: 1 },
      { op: 'insertBefore', parent: 0, child: 30, before: 1 },
    ]) {
      const error = expectRejected(store, 'wasm', [op], 'foreign-node', 0);
      expect(error.reason).toContain('world "legacy" has a node');
      expect(error.reason).toContain('does not exist in world "wasm"');
    }
    expect(snapshotScene(store, 'legacy')).toBe(BASE_SNAPSHOT);
  });

  it('duplicate id: across batches and within one batch', () => {
    const store = baseStore();
    let error = expectRejected(store, 'wasm', [{ op: 'create', id: 3, kind: 'text' }], 'duplicate-id', 0);
    expect(error.reason).toBe('node 3 already exists');
    error = expectRejected(
      store,
      'wasm',
      [
        { op: 'create', id: 20, kind: 'view' },
        { op: 'create', id: 20, kind: 'view' },
      ],
      'duplicate-id',
      1,
    );
    expect(error.message).toContain('op #1 create(node 20, view)');
  });

  it('create id 0: the root belongs to the host', () => {
    const store = baseStore();
    const error = expectRejected(store, 'wasm', [{ op: 'create', id: 0, kind: 'view' }], 'duplicate-id', 0);
    expect(error.reason).toContain('world root');
  });

  it('cycles: into its own subtree, into itself, before itself', () => {
    const store = baseStore();
    let error = expectRejected(store, 'wasm', [{ op: 'append', parent: 3, child: 1 }], 'cycle', 0);
    expect(error.reason).toBe('node 1 cannot move into node 3, which is inside it');
    expectRejected(store, 'wasm', [{ op: 'append', parent: 1, child: 0 }], 'root-is-fixed', 0);
    expectRejected(store, 'wasm', [{ op: 'insertBefore', parent: 3, child: 1, before: 4 }], 'cycle', 0);
    // deeper: a view created inside node 3 within the same batch
    error = expectRejected(
      store,
      'wasm',
      [
        { op: 'create', id: 20, kind: 'view' },
        { op: 'append', parent: 3, child: 20 },
        { op: 'append', parent: 20, child: 1 },
      ],
      'cycle',
      2,
    );
    expect(error.reason).toBe('node 1 cannot move into node 20, which is inside it');
    error = expectRejected(store, 'wasm', [{ op: 'append', parent: 3, child: 3 }], 'cycle', 0);
    expect(error.reason).toBe('node 3 cannot be its own parent');
    expectRejected(store, 'wasm', [{ op: 'append', parent: 7, child: 7 }], 'cycle', 0);
    error = expectRejected(
      store,
      'wasm',
      [{ op: 'insertBefore', parent: 1, child: 2, before: 2 }],
      'cycle',
      0,
    );
    expect(error.reason).toContain('before itself');
    // a cycle built inside one batch, among detached nodes
    expectRejected(
      store,
      'wasm',
      [
        { op: 'create', id: 20, kind: 'view' },
        { op: 'create', id: 21, kind: 'view' },
        { op: 'append', parent: 20, child: 21 },
        { op: 'append', parent: 21, child: 20 },
      ],
      'cycle',
      3,
    );
  });

  it('insertBefore with a sibling that is not a child of the parent', () => {
    const store = baseStore();
    let error = expectRejected(
      store,
      'wasm',
      [{ op: 'insertBefore', parent: 0, child: 7, before: 2 }],
      'not-a-child',
      0,
    );
    expect(error.reason).toBe('sibling 2 is not a child of node 0');
    error = expectRejected(
      store,
      'wasm',
      [{ op: 'insertBefore', parent: 6, child: 7, before: 6 }],
      'not-a-child',
      0,
    );
    expectRejected(store, 'wasm', [{ op: 'insertBefore', parent: 1, child: 3, before: 4 }], 'not-a-child', 0);
    expect(error.code).toBe('not-a-child');
  });

  it('only views can have children', () => {
    const store = baseStore();
    let error = expectRejected(store, 'wasm', [{ op: 'append', parent: 2, child: 7 }], 'not-a-container', 0);
    expect(error.reason).toContain('node 2 is a text');
    error = expectRejected(store, 'wasm', [{ op: 'append', parent: 4, child: 7 }], 'not-a-container', 0);
    expect(error.reason).toMatch(/^node 4 is an? image/);
    // moving an ancestor into its own text descendant is refused either way
    expectRejected(store, 'wasm', [{ op: 'append', parent: 2, child: 1 }], 'not-a-container', 0);
    expectRejected(
      store,
      'wasm',
      [
        { op: 'create', id: 20, kind: 'text' },
        { op: 'create', id: 21, kind: 'view' },
        { op: 'append', parent: 20, child: 21 },
      ],
      'not-a-container',
      2,
    );
  });

  it('the root cannot be moved or removed', () => {
    const store = baseStore();
    let error = expectRejected(store, 'wasm', [{ op: 'remove', id: 0 }], 'root-is-fixed', 0);
    expect(error.reason).toBe('the world root cannot be removed');
    error = expectRejected(store, 'wasm', [{ op: 'append', parent: 6, child: 0 }], 'root-is-fixed', 0);
    expect(error.reason).toBe('the world root cannot be moved');
    expectRejected(store, 'wasm', [{ op: 'append', parent: 7, child: 0 }], 'root-is-fixed', 0);
    expectRejected(
      store,
      'wasm',
      [{ op: 'insertBefore', parent: 1, child: 0, before: 2 }],
      'root-is-fixed',
      0,
    );
  });

  it('bad prop type', () => {
    const store = baseStore();
    const error = expectRejected(
      store,
      'wasm',
      [{ op: 'setProp', id: 1, name: 'x', value: '10px' }],
      'invalid-op',
      0,
    );
    expect(error.reason).toContain('prop x');
    expect(error.reason).toContain('"10px"');
    expectRejected(store, 'wasm', [{ op: 'setProp', id: 1, name: 'clip', value: 1 }], 'invalid-op', 0);
    expectRejected(store, 'wasm', [{ op: 'setProp', id: 2, name: 'text', value: 42 }], 'invalid-op', 0);
    expectRejected(
      store,
      'wasm',
      [{ op: 'setProp', id: 2, name: 'text', value: { html: '<b>' } }],
      'invalid-op',
      0,
    );
  });

  it('bad prop values: out of range, NaN, Infinity, CSS smuggled into a color', () => {
    const store = baseStore();
    const error = expectRejected(
      store,
      'wasm',
      [
        { op: 'setProp', id: 1, name: 'opacity', value: 0.5 },
        { op: 'setProp', id: 1, name: 'opacity', value: 2 },
      ],
      'invalid-op',
      1,
    );
    expect(error.message).toContain(
      `op #1 ${describeOp({ op: 'setProp', id: 1, name: 'opacity', value: 2 })}`,
    );
    expect(error.reason).toBe('prop opacity: expected a finite number from 0 to 1, got 2 (at value)');
    expect(error.message).toBe(
      'world "wasm" rejected a batch at op #1 setProp(node 1, opacity, 2): prop opacity: expected a finite number from 0 to 1, got 2 (at value)',
    );
    expectRejected(store, 'wasm', [{ op: 'setProp', id: 1, name: 'x', value: Number.NaN }], 'invalid-op', 0);
    expectRejected(
      store,
      'wasm',
      [{ op: 'setProp', id: 1, name: 'width', value: Number.POSITIVE_INFINITY }],
      'invalid-op',
      0,
    );
    expectRejected(
      store,
      'wasm',
      [{ op: 'setProp', id: 1, name: 'backgroundColor', value: 'red;background:url(x)' }],
      'invalid-op',
      0,
    );
    expectRejected(
      store,
      'wasm',
      [{ op: 'setProp', id: 2, name: 'color', value: '#fff;background:url(x)' }],
      'invalid-op',
      0,
    );
    expectRejected(store, 'wasm', [{ op: 'setProp', id: 1, name: 'zIndex', value: 1.5 }], 'invalid-op', 0);
    expectRejected(
      store,
      'wasm',
      [{ op: 'setProp', id: 1, name: 'focusKey', value: 'a"b' }],
      'invalid-op',
      0,
    );
    expectRejected(store, 'wasm', [{ op: 'setProp', id: 4, name: 'src', value: '' }], 'invalid-op', 0);
  });

  it('prop not for the kind of node', () => {
    const store = baseStore();
    let error = expectRejected(
      store,
      'wasm',
      [{ op: 'setProp', id: 1, name: 'text', value: 'hi' }],
      'prop-not-for-kind',
      0,
    );
    expect(error.reason).toBe('prop text applies to text nodes, and node 1 is a view');
    error = expectRejected(
      store,
      'wasm',
      [{ op: 'setProp', id: 2, name: 'src', value: 'a.png' }],
      'prop-not-for-kind',
      0,
    );
    expect(error.reason).toBe('prop src applies to image nodes, and node 2 is a text');
    expectRejected(
      store,
      'wasm',
      [{ op: 'setProp', id: 4, name: 'fontSize', value: 12 }],
      'prop-not-for-kind',
      0,
    );
    // clearing a prop that does not apply is rejected too
    expectRejected(
      store,
      'wasm',
      [{ op: 'setProp', id: 1, name: 'text', value: null }],
      'prop-not-for-kind',
      0,
    );
  });

  it('malformed op objects', () => {
    const store = baseStore();
    const malformed: unknown[] = [
      { op: 'create', kind: 'view' },
      { op: 'create', id: 9, kind: 'button' },
      { op: 'create', id: -1, kind: 'view' },
      { op: 'create', id: 1.5, kind: 'view' },
      { op: 'create', id: 2 ** 32, kind: 'view' },
      { op: 'create', id: '9', kind: 'view' },
      { op: 'create', id: 9, kind: 'view', parent: 0 },
      { op: 'append', parent: 0 },
      { op: 'setProp', id: 1, name: 'x' },
      { op: 'setProp', id: 1, name: 'innerHTML', value: '<img onerror>' },
      { op: 'setProp', id: 1, name: '__proto__', value: 1 },
      { op: 'destroy', id: 1 },
      { id: 1 },
      null,
      'create',
      42,
      [],
    ];
    for (const op of malformed) {
      const error = expectRejected(store, 'wasm', [op], 'invalid-op', 0);
      expect(error.message).toContain('world "wasm" rejected a batch at op #0');
    }
    const missing = expectRejected(store, 'wasm', [{ op: 'append', parent: 0 }], 'invalid-op', 0);
    expect(missing.reason).toContain('missing required field');
    expect(missing.reason).toContain('child');
    const unknownOp = expectRejected(store, 'wasm', [{ op: 'destroy', id: 1 }], 'invalid-op', 0);
    expect(unknownOp.reason).toContain('"destroy"');
  });

  it('describes an op with an unknown name without printing "undefined"', () => {
    const op = { op: 'destroy', id: 1 };
    const error = expectRejected(baseStore(), 'wasm', [op], 'invalid-op', 0);
    expect(error.message).toContain('world "wasm" rejected a batch at op #0');
    expect(error.message).toContain('"destroy"');
    expect(error.message).not.toContain('undefined');
  });
});

describe('SceneStore: batches are atomic', () => {
  it('rolls back creates, props and appends made earlier in the batch', () => {
    const store = baseStore();
    expectRejected(
      store,
      'wasm',
      [
        { op: 'create', id: 10, kind: 'text' },
        { op: 'setProp', id: 10, name: 'text', value: 'new' },
        { op: 'append', parent: 1, child: 10 },
        { op: 'setProp', id: 1, name: 'x', value: 500 },
        { op: 'setProp', id: 1, name: 'y', value: null },
        { op: 'setProp', id: 1, name: 'opacity', value: 0.3 },
        { op: 'setProp', id: 99, name: 'x', value: 1 },
      ],
      'unknown-node',
      6,
    );
    expect(store.get('wasm', 10)).toBeUndefined();
    expect(store.get('wasm', 1)?.props).toEqual({ x: 10, y: 20 });
  });

  it('rolls back the remove of a subtree, restoring it in place', () => {
    const store = baseStore();
    expectRejected(
      store,
      'wasm',
      [
        { op: 'remove', id: 3 },
        { op: 'create', id: 4, kind: 'text' }, // reuses an id freed by the remove
        { op: 'append', parent: 1, child: 4 },
        { op: 'remove', id: 1 },
        { op: 'remove', id: 3 }, // gone now
      ],
      'unknown-node',
      4,
    );
    expect(snapshotScene(store, 'wasm')).toBe(BASE_SNAPSHOT);
    expect(store.get('wasm', 1)?.children).toEqual([2, 3, 5]);
    expect(store.get('wasm', 4)).toEqual({
      id: 4,
      kind: 'image',
      props: { src: 'https://img/4.jpg' },
      parent: 3,
      children: [],
    });
    // the restored nodes are live: they can be changed and removed again
    applyOk(store, 'wasm', [
      { op: 'setProp', id: 4, name: 'fit', value: 'cover' },
      { op: 'remove', id: 3 },
    ]);
    expect(store.get('wasm', 4)).toBeUndefined();
  });

  it('rolls back moves and reorders, restoring the exact child order', () => {
    const store = baseStore();
    expectRejected(
      store,
      'wasm',
      [
        { op: 'append', parent: 6, child: 3 },
        { op: 'insertBefore', parent: 1, child: 5, before: 2 },
        { op: 'append', parent: 1, child: 2 },
        { op: 'append', parent: 3, child: 7 },
        { op: 'insertBefore', parent: 6, child: 5, before: 3 },
        { op: 'append', parent: 0, child: 3 },
        { op: 'append', parent: 7, child: 7 },
      ],
      'cycle',
      6,
    );
    expect(store.get('wasm', 1)?.children).toEqual([2, 3, 5]);
    expect(store.get('wasm', 6)?.children).toEqual([]);
    expect(store.get('wasm', 7)?.parent).toBeNull();
    expect(store.get('wasm', 3)?.parent).toBe(1);
  });

  it('rolls back a create/remove/re-create of the same id', () => {
    const store = baseStore();
    expectRejected(
      store,
      'wasm',
      [
        { op: 'create', id: 12, kind: 'view' },
        { op: 'append', parent: 0, child: 12 },
        { op: 'remove', id: 12 },
        { op: 'create', id: 12, kind: 'text' },
        { op: 'append', parent: 6, child: 12 },
        { op: 'setProp', id: 12, name: 'text', value: 'x' },
        { op: 'setProp', id: 12, name: 'src', value: 'x' },
      ],
      'prop-not-for-kind',
      6,
    );
    expect(store.get('wasm', 12)).toBeUndefined();
  });

  it('after a rejected batch, a valid batch applies as if nothing happened', () => {
    const a = baseStore();
    const b = baseStore();
    expectRejected(
      a,
      'wasm',
      [
        { op: 'remove', id: 1 },
        { op: 'create', id: 1, kind: 'text' },
        { op: 'remove', id: 0 },
      ],
      'root-is-fixed',
      2,
    );
    const next: SceneOp[] = [
      { op: 'append', parent: 6, child: 2 },
      { op: 'create', id: 8, kind: 'text' },
      { op: 'insertBefore', parent: 1, child: 8, before: 3 },
    ];
    applyOk(a, 'wasm', next);
    applyOk(b, 'wasm', next);
    expect(stateOf(a, 'wasm')).toEqual(stateOf(b, 'wasm'));
  });
});

describe('SceneStore: takeChanges', () => {
  it('reports the root as created once, then nothing', () => {
    const store = new SceneStore();
    expect(changesOf(store.takeChanges('wasm'))).toEqual({ ...NO_CHANGES, created: [0] });
    expect(changesOf(store.takeChanges('wasm'))).toEqual(NO_CHANGES);
  });

  it('created, updated and reordered for a new subtree', () => {
    const store = new SceneStore();
    store.takeChanges('wasm');
    applyOk(store, 'wasm', [
      { op: 'create', id: 1, kind: 'view' },
      { op: 'create', id: 2, kind: 'text' },
      { op: 'setProp', id: 2, name: 'text', value: 'hi' },
      { op: 'append', parent: 1, child: 2 },
      { op: 'append', parent: 0, child: 1 },
    ]);
    expect(changesOf(store.takeChanges('wasm'))).toEqual({
      created: [1, 2],
      updated: [2],
      reordered: [0, 1],
      removed: [],
    });
  });

  it('updated for setProp, including clearing', () => {
    const store = baseStore();
    applyOk(store, 'wasm', [
      { op: 'setProp', id: 2, name: 'text', value: 'A2' },
      { op: 'setProp', id: 1, name: 'x', value: null },
    ]);
    expect(changesOf(store.takeChanges('wasm'))).toEqual({ ...NO_CHANGES, updated: [1, 2] });
  });

  it('re-sending an unchanged value, or clearing an unset prop, records no update', () => {
    const store = baseStore();
    applyOk(store, 'wasm', [
      { op: 'setProp', id: 1, name: 'x', value: 10 },
      { op: 'setProp', id: 2, name: 'text', value: 'A' },
      { op: 'setProp', id: 1, name: 'opacity', value: null },
    ]);
    expect(changesOf(store.takeChanges('wasm'))).toEqual(NO_CHANGES);
    expect(store.get('wasm', 1)?.props).toEqual({ x: 10, y: 20 });
  });

  it('reordered for both the old and the new parent of a move', () => {
    const store = baseStore();
    applyOk(store, 'wasm', [{ op: 'append', parent: 6, child: 3 }]);
    expect(changesOf(store.takeChanges('wasm'))).toEqual({ ...NO_CHANGES, reordered: [1, 6] });
    applyOk(store, 'wasm', [{ op: 'insertBefore', parent: 1, child: 5, before: 2 }]);
    expect(changesOf(store.takeChanges('wasm'))).toEqual({ ...NO_CHANGES, reordered: [1] });
  });

  it('removed for the whole subtree, reordered for its parent', () => {
    const store = baseStore();
    applyOk(store, 'wasm', [{ op: 'remove', id: 1 }]);
    expect(changesOf(store.takeChanges('wasm'))).toEqual({
      ...NO_CHANGES,
      removed: [1, 2, 3, 4, 5],
      reordered: [0],
    });
    applyOk(store, 'wasm', [{ op: 'remove', id: 7 }]);
    expect(changesOf(store.takeChanges('wasm'))).toEqual({ ...NO_CHANGES, removed: [7] });
  });

  it('accumulates across batches until taken', () => {
    const store = baseStore();
    applyOk(store, 'wasm', [{ op: 'create', id: 10, kind: 'view' }]);
    applyOk(store, 'wasm', [{ op: 'setProp', id: 10, name: 'x', value: 1 }]);
    applyOk(store, 'wasm', [{ op: 'append', parent: 6, child: 10 }]);
    expect(changesOf(store.takeChanges('wasm'))).toEqual({
      created: [10],
      updated: [10],
      reordered: [6],
      removed: [],
    });
    expect(changesOf(store.takeChanges('wasm'))).toEqual(NO_CHANGES);
  });

  it('a node created and removed in one frame appears in both created and removed', () => {
    const store = baseStore();
    applyOk(store, 'wasm', [
      { op: 'create', id: 10, kind: 'view' },
      { op: 'append', parent: 6, child: 10 },
    ]);
    applyOk(store, 'wasm', [{ op: 'remove', id: 10 }]);
    expect(changesOf(store.takeChanges('wasm'))).toEqual({
      created: [10],
      updated: [],
      reordered: [6],
      removed: [10],
    });
  });

  it('a rejected batch adds nothing to changes already pending', () => {
    const store = baseStore();
    applyOk(store, 'wasm', [{ op: 'setProp', id: 2, name: 'text', value: 'kept' }]);
    const result = store.apply('wasm', [
      { op: 'create', id: 11, kind: 'view' },
      { op: 'append', parent: 0, child: 11 },
      { op: 'remove', id: 3 },
      { op: 'setProp', id: 5, name: 'text', value: 'lost' },
      { op: 'remove', id: 0 },
    ]);
    expect(result.ok).toBe(false);
    expect(changesOf(store.takeChanges('wasm'))).toEqual({ ...NO_CHANGES, updated: [2] });
  });

  it('onChange fires once per applied non-empty batch with the world, and can unsubscribe', () => {
    const store = new SceneStore();
    const seen: WorldId[] = [];
    const unsubscribe = store.onChange((world) => seen.push(world));
    applyOk(store, 'wasm', [{ op: 'create', id: 1, kind: 'view' }]);
    applyOk(store, 'legacy', [{ op: 'create', id: 1, kind: 'view' }]);
    applyOk(store, 'wasm', []);
    expect(store.apply('wasm', [{ op: 'remove', id: 0 }]).ok).toBe(false);
    expect(seen).toEqual(['wasm', 'legacy']);
    unsubscribe();
    applyOk(store, 'wasm', [{ op: 'create', id: 2, kind: 'view' }]);
    expect(seen).toEqual(['wasm', 'legacy']);
  });
});

// ---------------------------------------------------------------------------------------------
// Property: random batches against a reference model

const MAX_ID = 8;
const MODEL_IDS = idRange(MAX_ID);

interface ModelNode {
  kind: NodeKind;
  props: Record<string, unknown>;
  parent: NodeId | null;
  children: NodeId[];
}
type Model = Map<NodeId, ModelNode>;

const emptyModel = (): Model => new Map([[0, { kind: 'view', props: {}, parent: null, children: [] }]]);

const cloneModel = (model: Model): Model =>
  new Map([...model].map(([id, n]) => [id, { ...n, props: { ...n.props }, children: [...n.children] }]));

/** A straightforward re-statement of the scene-op rules; returns undefined if the batch is rejected. */
function applyToModel(model: Model, ops: readonly unknown[]): Model | undefined {
  const m = cloneModel(model);
  for (const raw of ops) {
    const checked = SceneOpSchema.check(raw);
    if (!checked.ok) return undefined;
    const op = checked.value;
    switch (op.op) {
      case 'create':
        if (m.has(op.id)) return undefined;
        m.set(op.id, { kind: op.kind, props: {}, parent: null, children: [] });
        break;
      case 'setProp': {
        const node = m.get(op.id);
        if (node === undefined || !propAppliesTo(op.name, node.kind)) return undefined;
        if (op.value === null) delete node.props[op.name];
        else node.props[op.name] = op.value;
        break;
      }
      case 'append':
      case 'insertBefore': {
        const parent = m.get(op.parent);
        const child = m.get(op.child);
        if (parent === undefined || child === undefined || parent.kind !== 'view' || op.child === 0)
          return undefined;
        for (let a: NodeId | null = op.parent; a !== null; a = m.get(a)?.parent ?? null)
          if (a === op.child) return undefined;
        const before = op.op === 'insertBefore' ? op.before : null;
        if (before !== null && (before === op.child || !parent.children.includes(before))) return undefined;
        if (child.parent !== null) {
          const old = m.get(child.parent);
          if (old !== undefined) old.children = old.children.filter((c) => c !== op.child);
        }
        const index = before === null ? parent.children.length : parent.children.indexOf(before);
        parent.children.splice(index, 0, op.child);
        child.parent = op.parent;
        break;
      }
      case 'remove': {
        const node = m.get(op.id);
        if (node === undefined || op.id === 0) return undefined;
        if (node.parent !== null) {
          const parent = m.get(node.parent);
          if (parent !== undefined) parent.children = parent.children.filter((c) => c !== op.id);
        }
        const stack = [op.id];
        for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
          stack.push(...(m.get(id)?.children ?? []));
          m.delete(id);
        }
        break;
      }
    }
  }
  return m;
}

const modelDump = (model: Model): Map<NodeId, NodeDump> =>
  new Map(
    [...model].map(([id, n]) => [
      id,
      { kind: n.kind, props: { ...n.props }, parent: n.parent, children: [...n.children] },
    ]),
  );

/** Structural invariants of one world's tree; returns a description of the first violation. */
function treeViolation(store: SceneStore, world: WorldId): string | undefined {
  const root = store.root(world);
  if (root.id !== 0 || root.parent !== null) return 'root must be id 0 with no parent';
  const seen = new Set<NodeId>();
  const stack: NodeId[] = [0];
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    if (seen.has(id)) return `node ${id} is reachable twice (cycle or shared child)`;
    seen.add(id);
    const node = store.get(world, id);
    if (node === undefined) return `attached child ${id} does not exist`;
    if (new Set(node.children).size !== node.children.length) return `node ${id} lists a child twice`;
    for (const child of node.children) {
      if (store.get(world, child)?.parent !== id)
        return `child ${child} of ${id} has parent ${store.get(world, child)?.parent}`;
      stack.push(child);
    }
  }
  // every node, attached or not: its parent lists it, and following parents terminates
  for (const [id, node] of dumpNodes(store, world, MODEL_IDS)) {
    if (node.parent !== null && !store.get(world, node.parent)?.children.includes(id)) {
      return `node ${id} claims parent ${node.parent}, which does not list it`;
    }
    let steps = 0;
    for (let p = node.parent; p !== null; p = store.get(world, p)?.parent ?? null) {
      if (++steps > MODEL_IDS.length) return `the parent chain of node ${id} loops`;
    }
  }
  return undefined;
}

const invalidOpArb: fc.Arbitrary<unknown> = fc.constantFrom<unknown>(
  { op: 'bogus', id: 1 },
  { op: 'create', id: -1, kind: 'view' },
  { op: 'create', id: 1 },
  { op: 'setProp', id: 1, name: 'opacity', value: 2 },
  { op: 'setProp', id: 2, name: 'x', value: Number.NaN },
  { op: 'setProp', id: 1, name: 'backgroundColor', value: 'red;background:url(x)' },
  { op: 'remove' },
  null,
);

const batchArb: fc.Arbitrary<{ world: WorldId; ops: unknown[] }> = fc.record({
  world: fc.constantFrom<WorldId>('legacy', 'wasm'),
  ops: fc.array(
    fc.oneof(
      { weight: 12, arbitrary: sceneOpArb(MAX_ID) as fc.Arbitrary<unknown> },
      // bias towards ops that build structure, so trees get deep enough to matter
      {
        weight: 6,
        arbitrary: fc.record({
          op: fc.constant('create'),
          id: fc.integer({ min: 1, max: MAX_ID }),
          kind: fc.constantFrom<NodeKind>('view', 'text', 'image'),
        }),
      },
      {
        weight: 6,
        arbitrary: fc.record({
          op: fc.constant('append'),
          parent: fc.integer({ min: 0, max: MAX_ID }),
          child: fc.integer({ min: 1, max: MAX_ID }),
        }),
      },
      { weight: 1, arbitrary: invalidOpArb },
    ),
    { minLength: 1, maxLength: 6 },
  ),
});

describe('SceneStore: property tests', () => {
  it('random batches: tree invariants hold, rejected batches change nothing, results match a reference model', () => {
    let applied = 0;
    let rejected = 0;
    fc.assert(
      fc.property(fc.array(batchArb, { minLength: 1, maxLength: 30 }), (batches) => {
        const store = new SceneStore();
        const models: Record<WorldId, Model> = { legacy: emptyModel(), wasm: emptyModel() };
        for (const { world, ops } of batches) {
          const before = { legacy: stateOf(store, 'legacy'), wasm: stateOf(store, 'wasm') };
          for (const w of WORLDS) store.takeChanges(w);
          const result = store.apply(world, ops);
          const expected = applyToModel(models[world], ops);
          expect(result.ok, `store and model disagree on ${JSON.stringify(ops)}`).toBe(
            expected !== undefined,
          );
          if (expected !== undefined) {
            applied++;
            models[world] = expected;
          } else {
            rejected++;
            expect(stateOf(store, world)).toEqual(before[world]);
            expect(changesOf(store.takeChanges(world))).toEqual(NO_CHANGES);
          }
          expect(stateOf(store, other(world))).toEqual(before[other(world)]);
          for (const w of WORLDS) {
            expect(treeViolation(store, w)).toBeUndefined();
            expect(dumpNodes(store, w, MODEL_IDS)).toEqual(modelDump(models[w]));
            expect(store.size(w)).toBe(models[w].size);
          }
        }
      }),
      { numRuns: 300 },
    );
    // both outcomes must actually be exercised
    expect(applied).toBeGreaterThan(100);
    expect(rejected).toBeGreaterThan(100);
  });

  it('every prop is accepted on exactly the kinds PROPS lists', () => {
    for (const name of Object.keys(PROPS) as PropName[]) {
      for (const kind of ['view', 'text', 'image'] as const) {
        const store = new SceneStore();
        applyOk(store, 'wasm', [{ op: 'create', id: 1, kind }]);
        const result = store.apply('wasm', [{ op: 'setProp', id: 1, name, value: null }]);
        expect(result.ok, `${name} on ${kind}`).toBe(PROPS[name].kinds.includes(kind));
      }
    }
  });
});
