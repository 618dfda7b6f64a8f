import { describe, expect, it } from 'vitest';
import { boundaryMask, type FocusChangeEvent } from '../../../../bridge/index.ts';
import { FocusEngine } from '../../../../host/focus/focus-engine.ts';
import { SceneStore } from '../../../../host/scene/scene-store.ts';
import { buildScene, type FixtureNode, tile, view } from '../../../support/scene-fixture.ts';

function engineFor(nodes: readonly FixtureNode[]) {
  const store = new SceneStore();
  buildScene(store, 'legacy', nodes);
  const engine = new FocusEngine(store, 'legacy', { now: () => 0 });
  const events: FocusChangeEvent[] = [];
  engine.onChange((event) => events.push(event));
  return { store, engine, events, key: () => engine.focused?.focusKey };
}

/** A 3×3 grid of 200×120 tiles with 20 px gaps, keys g<row><col>. */
const grid = (): FixtureNode[] => {
  const tiles: FixtureNode[] = [];
  for (let row = 0; row < 3; row++) {
    for (let col = 0; col < 3; col++) tiles.push(tile(`g${row}${col}`, 100 + col * 220, 100 + row * 140));
  }
  return tiles;
};

/** Two horizontal rails, each a focus group of `count` tiles; optional rail props. */
const rails = (count: number, railProps: Parameters<typeof view>[0] = {}): FixtureNode[] =>
  [0, 1].map((rail) =>
    view(
      { x: 0, y: 100 + rail * 300, width: 1920, height: 200, focusGroup: true, ...railProps },
      Array.from({ length: count }, (_, i) => tile(`r${rail}-${i}`, 40 + i * 220, 0)),
    ),
  );

describe('focus engine: grid', () => {
  it('starts top-left and moves in all four directions to the adjacent cell', () => {
    const { engine, key } = engineFor(grid());
    expect(engine.focusInitial()).toBe(true);
    expect(key()).toBe('g00');
    engine.move('right');
    expect(key()).toBe('g01');
    engine.move('down');
    expect(key()).toBe('g11');
    engine.move('left');
    expect(key()).toBe('g10');
    engine.move('up');
    expect(key()).toBe('g00');
  });

  it('stops at the edges with no-candidate and keeps focus', () => {
    const { engine, key } = engineFor(grid());
    engine.focusInitial();
    expect(engine.move('up')).toEqual({ moved: false, reason: 'no-candidate' });
    expect(engine.move('left')).toEqual({ moved: false, reason: 'no-candidate' });
    expect(key()).toBe('g00');
  });

  it('prefers the in-line cell over a nearer diagonal one', () => {
    // From a, Down: b is far but directly below; c is near but off to the side.
    const { engine, key } = engineFor([tile('a', 100, 100), tile('b', 100, 500), tile('c', 400, 260)]);
    engine.focusByKey('a');
    engine.move('down');
    expect(key()).toBe('b');
  });

  it('breaks exact ties deterministically (top first, then left)', () => {
    // Two candidates to the right at the same distance, symmetric above and below.
    const scene = [tile('from', 100, 300), tile('upper', 400, 200), tile('lower', 400, 400)];
    for (let run = 0; run < 3; run++) {
      const { engine, key } = engineFor(scene);
      engine.focusByKey('from');
      engine.move('right');
      expect(key()).toBe('upper');
    }
  });

  it('emits blur for the old node before focus for the new one, with the world and node', () => {
    const { engine, events } = engineFor(grid());
    engine.focusInitial();
    engine.move('right');
    expect(events.map((e) => `${e.type}:${e.focusKey}:${e.world}`)).toEqual([
      'focus:g00:legacy',
      'blur:g00:legacy',
      'focus:g01:legacy',
    ]);
    expect(events[2]?.nodeId).toBe(engine.focused?.nodeId);
  });

  it('uses absolute rects: tiles inside offset containers are compared on the stage', () => {
    // b sits at x=50 inside a container at x=1000, so it is to the right of a despite its small x.
    const { engine, key } = engineFor([tile('a', 100, 100), view({ x: 1000, y: 100 }, [tile('b', 50, 0)])]);
    engine.focusByKey('a');
    engine.move('right');
    expect(key()).toBe('b');
  });
});

