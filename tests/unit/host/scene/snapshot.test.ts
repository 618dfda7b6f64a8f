import { describe, expect, it } from 'vitest';
import type { SceneOp } from '../../../../bridge/index.ts';
import { SceneStore } from '../../../../host/scene/scene-store.ts';
import { sceneTree, snapshotScene } from '../../../../host/scene/snapshot.ts';
import { applyOk } from './helpers.ts';

/** A small page: a rail of two tiles and a title, built with ids chosen by `id`. */
function buildPage(id: (n: number) => number, order: 'forward' | 'shuffled' = 'forward'): SceneOp[] {
  const [page, rail, tileA, tileB, title] = [id(1), id(2), id(3), id(4), id(5)];
  const creates: SceneOp[] = [
    { op: 'create', id: page, kind: 'view' },
    { op: 'create', id: rail, kind: 'view' },
    { op: 'create', id: tileA, kind: 'image' },
    { op: 'create', id: tileB, kind: 'image' },
    { op: 'create', id: title, kind: 'text' },
  ];
  const props: SceneOp[] = [
    { op: 'setProp', id: title, name: 'text', value: 'Home' },
    { op: 'setProp', id: title, name: 'color', value: '#ffffff' },
    { op: 'setProp', id: rail, name: 'y', value: 200 },
    { op: 'setProp', id: rail, name: 'focusGroup', value: true },
    { op: 'setProp', id: tileA, name: 'src', value: 'a.jpg' },
    { op: 'setProp', id: tileA, name: 'focusKey', value: 'tile-a' },
    { op: 'setProp', id: tileB, name: 'src', value: 'b.jpg' },
    { op: 'setProp', id: tileB, name: 'x', value: 300 },
  ];
  const structure: SceneOp[] =
    order === 'forward'
      ? [
          { op: 'append', parent: rail, child: tileA },
          { op: 'append', parent: rail, child: tileB },
          { op: 'append', parent: page, child: title },
          { op: 'append', parent: page, child: rail },
          { op: 'append', parent: 0, child: page },
        ]
      : [
          { op: 'append', parent: 0, child: page },
          { op: 'append', parent: page, child: rail },
          { op: 'insertBefore', parent: page, child: title, before: rail },
          { op: 'append', parent: rail, child: tileB },
          { op: 'insertBefore', parent: rail, child: tileA, before: tileB },
        ];
  return [...creates, ...(order === 'forward' ? props : [...props].reverse()), ...structure];
}

const EXPECTED = [
  'view #0',
  '  view #1',
  '    text #2 color="#ffffff" text="Home"',
  '    view #3 focusGroup=true y=200',
  '      image #4 focusKey="tile-a" src="a.jpg"',
  '      image #5 src="b.jpg" x=300',
].join('\n');

