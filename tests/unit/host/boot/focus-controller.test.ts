import { describe, expect, it } from 'vitest';
import type { FocusChangeEvent, SceneOp, WorldId } from '../../../../bridge/index.ts';
import { FocusController } from '../../../../host/boot/focus-controller.ts';
import { SceneStore } from '../../../../host/scene/scene-store.ts';
import { type FixtureNode, opsFor, tile, view } from '../../../support/scene-fixture.ts';

// Focus across both worlds during page switches, as the router drives it: pages are mounted
// hidden as new layers on top, revealed by a later batch, the old layer removed. Focus must move
// with the page the viewer sees, in the batch that shows it, and land on the key to restore.

function setup() {
  const store = new SceneStore();
  const events: FocusChangeEvent[] = [];
  const focus = new FocusController(store, (event) => events.push(event));
  const next: Record<WorldId, number> = { legacy: 1, wasm: 1 };
  const apply = (world: WorldId, ops: readonly SceneOp[]) => {
    const result = store.apply(world, ops);
    if (!result.ok) throw result.error;
    focus.sceneChanged(world);
  };
  /** Mounts a page layer (hidden, as the router mounts offscreen) with `children`; returns its id. */
  const mount = (world: WorldId, children: readonly FixtureNode[], props = {}) => {
    const id = next[world];
    const built = opsFor([view({ width: 1920, height: 1080, visible: false, ...props }, children)], 0, id);
    next[world] = built.nextId;
    apply(world, built.ops);
    return id;
  };
  const show = (world: WorldId, layer: number) =>
    apply(world, [{ op: 'setProp', id: layer, name: 'visible', value: null }]);
  const focused = (world: WorldId) => focus.engines[world].focused;
  return { store, focus, events, apply, mount, show, focused };
}

const profilesPage = [tile('profile:p1', 100, 400), tile('profile:p2', 400, 400)];
const homePage = [tile('nav:search', 100, 60), tile('tile:r1:0', 100, 400), tile('tile:r1:1', 400, 400)];

describe('focus controller: a switch within one world', () => {
  it('keeps focus on the page being left until the next one is shown, then moves it in that same batch', () => {
    const { focus, mount, show, apply, focused, events } = setup();
    const profiles = mount('wasm', profilesPage);
    focus.handOver('wasm', null);
    expect(focused('wasm')).toBeNull(); // hidden: nothing to focus yet
    show('wasm', profiles);
    expect(focused('wasm')?.focusKey).toBe('profile:p1');

    // Enter on a profile: collections is mounted hidden, then the router hands focus over.
    const home = mount('wasm', homePage, { preferredChild: 'tile:r1:0' });
    focus.handOver('wasm', null);
    expect(focused('wasm')?.focusKey).toBe('profile:p1'); // profiles is still what the viewer sees
    events.length = 0;
    show('wasm', home);
    expect(focused('wasm')?.focusKey).toBe('tile:r1:0');
    expect(events.map((e) => `${e.type}:${e.focusKey}`)).toEqual(['blur:profile:p1', 'focus:tile:r1:0']);
    apply('wasm', [{ op: 'remove', id: profiles }]);
    expect(focused('wasm')?.focusKey).toBe('tile:r1:0');
  });

  it('restores a key on the new page only, even when the page being left has the same key', () => {
    const { focus, mount, show, apply, focused, events } = setup();
    const details = mount('legacy', [tile('details:play', 100, 100), tile('shared', 400, 100)]);
    focus.handOver('legacy', null);
    show('legacy', details);
    expect(focused('legacy')?.focusKey).toBe('details:play');
    const back = mount('legacy', [tile('first', 100, 100), tile('shared', 400, 100)]);
    focus.handOver('legacy', 'shared');
    // Unchanged: still on the page on screen, not on its own "shared".
    expect(focused('legacy')).toMatchObject({ focusKey: 'details:play', nodeId: details + 1 });
    events.length = 0;
    show('legacy', back);
    apply('legacy', [{ op: 'remove', id: details }]);
    expect(focused('legacy')).toMatchObject({ focusKey: 'shared', nodeId: back + 2 });
    // Straight to the restored key: no stop on the page's initial focus on the way.
    expect(events.map((e) => `${e.type}:${e.focusKey}`)).toEqual(['blur:details:play', 'focus:shared']);
  });
});