describe('focus engine: rails and focus groups', () => {
  it('restores the remembered tile when focus comes back into a rail', () => {
    const { engine, key, store } = engineFor(rails(6));
    engine.focusInitial();
    expect(key()).toBe('r0-0');
    for (let i = 0; i < 4; i++) engine.move('right');
    expect(key()).toBe('r0-4');
    engine.move('down');
    expect(key()).toBe('r1-4');
    engine.move('left');
    engine.move('left');
    expect(key()).toBe('r1-2');
    engine.move('up');
    expect(key()).toBe('r0-4'); // remembered, although r0-2 is geometrically closer
    engine.move('down');
    expect(key()).toBe('r1-2');
    const railId = store.root('legacy').children[1] ?? -1;
    expect(engine.rememberedIn(railId)).toBe('r1-2');
  });

  it('falls back to geometry when the remembered tile is gone', () => {
    const { engine, key, store } = engineFor(rails(6));
    engine.focusByKey('r0-4');
    engine.move('down');
    engine.move('left');
    // Remove r0-4 (first rail, fifth tile) while focus is in the second rail.
    const rail0 = store.get('legacy', store.root('legacy').children[0] ?? -1);
    const gone = rail0?.children[4] ?? -1;
    expect(store.apply('legacy', [{ op: 'remove', id: gone }]).ok).toBe(true);
    engine.sceneChanged();
    engine.move('up');
    expect(key()).toBe('r0-3');
  });

  it("forgets a group whose id now names a new node (the WASM world reuses a removed page's ids)", () => {
    const { engine, key, store } = engineFor(rails(6));
    engine.focusByKey('r0-4');
    engine.move('down');
    engine.move('left');
    engine.move('left');
    engine.move('left');
    expect(key()).toBe('r1-1');
    // In one batch, as one frame may bring a page's removal and the next page's first scene: the
    // first rail goes and a new rail with the same id and the same keys takes its place.
    const root = store.root('legacy');
    const [oldRail = -1, secondRail = -1] = root.children;
    const tiles = Array.from({ length: 6 }, (_, i) => 900 + i);
    const rect = (id: number, x: number, y: number, width: number, height: number) =>
      (['x', 'y', 'width', 'height'] as const).map((name, index) => ({
        op: 'setProp' as const,
        id,
        name,
        value: [x, y, width, height][index] ?? 0,
      }));
    expect(
      store.apply('legacy', [
        { op: 'remove', id: oldRail },
        { op: 'create', id: oldRail, kind: 'view' },
        ...rect(oldRail, 0, 100, 1920, 200),
        { op: 'setProp', id: oldRail, name: 'focusGroup', value: true },
        { op: 'insertBefore', parent: root.id, child: oldRail, before: secondRail },
        ...tiles.flatMap((id, i) => [
          { op: 'create' as const, id, kind: 'view' as const },
          ...rect(id, 40 + i * 220, 0, 200, 120),
          { op: 'setProp' as const, id, name: 'focusKey', value: `r0-${i}` },
          { op: 'append' as const, parent: oldRail, child: id },
        ]),
      ]).ok,
    ).toBe(true);
    engine.sceneChanged();
    expect(engine.rememberedIn(oldRail)).toBeUndefined();
    engine.move('up');
    expect(key()).toBe('r0-1'); // by geometry: the new rail has no memory of r0-4
  });

  it('enters a rail at its preferred child when it has no memory yet', () => {
    const { engine, key } = engineFor([
      tile('top', 40, 0, 1800, 80),
      view({ x: 0, y: 100, width: 1920, height: 200, focusGroup: true, preferredChild: 'p-3' }, [
        tile('p-0', 40, 0),
        tile('p-1', 260, 0),
        tile('p-2', 480, 0),
        tile('p-3', 700, 0),
      ]),
    ]);
    engine.focusByKey('top');
    engine.move('down');
    expect(key()).toBe('p-3');
  });

  it('uses the preferred child of the root chain for the initial focus', () => {
    const { engine, key } = engineFor([
      view({ preferredChild: 'second' }, [tile('first', 0, 0), tile('second', 300, 0)]),
    ]);
    engine.focusInitial();
    expect(key()).toBe('second');
  });

  it('ignores a preferred child that does not exist and uses geometry', () => {
    const { engine, key } = engineFor([
      tile('top', 40, 0, 200, 80),
      view({ y: 100, preferredChild: 'missing' }, [tile('a', 40, 0), tile('b', 260, 0)]),
    ]);
    engine.focusByKey('top');
    engine.move('down');
    expect(key()).toBe('a');
  });
});

