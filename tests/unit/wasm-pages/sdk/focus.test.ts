import { describe, expect, it } from 'vitest';
import { boundaryMask } from '../../../../bridge/index.ts';
import { ExampleHost } from './abi-host.ts';

const TILE = '#2b3a55';
const FOCUSED = '#ffcc00';

describe('SDK example "focus" (focusKey, focusGroup, preferredChild, boundary, handlers)', () => {
  it('declares the focus props the focus engine reads', async () => {
    const host = await ExampleHost.mount('focus');
    const rail = host.store.get('wasm', host.nodeByFocusKey('rail:0').parent ?? -1);
    expect(rail?.props).toMatchObject({ focusGroup: true, boundary: boundaryMask(['left', 'right']) });
    expect(host.nodeByFocusKey('slider').props.boundary).toBe(boundaryMask(['left', 'right']));
    expect(host.snapshot()).toContain('preferredChild="rail:2"');
  });

  it('focus starts on the preferred child; the focus event restyles it on the next frame', async () => {
    const host = await ExampleHost.mount('focus');
    const focused = host.focusInitial();
    expect(host.focus.focused?.focusKey).toBe('rail:2');
    expect(focused.batches).toEqual([]); // changes from events wait for the frame
    const frame = host.frame(16);
    expect(frame.batches).toHaveLength(1);
    const tile = host.nodeByFocusKey('rail:2');
    // The tile's own handler (a plain function) and the page's onFocus both ran.
    expect(frame.batches[0]?.ops).toEqual([
      { op: 'setProp', id: tile.id, name: 'backgroundColor', value: FOCUSED },
      { op: 'setProp', id: tile.id, name: 'borderColor', value: '#ffffff' },
      { op: 'setProp', id: tile.id, name: 'borderWidth', value: 4 },
      { op: 'setProp', id: host.textNode('Focused: rail:2')?.id, name: 'text', value: 'Focused: rail:2' },
    ]);
  });

  it('moving right blurs one tile and focuses the next: both restyle in one batch', async () => {
    const host = await ExampleHost.mount('focus');
    host.focusInitial();
    host.frame(16);
    host.press('right');
    const frame = host.frame(32);
    expect(frame.batches).toHaveLength(1);
    expect(host.nodeByFocusKey('rail:2').props).toMatchObject({ backgroundColor: TILE, borderWidth: 0 });
    expect(host.nodeByFocusKey('rail:3').props).toMatchObject({ backgroundColor: FOCUSED, borderWidth: 4 });
    expect(host.texts()).toContain('Focused: rail:3');
  });

  it('the rail (a focus group) gives focus back to the tile it had', async () => {
    const host = await ExampleHost.mount('focus');
    host.focusInitial();
    host.press('right'); // rail:3
    host.press('down'); // out of the rail
    expect(host.focus.focused?.focusKey).not.toMatch(/^rail:/);
    host.press('up');
    expect(host.focus.focused?.focusKey).toBe('rail:3');
    host.frame(16);
    expect(host.nodeByFocusKey('rail:3').props.backgroundColor).toBe(FOCUSED);
    expect(host.nodeByFocusKey('rail:2').props.backgroundColor).toBe(TILE);
  });

  it('an arrow that moves no focus reaches the page as an arrow event', async () => {
    const host = await ExampleHost.mount('focus');
    host.focusInitial();
    host.press('right');
    host.press('right'); // rail:4, the last tile
    host.frame(16);
    host.press('right');
    expect(host.focus.focused?.focusKey).toBe('rail:4');
    host.frame(32);
    expect(host.texts()).toContain('Arrow right on rail:4');
  });

  it("the slider's boundary keeps left/right: its own onArrow handler nudges the value", async () => {
    const host = await ExampleHost.mount('focus');
    host.focusInitial();
    host.press('down'); // "done", below the rail's focused tile
    host.press('left');
    expect(host.focus.focused?.focusKey).toBe('slider');
    host.frame(16);
    host.press('right'); // "done" lies to the right, but the boundary holds focus in
    host.press('right');
    host.press('right');
    expect(host.focus.focused?.focusKey).toBe('slider');
    host.frame(32);
    expect(host.texts()).toContain('Nudge: 3');
    host.press('left');
    host.frame(48);
    expect(host.texts()).toContain('Nudge: 2');
    expect(host.texts()).toContain('Arrow left on slider');
  });

  it('a focus event for the node that already has the style emits nothing', async () => {
    const host = await ExampleHost.mount('focus');
    host.focusInitial();
    host.frame(16);
    const tile = host.nodeByFocusKey('rail:2');
    // The same event again: the handlers set the same values, so no setProp goes out.
    host.event({ type: 'focus', nodeId: tile.id, focusKey: 'rail:2' });
    expect(host.frame(32).batches).toEqual([]);
  });

  it('an event for a node the page does not know still reaches the page handler', async () => {
    const host = await ExampleHost.mount('focus');
    host.event({ type: 'focus', nodeId: 99, focusKey: 'elsewhere' });
    host.frame(16);
    expect(host.texts()).toContain('Focused: elsewhere');
  });
});
