// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { SceneOp } from '../../../../bridge/index.ts';
import { paintedScene, views } from './painter-fixture.ts';

type Scene = ReturnType<typeof paintedScene>;
let scene: Scene;
const open = (): Scene => {
  scene = paintedScene();
  return scene;
};
afterEach(() => scene?.dispose());

/** Records every DOM mutation under the stage made by `action`. */
function mutationsDuring(stage: HTMLElement, action: () => void): MutationRecord[] {
  const observer = new MutationObserver(() => {});
  observer.observe(stage, { subtree: true, attributes: true, childList: true, characterData: true });
  action();
  const records = observer.takeRecords();
  observer.disconnect();
  return records;
}

/** A root with three rows of three tiles: 1..3 rows, 11..13, 21..23, 31..33 tiles; 100 is a text in tile 22. */
function grid(): SceneOp[] {
  const ops: SceneOp[] = views(0, [1, 2, 3]);
  for (const row of [1, 2, 3]) {
    const tiles = [1, 2, 3].map((column) => row * 10 + column);
    ops.push(...views(row, tiles));
    for (const tile of tiles) ops.push({ op: 'setProp', id: tile, name: 'x', value: tile * 5 });
  }
  ops.push(
    { op: 'create', id: 100, kind: 'text' },
    { op: 'setProp', id: 100, name: 'text', value: 'Title' },
    { op: 'append', parent: 22, child: 100 },
  );
  return ops;
}

describe('DomPainter: only dirty nodes are touched', () => {
  it('changing one style prop of one node mutates only that node’s element', () => {
    const { painter, apply, mustElement } = open();
    apply('wasm', grid());
    painter.paint();
    const target = mustElement('wasm', 22);

    apply('wasm', [{ op: 'setProp', id: 22, name: 'backgroundColor', value: '#00ff00' }]);
    const records = mutationsDuring(painter.stage, () => painter.paint());

    expect(records.length).toBeGreaterThan(0);
    for (const record of records) expect(record.target).toBe(target);
    expect(target.style.backgroundColor).toBe('#00ff00');
  });

  it('changing one text mutates only that text element’s own text', () => {
    const { painter, apply, mustElement } = open();
    apply('wasm', grid());
    painter.paint();
    const target = mustElement('wasm', 100);

    apply('wasm', [{ op: 'setProp', id: 100, name: 'text', value: 'New title' }]);
    const records = mutationsDuring(painter.stage, () => painter.paint());

    expect(records.length).toBeGreaterThan(0);
    for (const record of records) {
      const owner = record.target === target ? target : record.target.parentNode;
      expect(owner).toBe(target);
    }
    expect(target.textContent).toBe('New title');
  });

  it('moving one child moves exactly one element', () => {
    const { painter, apply, childIds, mustElement } = open();
    apply('wasm', views(0, [1, 2, 3, 4, 5]));
    painter.paint();
    apply('wasm', [{ op: 'insertBefore', parent: 0, child: 5, before: 1 }]);
    const records = mutationsDuring(painter.stage, () => painter.paint());

    expect(childIds('wasm', 0)).toEqual([5, 1, 2, 3, 4]);
    const moved = records.flatMap((record) => [...record.addedNodes]);
    expect(moved).toEqual([mustElement('wasm', 5)]);
  });
});

