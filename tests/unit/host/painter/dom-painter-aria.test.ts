// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { SceneOp } from '../../../../bridge/index.ts';
import { ARIA_ROLES, ariaAttributes, spokenName } from '../../../../host/painter/aria.ts';
import { paintedScene } from './painter-fixture.ts';

type Scene = ReturnType<typeof paintedScene>;
let scene: Scene;
const open = (...args: Parameters<typeof paintedScene>): Scene => {
  scene = paintedScene(...args);
  return scene;
};
afterEach(() => scene?.dispose());

/** A page container (id `page`) with a heading and two labelled buttons, under the world root. */
function pageOps(page: number, heading: string, buttons: readonly [string, string]): SceneOp[] {
  return [
    { op: 'create', id: page, kind: 'view' },
    { op: 'create', id: page + 1, kind: 'text' },
    { op: 'setProp', id: page + 1, name: 'text', value: heading },
    { op: 'setProp', id: page + 1, name: 'role', value: 'heading' },
    { op: 'append', parent: page, child: page + 1 },
    ...buttons.flatMap((label, index): SceneOp[] => {
      const id = page + 2 + index;
      return [
        { op: 'create', id, kind: 'view' },
        { op: 'setProp', id, name: 'focusKey', value: `b${page}-${index}` },
        { op: 'setProp', id, name: 'role', value: 'button' },
        { op: 'setProp', id, name: 'label', value: label },
        { op: 'append', parent: page, child: id },
      ];
    }),
    { op: 'append', parent: 0, child: page },
  ];
}

describe('ariaAttributes', () => {
  it('maps each role, and says "text" with no role', () => {
    expect(ARIA_ROLES.image).toBe('img');
    expect(ariaAttributes('view', { role: 'button' })).toEqual({ role: 'button' });
    expect(ariaAttributes('text', { role: 'text', text: 'Hi' })).toEqual({});
    expect(
      ariaAttributes('view', { role: 'listitem', label: 'Arrival', description: '2016, 116 min' }),
    ).toEqual({
      role: 'listitem',
      'aria-label': 'Arrival',
      'aria-description': '2016, 116 min',
    });
  });

  it('makes focusable nodes focusable by script only, and gives images their label as alt', () => {
    expect(ariaAttributes('view', { focusKey: 'play' })).toEqual({ tabindex: '-1' });
    expect(ariaAttributes('image', {})).toEqual({ alt: '' });
    expect(ariaAttributes('image', { role: 'image', label: 'Poster' })).toEqual({
      role: 'img',
      'aria-label': 'Poster',
      alt: 'Poster',
    });
  });

  it('names a node by its label, else its text, never by blank text', () => {
    expect(spokenName({ label: 'Play', text: 'ignored' })).toBe('Play');
    expect(spokenName({ text: 'Settings' })).toBe('Settings');
    expect(spokenName({ text: '  ' })).toBeUndefined();
    expect(spokenName({})).toBeUndefined();
  });
});

