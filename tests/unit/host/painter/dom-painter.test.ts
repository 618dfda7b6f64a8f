// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { FOCUS_RING_CSS } from '../../../../host/painter/focus-ring.ts';
import { paintedScene, views } from './painter-fixture.ts';

type Scene = ReturnType<typeof paintedScene>;
let scene: Scene;
const open = (...args: Parameters<typeof paintedScene>): Scene => {
  scene = paintedScene(...args);
  return scene;
};
afterEach(() => scene?.dispose());

describe('DomPainter: elements', () => {
  it('gives each world a root element covering the stage, with its root node inside', () => {
    const { painter, worldRoot, mustElement } = open();
    painter.paint();
    for (const world of ['legacy', 'wasm'] as const) {
      const root = worldRoot(world);
      expect(root.parentElement).toBe(painter.stage);
      expect(root.style.position).toBe('absolute');
      expect(root.style.width).toBe('100%');
      expect(root.style.height).toBe('100%');
      expect(mustElement(world, 0).parentElement).toBe(root);
    }
  });

  it('paints each kind as an absolutely positioned element at its parent-relative box', () => {
    const { painter, apply, mustElement } = open();
    apply('wasm', [
      { op: 'create', id: 1, kind: 'view' },
      { op: 'setProp', id: 1, name: 'x', value: 100 },
      { op: 'setProp', id: 1, name: 'y', value: 50 },
      { op: 'setProp', id: 1, name: 'width', value: 400 },
      { op: 'setProp', id: 1, name: 'height', value: 300 },
      { op: 'setProp', id: 1, name: 'backgroundColor', value: '#102030' },
      { op: 'setProp', id: 1, name: 'opacity', value: 0.75 },
      { op: 'setProp', id: 1, name: 'zIndex', value: 2 },
      { op: 'setProp', id: 1, name: 'clip', value: true },
      { op: 'setProp', id: 1, name: 'borderRadius', value: 12 },
      { op: 'setProp', id: 1, name: 'borderWidth', value: 4 },
      { op: 'setProp', id: 1, name: 'borderColor', value: '#ffffff' },
      { op: 'append', parent: 0, child: 1 },
      { op: 'create', id: 2, kind: 'text' },
      { op: 'setProp', id: 2, name: 'x', value: 10 },
      { op: 'setProp', id: 2, name: 'y', value: 20 },
      { op: 'setProp', id: 2, name: 'text', value: 'Hello' },
      { op: 'setProp', id: 2, name: 'color', value: '#ff0000' },
      { op: 'setProp', id: 2, name: 'fontSize', value: 32 },
      { op: 'setProp', id: 2, name: 'fontWeight', value: 'bold' },
      { op: 'setProp', id: 2, name: 'textAlign', value: 'center' },
      { op: 'setProp', id: 2, name: 'maxLines', value: 1 },
      { op: 'append', parent: 1, child: 2 },
      { op: 'create', id: 3, kind: 'image' },
      { op: 'setProp', id: 3, name: 'src', value: 'https://cdn.example/poster.jpg' },
      { op: 'setProp', id: 3, name: 'fit', value: 'cover' },
      { op: 'append', parent: 1, child: 3 },
    ]);
    painter.paint();

    const view = mustElement('wasm', 1);
    expect(view.tagName).toBe('DIV');
    expect(view.parentElement).toBe(mustElement('wasm', 0));
    expect(view.style.position).toBe('absolute');
    expect(view.style.boxSizing).toBe('border-box');
    expect([view.style.left, view.style.top, view.style.width, view.style.height]).toEqual([
      '100px',
      '50px',
      '400px',
      '300px',
    ]);
    expect(view.style.backgroundColor).toBe('#102030');
    expect(view.style.opacity).toBe('0.75');
    expect(view.style.zIndex).toBe('2');
    expect(view.style.overflow).toBe('hidden');
    expect(view.style.borderRadius).toBe('12px');
    expect(view.style.borderStyle).toBe('solid');
    expect(view.style.borderWidth).toBe('4px');
    expect(view.style.borderColor).toBe('#ffffff');

    const text = mustElement('wasm', 2);
    expect(text.tagName).toBe('DIV');
    expect(text.parentElement).toBe(view);
    expect(text.textContent).toBe('Hello');
    expect([text.style.left, text.style.top]).toEqual(['10px', '20px']);
    expect(text.style.color).toBe('#ff0000');
    expect(text.style.fontSize).toBe('32px');
    expect(text.style.fontWeight).toBe('bold');
    expect(text.style.textAlign).toBe('center');
    expect(text.style.whiteSpace).toBe('nowrap');
    expect(text.style.textOverflow).toBe('ellipsis');
    expect(text.style.overflow).toBe('hidden');

    const image = mustElement('wasm', 3);
    expect(image.tagName).toBe('IMG');
    expect(image.getAttribute('src')).toBe('https://cdn.example/poster.jpg');
    expect(image.getAttribute('alt')).toBe('');
    expect(image.style.objectFit).toBe('cover');
    expect(image.style.position).toBe('absolute');
  });

  it('keeps each world in its own root, even with the same ids', () => {
    const { painter, apply, mustElement, worldRoot } = open();
    apply('legacy', views(0, [5]));
    apply('wasm', views(0, [6]));
    painter.paint();
    expect(worldRoot('legacy').contains(mustElement('legacy', 5))).toBe(true);
    expect(worldRoot('wasm').querySelector('[data-ficus-node="5"]')).toBeNull();
    expect(worldRoot('wasm').contains(mustElement('wasm', 6))).toBe(true);
  });

  it('paints a scene that was built before the painter existed, on its first paint', () => {
    const { painter, store, apply, childIds } = open();
    apply('wasm', views(0, [1, 2, 3]));
    store.takeChanges('wasm'); // someone else already consumed the dirty lists
    painter.paint();
    expect(childIds('wasm', 0)).toEqual([1, 2, 3]);
  });

  it('does nothing when painting twice with no change', () => {
    const { painter, apply } = open();
    apply('wasm', views(0, [1, 2]));
    painter.paint();
    const observer = new MutationObserver(() => {});
    observer.observe(painter.stage, {
      subtree: true,
      attributes: true,
      childList: true,
      characterData: true,
    });
    painter.paint();
    expect(observer.takeRecords()).toEqual([]);
    observer.disconnect();
  });

  it('stops painting after dispose and removes the stage', () => {
    const { painter, container, apply } = open();
    painter.dispose();
    expect(container.querySelector('[data-ficus-stage]')).toBeNull();
    apply('wasm', views(0, [1]));
    expect(() => painter.paint()).not.toThrow();
    expect(() => painter.setPage('wasm', 'x')).toThrow(/disposed/);
  });
});