describe('snapshotScene', () => {
  it('prints one line per attached node, indented by depth, props in name order', () => {
    const store = new SceneStore();
    applyOk(
      store,
      'legacy',
      buildPage((n) => n),
    );
    expect(snapshotScene(store, 'legacy')).toBe(EXPECTED);
  });

  it('normalizes ids: different ids, the same scene, the same text', () => {
    const a = new SceneStore();
    const b = new SceneStore();
    applyOk(
      a,
      'legacy',
      buildPage((n) => n),
    );
    applyOk(
      b,
      'wasm',
      buildPage((n) => 1000 + (6 - n) * 7, 'shuffled'),
    );
    expect(snapshotScene(b, 'wasm')).toBe(snapshotScene(a, 'legacy'));
    expect(snapshotScene(b, 'wasm')).toBe(EXPECTED);
  });

  it('sorts props by name whatever order they were set in', () => {
    const store = new SceneStore();
    applyOk(store, 'wasm', [
      { op: 'create', id: 1, kind: 'view' },
      { op: 'setProp', id: 1, name: 'zIndex', value: 2 },
      { op: 'setProp', id: 1, name: 'width', value: 10 },
      { op: 'setProp', id: 1, name: 'backgroundColor', value: '#000' },
      { op: 'setProp', id: 1, name: 'opacity', value: 0.5 },
      { op: 'setProp', id: 1, name: 'clip', value: false },
      { op: 'append', parent: 0, child: 1 },
    ]);
    expect(snapshotScene(store, 'wasm')).toBe(
      'view #0\n  view #1 backgroundColor="#000" clip=false opacity=0.5 width=10 zIndex=2',
    );
    expect(Object.keys(sceneTree(store, 'wasm').children[0]?.props ?? {})).toEqual([
      'backgroundColor',
      'clip',
      'opacity',
      'width',
      'zIndex',
    ]);
  });

  it('excludes detached nodes and detached subtrees, and renumbers around them', () => {
    const store = new SceneStore();
    applyOk(store, 'wasm', [
      ...buildPage((n) => n),
      { op: 'create', id: 10, kind: 'view' },
      { op: 'create', id: 11, kind: 'text' },
      { op: 'append', parent: 10, child: 11 },
    ]);
    expect(snapshotScene(store, 'wasm')).toBe(EXPECTED);
    applyOk(store, 'wasm', [{ op: 'append', parent: 0, child: 10 }]);
    expect(snapshotScene(store, 'wasm')).toBe(`${EXPECTED}\n  view #6\n    text #7`);
  });

  it('keeps text as data: quotes and escapes it, never interprets it', () => {
    const store = new SceneStore();
    applyOk(store, 'wasm', [
      { op: 'create', id: 1, kind: 'text' },
      { op: 'setProp', id: 1, name: 'text', value: 'a "quoted"\nline <b>' },
      { op: 'append', parent: 0, child: 1 },
    ]);
    expect(snapshotScene(store, 'wasm')).toBe('view #0\n  text #1 text="a \\"quoted\\"\\nline <b>"');
  });

  it('differs when the scene differs (order, props, kinds)', () => {
    const base = new SceneStore();
    applyOk(
      base,
      'wasm',
      buildPage((n) => n),
    );
    const reordered = new SceneStore();
    applyOk(reordered, 'wasm', [...buildPage((n) => n), { op: 'append', parent: 2, child: 3 }]);
    const changedProp = new SceneStore();
    applyOk(changedProp, 'wasm', [...buildPage((n) => n), { op: 'setProp', id: 4, name: 'x', value: 301 }]);
    expect(snapshotScene(reordered, 'wasm')).not.toBe(snapshotScene(base, 'wasm'));
    expect(snapshotScene(changedProp, 'wasm')).not.toBe(snapshotScene(base, 'wasm'));
  });

  it('shows a cleared prop as gone', () => {
    const store = new SceneStore();
    applyOk(store, 'wasm', [...buildPage((n) => n), { op: 'setProp', id: 4, name: 'x', value: null }]);
    expect(snapshotScene(store, 'wasm')).toBe(EXPECTED.replace(' x=300', ''));
  });
});

describe('sceneTree', () => {
  it('returns the attached scene without ids', () => {
    const store = new SceneStore();
    applyOk(
      store,
      'legacy',
      buildPage((n) => n * 11),
    );
    expect(sceneTree(store, 'legacy')).toEqual({
      kind: 'view',
      props: {},
      children: [
        {
          kind: 'view',
          props: {},
          children: [
            { kind: 'text', props: { color: '#ffffff', text: 'Home' }, children: [] },
            {
              kind: 'view',
              props: { focusGroup: true, y: 200 },
              children: [
                { kind: 'image', props: { focusKey: 'tile-a', src: 'a.jpg' }, children: [] },
                { kind: 'image', props: { src: 'b.jpg', x: 300 }, children: [] },
              ],
            },
          ],
        },
      ],
    });
  });

  it('is a copy: changing the store later does not change a tree taken earlier', () => {
    const store = new SceneStore();
    applyOk(
      store,
      'legacy',
      buildPage((n) => n),
    );
    const before = sceneTree(store, 'legacy');
    const text = snapshotScene(store, 'legacy');
    applyOk(store, 'legacy', [
      { op: 'setProp', id: 5, name: 'text', value: 'Changed' },
      { op: 'remove', id: 2 },
    ]);
    expect(before.children[0]?.children[0]?.props).toEqual({ color: '#ffffff', text: 'Home' });
    expect(before.children[0]?.children.length).toBe(2);
    expect(snapshotScene(store, 'legacy')).not.toBe(text);
  });
});