describe('DomPainter: structure', () => {
  it('matches the store’s child order after arbitrary moves', () => {
    const { painter, apply, store, childIds } = open();
    apply('wasm', views(0, [1, 2, 3, 4, 5, 6]));
    painter.paint();
    apply('wasm', [
      { op: 'insertBefore', parent: 0, child: 6, before: 2 },
      { op: 'append', parent: 0, child: 1 },
      { op: 'insertBefore', parent: 0, child: 4, before: 6 },
    ]);
    painter.paint();
    expect(childIds('wasm', 0)).toEqual([...store.root('wasm').children]);
    expect(childIds('wasm', 0)).toEqual([4, 6, 2, 3, 5, 1]);
  });

  it('moves a subtree to a new parent', () => {
    const { painter, apply, childIds } = open();
    apply('wasm', [...views(0, [1, 2]), ...views(1, [10, 11]), ...views(10, [100])]);
    painter.paint();
    apply('wasm', [{ op: 'append', parent: 2, child: 10 }]);
    painter.paint();
    expect(childIds('wasm', 1)).toEqual([11]);
    expect(childIds('wasm', 2)).toEqual([10]);
    expect(childIds('wasm', 10)).toEqual([100]);
  });

  it('keeps a child that moves out of a parent removed in the same frame', () => {
    const { painter, apply, childIds, element } = open();
    apply('wasm', [...views(0, [1, 2]), ...views(1, [10])]);
    painter.paint();
    apply('wasm', [
      { op: 'append', parent: 2, child: 10 },
      { op: 'remove', id: 1 },
    ]);
    painter.paint();
    expect(element('wasm', 1)).toBeNull();
    expect(childIds('wasm', 2)).toEqual([10]);
  });

  it('removing a node deletes the elements of its whole subtree', () => {
    const { painter, apply, element, childIds, worldRoot } = open();
    apply('wasm', [...views(0, [1, 2]), ...views(1, [10, 11]), ...views(10, [100])]);
    painter.paint();
    const subtree = [1, 10, 11, 100].map((id) => element('wasm', id));
    apply('wasm', [{ op: 'remove', id: 1 }]);
    painter.paint();
    for (const id of [1, 10, 11, 100]) expect(element('wasm', id)).toBeNull();
    for (const gone of subtree) expect(worldRoot('wasm').contains(gone)).toBe(false);
    expect(childIds('wasm', 0)).toEqual([2]);
  });

  it('skips a node created and removed in the same frame', () => {
    const { painter, apply, element, childIds } = open();
    painter.paint();
    apply('wasm', [
      ...views(0, [1, 2]),
      { op: 'setProp', id: 2, name: 'x', value: 5 },
      { op: 'remove', id: 2 },
    ]);
    painter.paint();
    expect(element('wasm', 2)).toBeNull();
    expect(childIds('wasm', 0)).toEqual([1]);
  });

  it('replaces a node whose id is reused by a node of another kind', () => {
    const { painter, apply, mustElement, childIds } = open();
    apply('wasm', [
      ...views(0, [1, 2, 3]),
      { op: 'setProp', id: 2, name: 'backgroundColor', value: '#ff0000' },
    ]);
    painter.paint();
    const old = mustElement('wasm', 2);
    apply('wasm', [
      { op: 'remove', id: 2 },
      { op: 'create', id: 2, kind: 'image' },
      { op: 'setProp', id: 2, name: 'src', value: 'https://cdn.example/a.png' },
      { op: 'insertBefore', parent: 0, child: 2, before: 1 },
    ]);
    painter.paint();
    const replacement = mustElement('wasm', 2);
    expect(replacement).not.toBe(old);
    expect(old.isConnected).toBe(false);
    expect(replacement.tagName).toBe('IMG');
    expect(replacement.style.backgroundColor).toBe('');
    expect(replacement.getAttribute('src')).toBe('https://cdn.example/a.png');
    expect(childIds('wasm', 0)).toEqual([2, 1, 3]);
    expect(mustElement('wasm', 0).querySelectorAll('[data-ficus-node="2"]')).toHaveLength(1);
  });

  it('gives a reused id of the same kind a fresh element with no leftover styles', () => {
    const { painter, apply, mustElement } = open();
    apply('wasm', [...views(0, [1]), { op: 'setProp', id: 1, name: 'opacity', value: 0.2 }]);
    painter.paint();
    apply('wasm', [{ op: 'remove', id: 1 }, ...views(0, [1])]);
    painter.paint();
    expect(mustElement('wasm', 1).style.opacity).toBe('');
  });

  it('keeps a node that is created but never attached out of the DOM, and paints it when attached', () => {
    const { painter, apply, element, mustElement } = open();
    painter.paint();
    apply('wasm', [
      { op: 'create', id: 1, kind: 'view' },
      { op: 'setProp', id: 1, name: 'x', value: 7 },
    ]);
    painter.paint();
    expect(element('wasm', 1)).toBeNull();
    apply('wasm', [{ op: 'append', parent: 0, child: 1 }]);
    painter.paint();
    expect(mustElement('wasm', 1).style.left).toBe('7px');
  });

  it('empties a world that the store clears', () => {
    const { painter, apply, store, mustElement } = open();
    apply('wasm', [...views(0, [1, 2]), { op: 'setProp', id: 0, name: 'backgroundColor', value: '#000000' }]);
    painter.paint();
    store.clear('wasm');
    painter.paint();
    expect(mustElement('wasm', 0).children).toHaveLength(0);
    expect(mustElement('wasm', 0).style.backgroundColor).toBe('');
  });
});

