import { describe, expect, it } from 'vitest';
import type { NodeId } from '../../../../bridge/index.ts';
import { absoluteRect, type Rect, shownRect, walkAttached } from '../../../../host/scene/geometry.ts';
import { SceneStore } from '../../../../host/scene/scene-store.ts';
import { applyOk } from './helpers.ts';

/**
 * root
 *  ├─ 1 view   x 100 y 50 (200×300)
 *  │   ├─ 2 view x 10 y 20 (50×60)
 *  │   │   └─ 3 text x 1.5 y -5 (20×10)
 *  │   └─ 4 image (no position: 0,0; 80×90)
 *  └─ 5 view x -30 y 1000
 * 6 view x 7 y 7, with child 7 (detached)
 */
function geometryStore(): SceneStore {
  const store = new SceneStore();
  applyOk(store, 'wasm', [
    { op: 'create', id: 1, kind: 'view' },
    { op: 'setProp', id: 1, name: 'x', value: 100 },
    { op: 'setProp', id: 1, name: 'y', value: 50 },
    { op: 'setProp', id: 1, name: 'width', value: 200 },
    { op: 'setProp', id: 1, name: 'height', value: 300 },
    { op: 'append', parent: 0, child: 1 },
    { op: 'create', id: 2, kind: 'view' },
    { op: 'setProp', id: 2, name: 'x', value: 10 },
    { op: 'setProp', id: 2, name: 'y', value: 20 },
    { op: 'setProp', id: 2, name: 'width', value: 50 },
    { op: 'setProp', id: 2, name: 'height', value: 60 },
    { op: 'append', parent: 1, child: 2 },
    { op: 'create', id: 3, kind: 'text' },
    { op: 'setProp', id: 3, name: 'x', value: 1.5 },
    { op: 'setProp', id: 3, name: 'y', value: -5 },
    { op: 'setProp', id: 3, name: 'width', value: 20 },
    { op: 'setProp', id: 3, name: 'height', value: 10 },
    { op: 'append', parent: 2, child: 3 },
    { op: 'create', id: 4, kind: 'image' },
    { op: 'setProp', id: 4, name: 'width', value: 80 },
    { op: 'setProp', id: 4, name: 'height', value: 90 },
    { op: 'append', parent: 1, child: 4 },
    { op: 'create', id: 5, kind: 'view' },
    { op: 'setProp', id: 5, name: 'x', value: -30 },
    { op: 'setProp', id: 5, name: 'y', value: 1000 },
    { op: 'append', parent: 0, child: 5 },
    { op: 'create', id: 6, kind: 'view' },
    { op: 'setProp', id: 6, name: 'x', value: 7 },
    { op: 'setProp', id: 6, name: 'y', value: 7 },
    { op: 'create', id: 7, kind: 'view' },
    { op: 'append', parent: 6, child: 7 },
  ]);
  return store;
}

describe('absoluteRect', () => {
  it('sums the offsets of every ancestor; size is the node’s own', () => {
    const store = geometryStore();
    expect(absoluteRect(store, 'wasm', 1)).toEqual({ x: 100, y: 50, width: 200, height: 300 });
    expect(absoluteRect(store, 'wasm', 2)).toEqual({ x: 110, y: 70, width: 50, height: 60 });
    expect(absoluteRect(store, 'wasm', 3)).toEqual({ x: 111.5, y: 65, width: 20, height: 10 });
    expect(absoluteRect(store, 'wasm', 4)).toEqual({ x: 100, y: 50, width: 80, height: 90 });
    expect(absoluteRect(store, 'wasm', 5)).toEqual({ x: -30, y: 1000, width: 0, height: 0 });
  });

  it('the root is at the origin unless it has a position', () => {
    const store = geometryStore();
    expect(absoluteRect(store, 'wasm', 0)).toEqual({ x: 0, y: 0, width: 0, height: 0 });
  });

  it('is undefined for detached nodes, nodes under a detached node, and unknown ids', () => {
    const store = geometryStore();
    expect(absoluteRect(store, 'wasm', 6)).toBeUndefined();
    expect(absoluteRect(store, 'wasm', 7)).toBeUndefined();
    expect(absoluteRect(store, 'wasm', 99)).toBeUndefined();
    expect(absoluteRect(store, 'legacy', 1)).toBeUndefined(); // per world
  });

  it('follows moves and prop changes', () => {
    const store = geometryStore();
    applyOk(store, 'wasm', [
      { op: 'append', parent: 5, child: 2 },
      { op: 'setProp', id: 5, name: 'x', value: null },
    ]);
    expect(absoluteRect(store, 'wasm', 3)).toEqual({ x: 11.5, y: 1015, width: 20, height: 10 });
    applyOk(store, 'wasm', [{ op: 'append', parent: 0, child: 6 }]);
    expect(absoluteRect(store, 'wasm', 7)).toEqual({ x: 7, y: 7, width: 0, height: 0 });
    applyOk(store, 'wasm', [{ op: 'remove', id: 5 }]);
    expect(absoluteRect(store, 'wasm', 3)).toBeUndefined();
  });
});