describe("focus controller: a switch within one world, the new page's first batch late", () => {
  it('still knows which page is being left, and restores the key on the new page only', () => {
    const { focus, mount, show, apply, focused } = setup();
    const details = mount('wasm', [tile('details:play', 100, 100), tile('shared', 400, 100)]);
    focus.handOver('wasm', null);
    show('wasm', details);
    // Handed over before the next page's mount batch reached the store (it can trail the reply).
    focus.handOver('wasm', 'shared');
    expect(focus.pageArrived('wasm')).toBe(false);
    expect(focused('wasm')?.focusKey).toBe('details:play');
    const next = mount('wasm', [tile('first', 100, 100), tile('shared', 400, 100)]);
    show('wasm', next);
    apply('wasm', [{ op: 'remove', id: details }]);
    expect(focus.pageArrived('wasm')).toBe(true);
    expect(focused('wasm')).toMatchObject({ focusKey: 'shared', nodeId: next + 2 });
  });
});

describe("focus controller: the viewer's place while a restored key is not drawn yet", () => {
  it("reports the key still to restore, so a crash or a switch meanwhile keeps the viewer's place", () => {
    const { focus, mount, show, apply, focused } = setup();
    // Back to a page whose header is drawn before its rails: the header holds focus meanwhile.
    const page = mount('wasm', [tile('nav:search', 100, 60)]);
    focus.handOver('wasm', 'tile:r1:1');
    show('wasm', page);
    expect(focus.focusedKey()).toBe('nav:search');
    expect(focus.viewerFocusKey()).toBe('tile:r1:1');
    apply('wasm', opsFor(homePage.slice(1), page, 60).ops);
    expect(focused('wasm')?.focusKey).toBe('tile:r1:1');
    // Once the viewer moves, their place is where focus is.
    focus.move('left', false);
    expect(focus.viewerFocusKey()).toBe('tile:r1:0');
  });

  it('forgets the key to restore when the viewer moves before it is drawn', () => {
    const { focus, mount, show, focused } = setup();
    const page = mount('wasm', [tile('nav:search', 100, 60), tile('nav:settings', 400, 60)]);
    focus.handOver('wasm', 'tile:r1:1');
    show('wasm', page);
    focus.move('right', false);
    expect(focused('wasm')?.focusKey).toBe('nav:settings');
    expect(focus.viewerFocusKey()).toBe('nav:settings');
  });
});

describe('focus controller: the visible page always has focus when it offers something', () => {
  it('after Retry: focus lost to a loading panel comes back with the next error panel or the content', () => {
    const { focus, mount, show, apply, focused } = setup();
    const page = mount('legacy', [
      view({ x: 560, y: 400, width: 800, height: 280 }, [tile('error-retry', 40, 170)]),
    ]);
    focus.handOver('legacy', null);
    show('legacy', page);
    expect(focused('legacy')?.focusKey).toBe('error-retry');
    apply('legacy', [
      { op: 'remove', id: page + 1 },
      ...opsFor([view({ width: 800, height: 280 })], page, 50).ops,
    ]);
    expect(focused('legacy')).toBeNull();
    apply('legacy', [{ op: 'remove', id: 50 }, ...opsFor(homePage, page, 60).ops]);
    expect(focused('legacy')?.focusKey).toBe('nav:search');
  });

  it('lands a restored key when the page draws it, after holding its initial focus meanwhile', () => {
    const { focus, mount, show, apply, focused } = setup();
    const page = mount('legacy', [tile('error-retry', 100, 100)]);
    focus.handOver('legacy', 'tile:r1:1');
    show('legacy', page);
    expect(focused('legacy')?.focusKey).toBe('error-retry');
    apply('legacy', [{ op: 'remove', id: page + 1 }, ...opsFor(homePage, page, 60).ops]);
    expect(focused('legacy')?.focusKey).toBe('tile:r1:1');
  });
});

describe('focus controller: a switch to the other world (a fallback)', () => {
  it('blurs the world being left and focuses the key the viewer had, in the batch that shows the page', () => {
    const { focus, mount, show, focused } = setup();
    const home = mount('wasm', homePage);
    focus.handOver('wasm', null);
    show('wasm', home);
    focus.move('right', false);
    focus.move('down', false);
    const viewerKey = focus.focusedKey();
    expect(viewerKey).toBe('tile:r1:1');
    // The WASM page crashed; the same entry is mounted in React and focus handed over.
    const fallback = mount('legacy', homePage);
    focus.handOver('legacy', viewerKey);
    expect(focus.activeWorld).toBe('legacy');
    expect(focus.viewerFocusKey()).toBe('tile:r1:1'); // the viewer's place, still to restore
    // Until the React page is on top, the WASM page is what the viewer sees: it keeps its ring.
    expect(focus.pageArrived('legacy')).toBe(false);
    expect(focused('wasm')?.focusKey).toBe('tile:r1:1');
    show('legacy', fallback);
    expect(focus.pageArrived('legacy')).toBe(true);
    expect(focused('legacy')?.focusKey).toBe('tile:r1:1');
    expect(focused('wasm')).toBeNull();
  });
});
