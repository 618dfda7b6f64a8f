import { describe, expect, it } from 'vitest';
import type { FocusChangeEvent, SceneOp } from '../../../../bridge/index.ts';
import { FocusEngine, type FocusEngineOptions } from '../../../../host/focus/focus-engine.ts';
import { SceneStore } from '../../../../host/scene/scene-store.ts';
import { type FixtureNode, opsFor, tile, view } from '../../../support/scene-fixture.ts';

// Focus is never lost for good (ARCHITECTURE.md, Focus and input): a page's panels come and go
// (error → loading → error → content), focused nodes disappear, pages replace pages.

function setup(options: FocusEngineOptions = {}) {
  const store = new SceneStore();
  const engine = new FocusEngine(store, 'legacy', { now: () => 0, ...options });
  const events: FocusChangeEvent[] = [];
  engine.onChange((event) => events.push(event));
  let nextId = 1;
  /** Builds `nodes` under `parent` (the root by default); returns the id of the first one. */
  const add = (nodes: readonly FixtureNode[], parent = 0): number => {
    const first = nextId;
    const built = opsFor(nodes, parent, nextId);
    nextId = built.nextId;
    apply(built.ops);
    return first;
  };
  const apply = (ops: readonly SceneOp[]) => {
    const result = store.apply('legacy', ops);
    if (!result.ok) throw result.error;
    engine.sceneChanged();
  };
  return { store, engine, events, add, apply, key: () => engine.focused?.focusKey ?? null };
}

describe('focus engine: focus lost to an empty scene comes back', () => {
  it('Retry → loading panel (nothing focusable) → error again → content: always focused once there is something', () => {
    const { engine, add, apply, key, events } = setup();
    const page = add([view({ width: 1920, height: 1080, preferredChild: 'retry' })]);
    const panel = add([view({ x: 560, y: 400, width: 800, height: 280 }, [tile('retry', 40, 170)])], page);
    engine.focusInitial();
    expect(key()).toBe('retry');

    // Retry pressed: the error panel becomes a loading panel, with nothing to focus.
    apply([{ op: 'remove', id: panel }]);
    add([view({ x: 560, y: 400, width: 800, height: 280 })], page);
    expect(key()).toBeNull();
    expect(events.at(-1)).toMatchObject({ type: 'blur', focusKey: 'retry' });

    // The request failed again: the new Retry takes focus as soon as it is drawn.
    apply([{ op: 'remove', id: page + 3 }]);
    const again = add([view({ x: 560, y: 400, width: 800, height: 280 }, [tile('retry', 40, 170)])], page);
    expect(key()).toBe('retry');

    // Retry again, and this time the content comes: the page's preferred child takes focus.
    apply([{ op: 'remove', id: again }]);
    add([view({ x: 560, y: 400, width: 800, height: 280 })], page);
    expect(key()).toBeNull();
    apply([
      { op: 'setProp', id: page, name: 'preferredChild', value: 'card-2' },
      { op: 'remove', id: again + 2 },
    ]);
    add([tile('card-1', 100, 400), tile('card-2', 400, 400)], page);
    expect(key()).toBe('card-2');
  });

  it('stays unfocused after blur(), whatever the scene does (a hidden world never shows focus)', () => {
    const { engine, add, key } = setup();
    add([tile('a', 100, 100)]);
    engine.focusInitial();
    engine.blur();
    add([tile('b', 400, 100)]);
    expect(key()).toBeNull();
  });

  it('goes to the surviving container’s preferred child when the focused node is replaced', () => {
    const { engine, add, apply, key } = setup();
    const page = add([view({ width: 1920, height: 1080, preferredChild: 'retry' })]);
    const panel = add([view({ x: 560, y: 400, width: 800, height: 280 }, [tile('retry', 40, 170)])], page);
    engine.focusInitial();
    // One commit swaps the error panel for the content and names where focus starts.
    const id = 100;
    apply([
      { op: 'remove', id: panel },
      { op: 'setProp', id: page, name: 'preferredChild', value: 'second' },
      ...opsFor([tile('first', 100, 100), tile('second', 400, 100)], page, id).ops,
    ]);
    expect(key()).toBe('second'); // not 'first', the top-left node of the page
  });
});

describe('focus engine: page layers', () => {
  /** A full-stage page layer under the root holding `children`. */
  const layer = (children: readonly FixtureNode[], hidden = false) =>
    view({ width: 1920, height: 1080, ...(hidden ? { visible: false } : {}) }, children);

  it('keeps focus on the page on top, and moves it to the next page in the change that shows it', () => {
    const { engine, add, apply, key, store } = setup({ pageLayers: true });
    const first = add([layer([tile('a', 100, 100), tile('shared', 400, 100)])]);
    engine.focusInitial();
    expect(key()).toBe('a');
    // The next page is mounted hidden on top of it: it cannot take focus yet.
    const next = add([layer([tile('shared', 100, 600), tile('c', 400, 600)], true)]);
    expect(engine.pageLayer()).toBe(first);
    expect(engine.focusByKey('c')).toBe(false);
    expect(engine.move('down')).toEqual({ moved: false, reason: 'no-candidate' });
    engine.move('right');
    expect(engine.focused?.nodeId).toBe(first + 2); // the first page's "shared", not the hidden one

    // Revealed: focus goes to the new page's initial focus, in the same change.
    apply([{ op: 'setProp', id: next, name: 'visible', value: null }]);
    expect(engine.pageLayer()).toBe(next);
    expect(key()).toBe('shared');
    expect(engine.focused?.nodeId).toBe(next + 1);
    // The page being left, still drawn beneath, is out of reach.
    expect(engine.move('up')).toEqual({ moved: false, reason: 'no-candidate' });
    apply([{ op: 'remove', id: first }]);
    expect(key()).toBe('shared');
    expect(store.root('legacy').children).toEqual([next]);
  });

  it('without page layers, the whole world is one page', () => {
    const { engine, add, store } = setup();
    add([tile('a', 100, 100), tile('b', 400, 100)]);
    expect(engine.pageLayer()).toBe(store.root('legacy').id);
    engine.focusInitial();
    engine.move('right');
    expect(engine.focused?.focusKey).toBe('b');
  });
});
