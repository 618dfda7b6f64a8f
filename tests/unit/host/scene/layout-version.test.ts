import { describe, expect, it } from 'vitest';
import { decodeSceneBatch, encodeSceneBatch, isCheckedOps, type SceneOp } from '../../../../bridge/index.ts';
import { collectFocusables } from '../../../../host/focus/focusables.ts';
import { SceneStore } from '../../../../host/scene/scene-store.ts';

// The main thread does only what a change needs: the focusables are walked again only when the
// layout changed, and a batch the decoder validated is not validated again by the store.

const TILES: SceneOp[] = [
  { op: 'create', id: 1, kind: 'view' },
  { op: 'setProp', id: 1, name: 'width', value: 100 },
  { op: 'setProp', id: 1, name: 'height', value: 100 },
  { op: 'setProp', id: 1, name: 'focusKey', value: 'a' },
  { op: 'create', id: 2, kind: 'text' },
  { op: 'setProp', id: 2, name: 'text', value: 'hero' },
  { op: 'append', parent: 0, child: 1 },
  { op: 'append', parent: 0, child: 2 },
];

function store(): SceneStore {
  const s = new SceneStore();
  expect(s.apply('wasm', TILES)).toEqual({ ok: true });
  return s;
}

describe('layout version', () => {
  it('stays the same for text and color changes, so focus moves reuse the focusables', () => {
    const s = store();
    const before = s.layoutVersion('wasm');
    const list = collectFocusables(s, 'wasm');
    s.apply('wasm', [
      { op: 'setProp', id: 2, name: 'text', value: 'another title' },
      { op: 'setProp', id: 1, name: 'backgroundColor', value: '#ffcc00' },
    ]);
    expect(s.layoutVersion('wasm')).toBe(before);
    expect(collectFocusables(s, 'wasm')).toBe(list); // the same list: no walk
  });

  it('changes with position, size, visibility, focus props and the tree, and the focusables follow', () => {
    const s = store();
    const changes: SceneOp[][] = [
      [{ op: 'setProp', id: 1, name: 'x', value: 300 }],
      [{ op: 'setProp', id: 1, name: 'visible', value: false }],
      [{ op: 'setProp', id: 1, name: 'visible', value: null }],
      [{ op: 'setProp', id: 1, name: 'focusKey', value: 'b' }],
      [
        { op: 'create', id: 3, kind: 'view' },
        { op: 'setProp', id: 3, name: 'focusKey', value: 'c' },
        { op: 'append', parent: 0, child: 3 },
      ],
      [{ op: 'remove', id: 3 }],
    ];
    const seen: string[] = [];
    for (const ops of changes) {
      const before = s.layoutVersion('wasm');
      expect(s.apply('wasm', ops)).toEqual({ ok: true });
      expect(s.layoutVersion('wasm')).not.toBe(before);
      seen.push(
        collectFocusables(s, 'wasm')
          .map((f) => `${f.key}@${f.rect.x}`)
          .join(','),
      );
    }
    expect(seen).toEqual(['a@300', '', 'a@300', 'b@300', 'b@300,c@0', 'b@300']);
  });

  it('is not bumped by a rejected batch, nor by a prop set to the value it has', () => {
    const s = store();
    const before = s.layoutVersion('wasm');
    expect(s.apply('wasm', [{ op: 'setProp', id: 1, name: 'width', value: 100 }]).ok).toBe(true);
    expect(
      s.apply('wasm', [
        { op: 'setProp', id: 1, name: 'x', value: 5 },
        { op: 'remove', id: 99 },
      ]).ok,
    ).toBe(false);
    expect(s.layoutVersion('wasm')).toBe(before);
    expect(s.get('wasm', 1)?.props.x).toBeUndefined();
  });

  it('changes when a world is cleared', () => {
    const s = store();
    const before = s.layoutVersion('wasm');
    s.clear('wasm');
    expect(s.layoutVersion('wasm')).not.toBe(before);
    expect(collectFocusables(s, 'wasm')).toEqual([]);
  });
});

describe('checked batches', () => {
  it('apply decoded ops without checking their shape again, and still check them against the tree', () => {
    const decoded = decodeSceneBatch(encodeSceneBatch(TILES));
    if (!decoded.ok) throw new Error(decoded.error.message);
    const s = new SceneStore();
    expect(s.apply('wasm', decoded.ops)).toEqual({ ok: true });
    const again = decodeSceneBatch(encodeSceneBatch([{ op: 'append', parent: 0, child: 42 }]));
    if (!again.ok) throw new Error(again.error.message);
    const refused = s.apply('wasm', again.ops);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('unknown-node');
  });

  it("are still checked for their shape when they are not the decoder's (a copy is not)", () => {
    const s = new SceneStore();
    const refused = s.apply('wasm', [{ op: 'setProp', id: 0, name: 'opacity', value: 7 }]);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('invalid-op');
  });
});

describe('the checked mark', () => {
  it("belongs to the decoder's own array: a copy, or an op pushed into it, is never taken as checked", () => {
    const decoded = decodeSceneBatch(encodeSceneBatch(TILES));
    if (!decoded.ok) throw new Error(decoded.error.message);
    expect(isCheckedOps(decoded.ops)).toBe(true);
    expect(isCheckedOps([...decoded.ops])).toBe(false);
    expect(() => (decoded.ops as unknown as SceneOp[]).push({ op: 'remove', id: 1 })).toThrow(TypeError);
  });
});