describe('focus engine: boundaries', () => {
  it('keeps focus inside a container in the blocked directions and reports boundary', () => {
    const { engine, key } = engineFor([
      view({ x: 0, y: 0, boundary: boundaryMask(['left', 'right']) }, [
        tile('in-0', 100, 100),
        tile('in-1', 320, 100),
      ]),
      tile('outside-right', 800, 100),
      tile('below', 100, 400),
    ]);
    engine.focusByKey('in-1');
    expect(engine.move('right')).toEqual({ moved: false, reason: 'boundary' });
    expect(key()).toBe('in-1');
    engine.move('left');
    expect(key()).toBe('in-0');
    engine.move('down'); // down is not blocked
    expect(key()).toBe('below');
  });

  it('the innermost blocking boundary wins', () => {
    const { engine, key } = engineFor([
      view({ boundary: boundaryMask(['right']) }, [
        view({ boundary: boundaryMask(['right']) }, [tile('inner', 100, 100)]),
        tile('outer-sibling', 400, 100),
      ]),
    ]);
    engine.focusByKey('inner');
    expect(engine.move('right')).toEqual({ moved: false, reason: 'boundary' });
    expect(key()).toBe('inner');
  });
});

describe('focus engine: unreachable and missing nodes', () => {
  it('a node fenced off by a boundary is never reached by arrows, only by key', () => {
    const { engine, key } = engineFor([
      view({ boundary: boundaryMask(['up', 'down', 'left', 'right']) }, [
        tile('a', 100, 100),
        tile('b', 320, 100),
      ]),
      tile('island', 100, 600),
    ]);
    engine.focusByKey('a');
    for (const direction of ['up', 'down', 'left', 'right', 'down', 'right'] as const) {
      engine.move(direction);
      expect(key()).not.toBe('island');
    }
    expect(engine.focusByKey('island')).toBe(true);
    expect(key()).toBe('island');
  });

  it('focusByKey refuses unknown keys and detached nodes', () => {
    const store = new SceneStore();
    buildScene(store, 'legacy', [tile('attached', 0, 0)]);
    expect(
      store.apply('legacy', [
        { op: 'create', id: 99, kind: 'view' },
        { op: 'setProp', id: 99, name: 'focusKey', value: 'detached' },
      ]).ok,
    ).toBe(true);
    const engine = new FocusEngine(store, 'legacy');
    expect(engine.focusByKey('nope')).toBe(false);
    expect(engine.focusByKey('detached')).toBe(false);
    expect(engine.focused).toBeNull();
  });

  it('reports nothing-focusable on an empty world', () => {
    const { engine } = engineFor([view({ width: 100, height: 100 })]);
    expect(engine.focusInitial()).toBe(false);
    expect(engine.move('down')).toEqual({ moved: false, reason: 'nothing-focusable' });
  });

  it('an arrow with nothing focused starts at the initial focus', () => {
    const { engine, key } = engineFor(grid());
    expect(engine.move('down')).toMatchObject({ moved: true, from: null });
    expect(key()).toBe('g00');
  });

  it('recovers when the focused node is removed: same key if re-created, else its container', () => {
    const { engine, key, store } = engineFor(rails(4));
    engine.focusByKey('r1-2');
    const rail1 = store.root('legacy').children[1] ?? -1;
    const focusedId = engine.focused?.nodeId ?? -1;
    expect(store.apply('legacy', [{ op: 'remove', id: focusedId }]).ok).toBe(true);
    engine.sceneChanged();
    expect(key()).toMatch(/^r1-/); // stays in the same rail
    // Re-create a node with the previous key: focus follows the key.
    const before = key();
    const result = store.apply('legacy', [
      { op: 'create', id: 500, kind: 'view' },
      { op: 'setProp', id: 500, name: 'focusKey', value: 'r1-9' },
      { op: 'append', parent: rail1, child: 500 },
    ]);
    expect(result.ok).toBe(true);
    engine.sceneChanged();
    expect(key()).toBe(before);
  });

  it('blur drops focus with a blur event and keeps group memory', () => {
    const { engine, events, store } = engineFor(rails(4));
    engine.focusByKey('r0-2');
    engine.blur();
    expect(engine.focused).toBeNull();
    expect(events.at(-1)).toMatchObject({ type: 'blur', focusKey: 'r0-2' });
    expect(engine.rememberedIn(store.root('legacy').children[0] ?? -1)).toBe('r0-2');
  });
});

