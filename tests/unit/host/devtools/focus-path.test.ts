import { describe, expect, it } from 'vitest';
import { describeFocusPath, focusPath } from '../../../../host/devtools/focus-path.ts';
import { SceneStore } from '../../../../host/scene/scene-store.ts';

describe('the focused node path', () => {
  it("walks from the world's root to the node, with kinds, focus keys, groups and the node's stage rect", () => {
    const store = new SceneStore();
    const result = store.apply('wasm', [
      { op: 'create', id: 1, kind: 'view' },
      { op: 'setProp', id: 1, name: 'x', value: 40 },
      { op: 'create', id: 2, kind: 'view' },
      { op: 'setProp', id: 2, name: 'focusGroup', value: true },
      { op: 'setProp', id: 2, name: 'y', value: 500 },
      { op: 'create', id: 3, kind: 'view' },
      { op: 'setProp', id: 3, name: 'focusKey', value: 'tile:r0:2' },
      { op: 'setProp', id: 3, name: 'x', value: 56 },
      { op: 'setProp', id: 3, name: 'y', value: 40 },
      { op: 'setProp', id: 3, name: 'width', value: 320 },
      { op: 'setProp', id: 3, name: 'height', value: 180 },
      { op: 'append', parent: 0, child: 1 },
      { op: 'append', parent: 1, child: 2 },
      { op: 'append', parent: 2, child: 3 },
    ]);
    expect(result.ok).toBe(true);
    const path = focusPath(store, 'wasm', 3);
    expect(path).toEqual({
      world: 'wasm',
      steps: [
        { id: 0, kind: 'view', focusKey: null, group: false },
        { id: 1, kind: 'view', focusKey: null, group: false },
        { id: 2, kind: 'view', focusKey: null, group: true },
        { id: 3, kind: 'view', focusKey: 'tile:r0:2', group: false },
      ],
      rect: { x: 96, y: 540, width: 320, height: 180 },
    });
    if (path === null) return;
    expect(describeFocusPath(path)).toBe(
      'wasm: view#0 › view#1 › view#2 group › view#3 [tile:r0:2] at 96,540 320×180',
    );
  });

  it('is null for a node the world does not have, and has no rect for a detached one', () => {
    const store = new SceneStore();
    store.apply('legacy', [{ op: 'create', id: 5, kind: 'text' }]);
    expect(focusPath(store, 'legacy', 9)).toBeNull();
    expect(focusPath(store, 'wasm', 5)).toBeNull(); // another world's node is not reachable
    expect(focusPath(store, 'legacy', 5)).toEqual({
      world: 'legacy',
      steps: [{ id: 5, kind: 'text', focusKey: null, group: false }],
      rect: null,
    });
  });
});
