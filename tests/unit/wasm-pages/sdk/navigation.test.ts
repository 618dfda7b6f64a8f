import { describe, expect, it } from 'vitest';
import { ExampleHost } from './abi-host.ts';

describe('SDK example "navigation" (navigate, replace, back; params in and out)', () => {
  it('shows the route and the params it was mounted with', async () => {
    const host = await ExampleHost.mount('navigation', 'title-details', { id: 't0042', from: 'home' });
    expect(host.texts().slice(0, 2)).toEqual(['Route: title-details', 'Params: id=t0042, from=home']);
  });

  it('with no params it says so', async () => {
    const host = await ExampleHost.mount('navigation');
    expect(host.texts()).toContain('Params: none');
  });

  it('select on a button sends navigate with params (a kind-2 message)', async () => {
    const host = await ExampleHost.mount('navigation');
    host.focusInitial();
    expect(host.focus.focused?.focusKey).toBe('nav:details');
    const selected = host.select();
    expect(selected.messages).toEqual([{ type: 'navigate', route: 'details', params: { id: 't0001' } }]);
    // Navigation changes no scene: nothing goes out on the next frame.
    expect(selected.batches).toEqual([]);
    expect(host.frame(16).batches).toEqual([]);
  });

  it('replace and back', async () => {
    const host = await ExampleHost.mount('navigation');
    host.focusInitial();
    host.press('right');
    expect(host.select().messages).toEqual([{ type: 'replace', route: 'settings', params: {} }]);
    host.press('right');
    expect(host.select().messages).toEqual([{ type: 'back' }]);
  });
});