describe('DomPainter: accessibility', () => {
  it('writes role, aria-label, aria-description and tabindex, and removes them when cleared', () => {
    const { painter, apply, mustElement } = open();
    apply('wasm', [
      { op: 'create', id: 1, kind: 'view' },
      { op: 'setProp', id: 1, name: 'role', value: 'button' },
      { op: 'setProp', id: 1, name: 'label', value: 'Play <b>now</b>' },
      { op: 'setProp', id: 1, name: 'description', value: 'From the start' },
      { op: 'setProp', id: 1, name: 'focusKey', value: 'play' },
      { op: 'append', parent: 0, child: 1 },
    ]);
    painter.paint();
    const element = mustElement('wasm', 1);
    expect(element.getAttribute('role')).toBe('button');
    // An attribute value, never markup.
    expect(element.getAttribute('aria-label')).toBe('Play <b>now</b>');
    expect(element.children).toHaveLength(0);
    expect(element.getAttribute('aria-description')).toBe('From the start');
    expect(element.getAttribute('tabindex')).toBe('-1');

    apply('wasm', [
      { op: 'setProp', id: 1, name: 'role', value: 'image' },
      { op: 'setProp', id: 1, name: 'label', value: null },
      { op: 'setProp', id: 1, name: 'description', value: null },
      { op: 'setProp', id: 1, name: 'focusKey', value: null },
    ]);
    painter.paint();
    expect(element.getAttribute('role')).toBe('img');
    for (const attribute of ['aria-label', 'aria-description', 'tabindex'])
      expect(element.hasAttribute(attribute)).toBe(false);
  });

  it('keeps an image decorative (alt="") until it has a label', () => {
    const { painter, apply, mustElement } = open();
    apply('wasm', [
      { op: 'create', id: 1, kind: 'image' },
      { op: 'append', parent: 0, child: 1 },
    ]);
    painter.paint();
    const image = mustElement('wasm', 1);
    expect(image.getAttribute('alt')).toBe('');
    apply('wasm', [{ op: 'setProp', id: 1, name: 'label', value: 'Poster of Arrival' }]);
    painter.paint();
    expect(image.getAttribute('alt')).toBe('Poster of Arrival');
  });

  it('gives the focused node DOM focus, following focus moves and a node painted later', () => {
    const { painter, apply, mustElement } = open({ visibleWorld: 'wasm' });
    painter.setFocused('wasm', 3); // before the node exists: focus comes with its paint
    apply('wasm', pageOps(1, 'Home', ['Search', 'Settings']));
    painter.paint();
    expect(document.activeElement).toBe(mustElement('wasm', 3));
    painter.setFocused('wasm', 4);
    expect(document.activeElement).toBe(mustElement('wasm', 4));
    expect(mustElement('wasm', 4).hasAttribute('data-ficus-focused')).toBe(true);
  });

  it('does not take DOM focus from a field outside the stage, nor give it to a hidden world', () => {
    const { painter, apply, mustElement } = open({ visibleWorld: 'legacy' });
    apply('wasm', pageOps(1, 'Home', ['Search', 'Settings']));
    painter.paint();
    painter.setFocused('wasm', 3);
    expect(document.activeElement).not.toBe(mustElement('wasm', 3));
    painter.setVisibleWorld('wasm');
    expect(document.activeElement).toBe(mustElement('wasm', 3));

    const field = document.createElement('input');
    document.body.append(field);
    field.focus();
    painter.setFocused('wasm', 4);
    expect(document.activeElement).toBe(field);
    field.remove();
  });

  it('keeps DOM focus where it was when asked not to manage it', () => {
    const { painter, apply, mustElement } = open({ visibleWorld: 'wasm', domFocus: false });
    apply('wasm', pageOps(1, 'Home', ['Search', 'Settings']));
    painter.paint();
    painter.setFocused('wasm', 3);
    expect(document.activeElement).not.toBe(mustElement('wasm', 3));
  });

  it('says the page name with its first focus, then each focus move, in a polite live region', () => {
    const { painter, apply, container } = open({ visibleWorld: 'wasm' });
    const region = container.querySelector('[data-ficus-live-region]');
    expect(region?.getAttribute('role')).toBe('status');
    expect(region?.getAttribute('aria-live')).toBe('polite');
    expect(painter.stage.contains(region)).toBe(false);

    apply('wasm', pageOps(1, 'Home', ['Search', 'Settings']));
    painter.setPage('wasm', 'collections');
    painter.setFocused('wasm', 3);
    painter.paint();
    expect(painter.liveRegion.text).toBe('Home, Search');

    painter.setFocused('wasm', 4);
    painter.paint();
    expect(painter.liveRegion.text).toBe('Settings');

    // Nothing new to say: the region keeps its words (a reader says nothing again).
    const before = region?.firstChild;
    painter.paint();
    expect(region?.firstChild).toBe(before);

    // The focused node's label changes (a toggle): said again.
    apply('wasm', [{ op: 'setProp', id: 4, name: 'label', value: 'Settings, 2 new' }]);
    painter.paint();
    expect(painter.liveRegion.text).toBe('Settings, 2 new');
  });

  it('says a page only once its world is shown, and its page id when it has no heading', () => {
    const { painter, apply } = open({ visibleWorld: 'legacy' });
    apply('wasm', [
      { op: 'create', id: 1, kind: 'view' },
      { op: 'setProp', id: 1, name: 'focusKey', value: 'only' },
      { op: 'setProp', id: 1, name: 'label', value: 'Only button' },
      { op: 'append', parent: 0, child: 1 },
    ]);
    painter.setPage('wasm', 'settings');
    painter.setFocused('wasm', 1);
    painter.paint();
    expect(painter.liveRegion.text).toBe('');
    painter.setVisibleWorld('wasm');
    painter.paint();
    expect(painter.liveRegion.text).toBe('settings, Only button');
  });

  it("waits for the page's first focus to say it (a loading page has no heading yet)", () => {
    const { painter, apply } = open({ visibleWorld: 'wasm' });
    apply('wasm', [
      { op: 'create', id: 1, kind: 'text' },
      { op: 'setProp', id: 1, name: 'text', value: 'Loading…' },
      { op: 'append', parent: 0, child: 1 },
    ]);
    painter.setPage('wasm', 'profiles');
    painter.paint();
    expect(painter.liveRegion.text).toBe('');
    apply('wasm', [{ op: 'remove', id: 1 }, ...pageOps(10, "Who's watching?", ['Alex', 'Sam'])]);
    painter.setFocused('wasm', 12);
    painter.paint();
    expect(painter.liveRegion.text).toBe("Who's watching?, Alex");
  });

  it('skips the heading of a hidden page (the one on its way out) when naming the page', () => {
    const { painter, apply } = open({ visibleWorld: 'wasm' });
    apply('wasm', [...pageOps(1, 'Old page', ['A', 'B']), ...pageOps(10, 'New page', ['C', 'D'])]);
    apply('wasm', [{ op: 'setProp', id: 1, name: 'visible', value: false }]);
    painter.setPage('wasm', 'details');
    painter.setFocused('wasm', 12);
    painter.paint();
    expect(painter.liveRegion.text).toBe('New page, C');
  });

  it('removes the live region on dispose', () => {
    const { painter, container } = open();
    painter.dispose();
    expect(container.querySelector('[data-ficus-live-region]')).toBeNull();
  });
});