describe('DomPainter: cleared props', () => {
  it('resets each style when its prop is cleared', () => {
    const { painter, apply, mustElement } = open();
    const set: SceneOp[] = [
      { op: 'create', id: 1, kind: 'text' },
      { op: 'append', parent: 0, child: 1 },
      { op: 'setProp', id: 1, name: 'x', value: 40 },
      { op: 'setProp', id: 1, name: 'width', value: 500 },
      { op: 'setProp', id: 1, name: 'backgroundColor', value: '#123456' },
      { op: 'setProp', id: 1, name: 'opacity', value: 0.5 },
      { op: 'setProp', id: 1, name: 'zIndex', value: 9 },
      { op: 'setProp', id: 1, name: 'borderWidth', value: 3 },
      { op: 'setProp', id: 1, name: 'color', value: '#abcdef' },
      { op: 'setProp', id: 1, name: 'fontSize', value: 40 },
      { op: 'setProp', id: 1, name: 'maxLines', value: 1 },
      { op: 'setProp', id: 1, name: 'text', value: 'Hi' },
    ];
    apply('wasm', set);
    painter.paint();
    const text = mustElement('wasm', 1);
    expect(text.style.whiteSpace).toBe('nowrap');

    const cleared = set.flatMap((op): SceneOp[] =>
      // Cast: a union of every prop's setProp is too large for TypeScript to narrow by `name`.
      op.op === 'setProp' ? [{ op: 'setProp', id: 1, name: op.name, value: null } as SceneOp] : [],
    );
    apply('wasm', cleared);
    painter.paint();
    expect(text.style.left).toBe('0px');
    expect(text.style.width).toBe('');
    expect(text.style.backgroundColor).toBe('');
    expect(text.style.opacity).toBe('');
    expect(text.style.zIndex).toBe('');
    expect(text.style.borderWidth).toBe('');
    expect(text.style.borderStyle).toBe('');
    expect(text.style.color).toBe('');
    expect(text.style.fontSize).toBe('');
    expect(text.style.whiteSpace).toBe('');
    expect(text.style.textOverflow).toBe('');
    expect(text.style.overflow).toBe('');
    expect(text.textContent).toBe('');
    expect(text.style.position).toBe('absolute');
  });

  it('keeps overflow hidden while clip is still set after maxLines is cleared', () => {
    const { painter, apply, mustElement } = open();
    apply('wasm', [
      { op: 'create', id: 1, kind: 'text' },
      { op: 'append', parent: 0, child: 1 },
      { op: 'setProp', id: 1, name: 'clip', value: true },
      { op: 'setProp', id: 1, name: 'maxLines', value: 1 },
    ]);
    painter.paint();
    apply('wasm', [{ op: 'setProp', id: 1, name: 'maxLines', value: null }]);
    painter.paint();
    expect(mustElement('wasm', 1).style.overflow).toBe('hidden');
    expect(mustElement('wasm', 1).style.whiteSpace).toBe('');
  });

  it('removes the image src when src is cleared', () => {
    const { painter, apply, mustElement } = open();
    apply('wasm', [
      { op: 'create', id: 1, kind: 'image' },
      { op: 'append', parent: 0, child: 1 },
      { op: 'setProp', id: 1, name: 'src', value: 'https://cdn.example/a.png' },
    ]);
    painter.paint();
    apply('wasm', [{ op: 'setProp', id: 1, name: 'src', value: null }]);
    painter.paint();
    expect(mustElement('wasm', 1).hasAttribute('src')).toBe(false);
  });
});

describe('DomPainter: containers that move', () => {
  it('moves a view that changed position by translate from then on; a text that moves keeps left/top', () => {
    const { painter, apply, mustElement } = open();
    apply('wasm', [
      ...views(0, [1]),
      { op: 'setProp', id: 1, name: 'x', value: 40 },
      { op: 'create', id: 2, kind: 'text' },
      { op: 'append', parent: 0, child: 2 },
    ]);
    painter.paint();
    const rail = mustElement('wasm', 1);
    expect([rail.style.left, rail.style.translate]).toEqual(['40px', '']); // placed once: plain left
    apply('wasm', [
      { op: 'setProp', id: 1, name: 'x', value: -300 },
      { op: 'setProp', id: 2, name: 'x', value: 5 },
    ]);
    painter.paint();
    expect([rail.style.left, rail.style.translate, rail.style.willChange]).toEqual([
      '0px',
      '-300px 0px',
      'transform',
    ]);
    expect(mustElement('wasm', 2).style.left).toBe('5px');
    apply('wasm', [{ op: 'setProp', id: 1, name: 'backgroundColor', value: '#101010' }]);
    painter.paint();
    expect(rail.style.translate).toBe('-300px 0px'); // stays a mover
  });
});
