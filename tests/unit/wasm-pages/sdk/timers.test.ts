import { describe, expect, it } from 'vitest';
import { ExampleHost } from './abi-host.ts';

describe('SDK example "timers" (setInterval, setTimeout, clearTimer on the frame tick)', () => {
  it('fires each timer on the first frame at or after its due time, counting from the first frame', async () => {
    const host = await ExampleHost.mount('timers');
    const changes: [number, string[]][] = [];
    // 10 frames a second from t=1000 (the first frame anchors the timers made in mount).
    for (let t = 1000; t <= 9000; t += 100) {
      const frame = host.frame(t);
      expect(frame.batches.length).toBeLessThanOrEqual(1);
      if (frame.batches.length === 1) changes.push([t, host.texts()]);
    }
    expect(changes).toEqual([
      [1500, ['Ticks: 0', 'Ready']],
      [2000, ['Ticks: 1', 'Ready']],
      [3000, ['Ticks: 2', 'Ready']],
      [4000, ['Ticks: 3', 'Ready']],
      [5000, ['Ticks: 4', 'Ready']],
      [6000, ['Ticks: 5', 'Done']],
    ]);
  });

  it('frames between due times send nothing', async () => {
    const host = await ExampleHost.mount('timers');
    host.frame(0);
    for (let t = 16; t < 500; t += 16) expect(host.frame(t).batches).toEqual([]);
    expect(host.frame(500).batches).toHaveLength(1);
  });

  it('after a long frame an interval fires once and keeps its phase', async () => {
    const host = await ExampleHost.mount('timers');
    host.frame(0);
    host.frame(2500); // both the timeout (500) and the ticks at 1000 and 2000 were due
    expect(host.texts()).toEqual(['Ticks: 1', 'Ready']);
    expect(host.frame(2999).batches).toEqual([]);
    host.frame(3000);
    expect(host.texts()).toEqual(['Ticks: 2', 'Ready']);
  });

  it('before the first frame nothing fires', async () => {
    const host = await ExampleHost.load('timers');
    host.mount();
    expect(host.texts()).toEqual(['Ticks: 0', 'Starting']);
    expect(host.frame(100_000).batches).toEqual([]); // the first frame only starts the clock
    expect(host.frame(100_499).batches).toEqual([]);
    host.frame(100_500);
    expect(host.texts()).toEqual(['Ticks: 0', 'Ready']);
  });
});