describe('DomPainter: observable test hooks', () => {
  it('marks world roots with data-ficus-world', () => {
    const { painter } = open();
    const worlds = [...painter.stage.children].map((root) => root.getAttribute('data-ficus-world'));
    expect(worlds).toEqual(['legacy', 'wasm', null]); // and the focus ring, last: on top of both
  });

  it('sets and removes data-ficus-focus-key with the focusKey prop', () => {
    const { painter, apply, mustElement } = open();
    apply('wasm', [...views(0, [1]), { op: 'setProp', id: 1, name: 'focusKey', value: 'rail-1:tile-3' }]);
    painter.paint();
    expect(mustElement('wasm', 1).getAttribute('data-ficus-focus-key')).toBe('rail-1:tile-3');
    expect(painter.stage.querySelector('[data-ficus-focus-key="rail-1:tile-3"]')).toBe(
      mustElement('wasm', 1),
    );

    apply('wasm', [{ op: 'setProp', id: 1, name: 'focusKey', value: null }]);
    painter.paint();
    expect(mustElement('wasm', 1).hasAttribute('data-ficus-focus-key')).toBe(false);
  });

  it('marks each node element with data-ficus-node', () => {
    const { painter, apply } = open();
    apply('legacy', views(0, [42]));
    painter.paint();
    expect(painter.stage.querySelector('[data-ficus-world="legacy"] [data-ficus-node="42"]')).not.toBeNull();
  });

  it('moves data-ficus-focused from node to node, immediately', () => {
    const { painter, apply, mustElement } = open();
    apply('wasm', views(0, [1, 2]));
    painter.paint();
    painter.setFocused('wasm', 1);
    expect(mustElement('wasm', 1).getAttribute('data-ficus-focused')).toBe('');
    painter.setFocused('wasm', 2);
    expect(mustElement('wasm', 1).hasAttribute('data-ficus-focused')).toBe(false);
    expect(mustElement('wasm', 2).hasAttribute('data-ficus-focused')).toBe(true);
    expect(painter.stage.querySelectorAll('[data-ficus-focused]')).toHaveLength(1);
    painter.setFocused('wasm', null);
    expect(painter.stage.querySelectorAll('[data-ficus-focused]')).toHaveLength(0);
  });

  it('keeps one focus across worlds; a world clearing focus cannot clear the other world’s', () => {
    const { painter, apply, mustElement } = open();
    apply('legacy', views(0, [1]));
    apply('wasm', views(0, [1]));
    painter.paint();
    painter.setFocused('legacy', 1);
    painter.setFocused('wasm', 1);
    expect(mustElement('legacy', 1).hasAttribute('data-ficus-focused')).toBe(false);
    expect(mustElement('wasm', 1).hasAttribute('data-ficus-focused')).toBe(true);
    painter.setFocused('legacy', null);
    expect(mustElement('wasm', 1).hasAttribute('data-ficus-focused')).toBe(true);
  });

  it('focuses a node that does not exist yet as soon as a paint creates it', () => {
    const { painter, apply, mustElement } = open();
    painter.paint();
    painter.setFocused('wasm', 7);
    expect(painter.stage.querySelector('[data-ficus-focused]')).toBeNull();
    apply('wasm', views(0, [7]));
    painter.paint();
    expect(mustElement('wasm', 7).hasAttribute('data-ficus-focused')).toBe(true);
  });

  it('hides every world but the visible one', () => {
    const { painter, worldRoot } = open();
    painter.setVisibleWorld('wasm');
    expect(worldRoot('legacy').style.visibility).toBe('hidden');
    expect(worldRoot('legacy').getAttribute('aria-hidden')).toBe('true');
    expect(worldRoot('wasm').style.visibility).toBe('');
    expect(worldRoot('wasm').hasAttribute('aria-hidden')).toBe(false);

    painter.setVisibleWorld('legacy');
    expect(worldRoot('wasm').style.visibility).toBe('hidden');
    expect(worldRoot('wasm').getAttribute('aria-hidden')).toBe('true');
    expect(worldRoot('legacy').style.visibility).toBe('');
    expect(worldRoot('legacy').hasAttribute('aria-hidden')).toBe(false);

    painter.setVisibleWorld(null);
    expect(worldRoot('legacy').style.visibility).toBe('hidden');
    expect(worldRoot('wasm').style.visibility).toBe('hidden');
  });

  it('shows every world until told otherwise, or the one given as an option', () => {
    const first = open();
    expect(first.worldRoot('legacy').style.visibility).toBe('');
    expect(first.worldRoot('wasm').style.visibility).toBe('');
    first.dispose();
    const second = open({ visibleWorld: 'legacy' });
    expect(second.worldRoot('wasm').style.visibility).toBe('hidden');
    expect(second.worldRoot('legacy').style.visibility).toBe('');
  });

  it('sets and removes data-ficus-page on the world root', () => {
    const { painter, worldRoot } = open();
    painter.setPage('wasm', 'collections');
    expect(worldRoot('wasm').getAttribute('data-ficus-page')).toBe('collections');
    expect(worldRoot('legacy').hasAttribute('data-ficus-page')).toBe(false);
    painter.setPage('wasm', null);
    expect(worldRoot('wasm').hasAttribute('data-ficus-page')).toBe(false);
  });

  it('adds the focus ring stylesheet once per document, unless turned off', () => {
    const rings = (): number => document.querySelectorAll('style[data-ficus-focus-ring]').length;
    const first = open();
    const second = paintedScene();
    expect(rings()).toBe(1);
    expect(document.querySelector('style[data-ficus-focus-ring]')?.textContent).toBe(FOCUS_RING_CSS);
    second.dispose();
    expect(rings()).toBe(1);
    first.dispose();
    expect(rings()).toBe(0);
    open({ focusRing: false });
    expect(rings()).toBe(0);
  });

  it('rejects a world the store does not hold', () => {
    const { painter } = open();
    // @ts-expect-error an unknown world, as a caller outside TypeScript could pass
    expect(() => painter.setPage('flash', 'x')).toThrow(/unknown world "flash"/);
  });
});
