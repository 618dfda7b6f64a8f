import { describe, expect, it } from 'vitest';
import { ExampleHost } from './abi-host.ts';

const entry = (key: string, route: string, world: 'legacy' | 'wasm', focusKey: string | null = null) => ({
  key,
  route,
  params: {},
  world,
  focusKey,
});

describe('SDK example "history" (onHistory)', () => {
  it('shows the entry count and lists the entries, marking the current one', async () => {
    const host = await ExampleHost.mount('history');
    expect(host.texts()).toEqual(['History: not received yet']);
    host.event({
      type: 'history',
      entries: [
        entry('e1', 'profiles', 'legacy', 'profile:p1'),
        entry('e2', 'collections', 'wasm'),
        entry('e3', 'details', 'wasm'),
      ],
      index: 1,
    });
    host.frame(16);
    expect(host.texts()).toEqual([
      'History: 3 entries, at 2',
      '  1. profiles (legacy)',
      '> 2. collections (wasm)',
      '  3. details (wasm)',
    ]);
  });

  it('rebuilds the list on each change (the old lines are removed)', async () => {
    const host = await ExampleHost.mount('history');
    host.event({
      type: 'history',
      entries: [entry('e1', 'profiles', 'legacy'), entry('e2', 'collections', 'wasm')],
      index: 1,
    });
    host.frame(16);
    const before = host.store.size('wasm');
    host.event({ type: 'history', entries: [entry('e1', 'profiles', 'legacy')], index: 0 });
    const frame = host.frame(32);
    expect(frame.batches).toHaveLength(1);
    expect(host.texts()).toEqual(['History: 1 entries, at 1', '> 1. profiles (legacy)']);
    expect(host.store.size('wasm')).toBe(before - 1);
  });
});