describe('focus engine: held keys', () => {
  it('throttles auto-repeats closer than the interval but never a fresh press', () => {
    const store = new SceneStore();
    buildScene(store, 'legacy', rails(10));
    const engine = new FocusEngine(store, 'legacy', { repeatIntervalMs: 100 });
    engine.focusInitial();
    expect(engine.move('right', { now: 0 }).moved).toBe(true);
    expect(engine.move('right', { now: 30, repeat: true })).toEqual({ moved: false, reason: 'throttled' });
    expect(engine.move('right', { now: 60, repeat: true })).toEqual({ moved: false, reason: 'throttled' });
    expect(engine.move('right', { now: 101, repeat: true }).moved).toBe(true);
    expect(engine.move('right', { now: 110 }).moved).toBe(true); // a new press
    expect(engine.focused?.focusKey).toBe('r0-3');
  });
});

describe('focus engine: a focusable node with its own boundary', () => {
  it('keeps focus on the node in the blocked directions (a progress bar keeps left/right)', () => {
    const { engine, key } = engineFor([
      tile('above', 400, 100),
      view({
        x: 100,
        y: 400,
        width: 800,
        height: 40,
        focusKey: 'scrubber',
        boundary: boundaryMask(['left', 'right']),
      }),
      tile('right-of-it', 1000, 300),
    ]);
    engine.focusByKey('scrubber');
    expect(engine.move('right')).toEqual({ moved: false, reason: 'boundary' });
    expect(engine.move('left')).toEqual({ moved: false, reason: 'no-candidate' });
    expect(key()).toBe('scrubber');
    engine.move('up');
    expect(key()).toBe('above');
  });
});

describe('focus engine: hidden nodes', () => {
  it('never focuses a node that is hidden or inside a hidden subtree', () => {
    const { engine, key } = engineFor([
      tile('a', 100, 100),
      view({ visible: false }, [tile('inside-hidden', 400, 100)]),
      view({ focusKey: 'hidden-itself', x: 700, y: 100, width: 200, height: 120, visible: false }),
      tile('c', 1000, 100),
    ]);
    engine.focusByKey('a');
    engine.move('right');
    expect(key()).toBe('c');
    expect(engine.focusByKey('inside-hidden')).toBe(false);
    expect(engine.focusByKey('hidden-itself')).toBe(false);
  });
});