describe('walkAttached', () => {
  interface Visit {
    readonly id: NodeId;
    readonly rect: Rect;
    readonly ancestors: NodeId[];
  }

  const walk = (store: SceneStore): Visit[] => {
    const visits: Visit[] = [];
    walkAttached(store, 'wasm', (node, rect, ancestors) => {
      visits.push({ id: node.id, rect, ancestors: ancestors.map((a) => a.id) });
    });
    return visits;
  };

  it('visits attached nodes depth-first, parents before children, siblings in order', () => {
    expect(walk(geometryStore()).map((v) => v.id)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('passes each node its absolute rect (the same as absoluteRect) and its ancestors', () => {
    const store = geometryStore();
    const visits = walk(store);
    for (const visit of visits) expect(visit.rect).toEqual(absoluteRect(store, 'wasm', visit.id));
    expect(visits.find((v) => v.id === 3)?.ancestors).toEqual([0, 1, 2]);
    expect(visits.find((v) => v.id === 4)?.ancestors).toEqual([0, 1]);
    expect(visits.find((v) => v.id === 0)?.ancestors).toEqual([]);
  });

  it('follows sibling order after reorders, and skips detached nodes', () => {
    const store = geometryStore();
    applyOk(store, 'wasm', [
      { op: 'insertBefore', parent: 0, child: 5, before: 1 },
      { op: 'insertBefore', parent: 1, child: 4, before: 2 },
    ]);
    expect(walk(store).map((v) => v.id)).toEqual([0, 5, 1, 4, 2, 3]);
    applyOk(store, 'wasm', [{ op: 'append', parent: 5, child: 6 }]);
    expect(walk(store).map((v) => v.id)).toEqual([0, 5, 6, 7, 1, 4, 2, 3]);
  });

  it('visits only the root of an empty world', () => {
    const visits: NodeId[] = [];
    walkAttached(new SceneStore(), 'legacy', (node) => visits.push(node.id));
    expect(visits).toEqual([0]);
  });
});

describe('shownRect', () => {
  it('is the laid-out rect when nothing scales, and undefined for a detached node', () => {
    const store = geometryStore();
    expect(shownRect(store, 'wasm', 2)).toEqual(absoluteRect(store, 'wasm', 2));
    expect(shownRect(store, 'wasm', 7)).toBeUndefined();
  });

  it("applies the node's own scale and its ancestors', each about its own center", () => {
    const store = geometryStore();
    applyOk(store, 'wasm', [{ op: 'setProp', id: 2, name: 'scale', value: 2 }]);
    // 50×60 at (110, 70) doubled about its center (135, 100).
    expect(shownRect(store, 'wasm', 2)).toEqual({ x: 85, y: 40, width: 100, height: 120 });
    applyOk(store, 'wasm', [{ op: 'setProp', id: 1, name: 'scale', value: 0.5 }]);
    // Then view 1 (200×300, center (100, 150) in its own box) halves it: in view 1 it was at
    // (-15, -10), now at (100 + (-15 - 100) / 2, 150 + (-10 - 150) / 2) = (42.5, 70), plus view 1's (100, 50).
    expect(shownRect(store, 'wasm', 2)).toEqual({ x: 142.5, y: 120, width: 50, height: 60 });
  });

  it('is undefined when the node or an ancestor is hidden', () => {
    const store = geometryStore();
    applyOk(store, 'wasm', [{ op: 'setProp', id: 1, name: 'visible', value: false }]);
    expect(shownRect(store, 'wasm', 3)).toBeUndefined();
  });
});
