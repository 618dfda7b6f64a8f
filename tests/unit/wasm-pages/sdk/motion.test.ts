import { describe, expect, it } from 'vitest';
import { animateMask, type WorldId } from '../../../../bridge/index.ts';
import type { SceneStore } from '../../../../host/scene/scene-store.ts';
import { type SceneTree, sceneTree } from '../../../../host/scene/snapshot.ts';
import { EXAMPLES } from '../../../../legacy-react/examples/index.ts';
import { createLegacyHarness } from '../../../support/legacy-harness.ts';
import { ExampleHost } from './abi-host.ts';

/** The example's own stage (the full-stage view it draws), below whatever container its world gives it. */
function stage(store: SceneStore, world: WorldId): SceneTree {
  const find = (tree: SceneTree): SceneTree | undefined =>
    tree.props.backgroundColor === '#0d1117' ? tree : tree.children.map(find).find((t) => t !== undefined);
  const found = find(sceneTree(store, world));
  if (found === undefined) throw new Error(`no stage in ${world}`);
  return found;
}

describe('SDK example "motion" (animate, scale)', () => {
  it('sets the rail strip to glide in x and each card to grow in scale', async () => {
    const host = await ExampleHost.mount('motion');
    const card = host.nodeByFocusKey('motion:0');
    const strip = host.store.get('wasm', card.parent ?? -1);
    expect(strip?.props).toMatchObject({
      x: 80,
      animate: animateMask(['x']),
      animateDuration: 250,
      animateEasing: 'ease-out',
    });
    expect(card.props).toMatchObject({ scale: 1, animate: animateMask(['scale']), animateDuration: 150 });
    // The card leaves the easing to the host's default.
    expect(card.props.animateEasing).toBeUndefined();
  });

  it('the focused card grows to 1.1, the one left shrinks back, and the strip moves to keep focus in view', async () => {
    const host = await ExampleHost.mount('motion');
    host.focusInitial();
    host.frame(16);
    expect(host.nodeByFocusKey('motion:0').props.scale).toBe(1.1);
    for (let i = 0; i < 5; i++) {
      host.press('right');
      host.frame(32 + i * 16);
    }
    expect(host.focus.focused?.focusKey).toBe('motion:5');
    expect(host.nodeByFocusKey('motion:5').props.scale).toBe(1.1);
    expect(host.nodeByFocusKey('motion:0').props.scale).toBe(1);
    // Card 5 is past the five in view: the strip's target x moved one card (the host glides there).
    const strip = host.store.get('wasm', host.nodeByFocusKey('motion:5').parent ?? -1);
    expect(strip?.props.x).toBe(80 - 340);
  });

  it('draws the same scene as the React example-motion, before and after moving along the rail', async () => {
    const host = await ExampleHost.mount('motion');
    const react = createLegacyHarness({ 'example-motion': EXAMPLES['example-motion'].Page });
    react.mount('example-motion');
    await react.settle();
    expect(stage(host.store, 'wasm')).toEqual(stage(react.store, 'legacy'));

    host.focusInitial();
    host.frame(16);
    react.focus.focusInitial();
    await react.settle();
    for (let i = 0; i < 6; i++) {
      host.press('right');
      host.frame(32 + i * 16);
      react.press('right');
      await react.settle();
    }
    expect(react.focusedKey()).toBe('motion:6');
    expect(host.focus.focused?.focusKey).toBe('motion:6');
    expect(stage(host.store, 'wasm')).toEqual(stage(react.store, 'legacy'));
    expect(react.rejected).toEqual([]);
  });
});
