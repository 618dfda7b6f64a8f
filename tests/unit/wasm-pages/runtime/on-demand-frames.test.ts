import { beforeAll, describe, expect, it } from 'vitest';
import { FRAME_INTERVAL_MS, WasmWorld } from '../../../../wasm-pages/runtime/wasm-world.ts';
import { FakeClock } from '../../../support/fake-clock.ts';
import { exampleWasm } from '../sdk/abi-host.ts';
import { fixtureWasm } from './fixture-wasm.ts';
import { WorldRecorder } from './world-recorder.ts';

// Frames on demand (ARCHITECTURE.md: "work happens only on change"): with a clock the world runs
// a page's frame right after each call that reached it, sends its batch at once, and afterwards
// runs frames only when the page asked for one. A fake clock makes it deterministic.

let okPage: Uint8Array;
let timersPage: Uint8Array;
let focusPage: Uint8Array;
beforeAll(async () => {
  okPage = await fixtureWasm('ok-page');
  timersPage = exampleWasm('timers');
  focusPage = exampleWasm('focus');
}, 120_000);

async function worldWith(page: string, bytes: Uint8Array) {
  const clock = new FakeClock(1000);
  const recorder = new WorldRecorder();
  const busy: string[] = [];
  const world = new WasmWorld({
    send: recorder.listener,
    clock,
    busy: (what, run) => {
      busy.push(what);
      return run();
    },
  });
  expect(await world.load(page, bytes)).toEqual({ ok: true, page });
  return { world, clock, recorder, busy };
}

describe('frames on demand', () => {
  it('sends the first scene before mount returns, then runs no frame for a page with nothing pending', async () => {
    const { world, clock, recorder } = await worldWith('example-focus', focusPage);
    expect(world.mount('k', 'example-focus', {})).toMatchObject({ status: 'mounted' });
    expect(recorder.ofType('scene.batch')).toHaveLength(1);
    expect(clock.pending).toBe(0); // nothing to tick: no timer armed
    recorder.clear();
    clock.advanceTo(60_000);
    expect(recorder.messages).toEqual([]); // a minute of idling sent nothing
  });

  it('answers an event with its batch at once, not a frame later', async () => {
    const { world, recorder } = await worldWith('example-focus', focusPage);
    world.mount('k', 'example-focus', {});
    const tile = recorder
      .batches()
      .flatMap((batch) => batch.ops)
      .find((op) => op.op === 'setProp' && op.name === 'focusKey' && op.value === 'rail:0');
    if (tile === undefined || tile.op !== 'setProp') throw new Error('the example has no tile rail:0');
    recorder.clear();
    world.event('k', { type: 'focus', world: 'wasm', nodeId: tile.id, focusKey: 'rail:0' });
    // No frame() call: the restyle is already on its way.
    expect(recorder.batches().flatMap((batch) => batch.ops)).toContainEqual({
      op: 'setProp',
      id: tile.id,
      name: 'backgroundColor',
      value: '#ffcc00',
    });
    recorder.clear();
    world.unmount('k');
    expect(recorder.ofType('scene.batch')).toHaveLength(1); // the container's removal, at once
  });

  it('answers several events handed over together (a blur and a focus) with one batch', async () => {
    const { world, recorder } = await worldWith('example-focus', focusPage);
    world.mount('k', 'example-focus', {});
    const tileId = (key: string) => {
      const op = recorder
        .batches()
        .flatMap((batch) => batch.ops)
        .find(
          (candidate) =>
            candidate.op === 'setProp' && candidate.name === 'focusKey' && candidate.value === key,
        );
      if (op === undefined || op.op !== 'setProp') throw new Error(`the example has no tile ${key}`);
      return op.id;
    };
    const first = tileId('rail:0');
    const second = tileId('rail:1');
    world.event('k', { type: 'focus', world: 'wasm', nodeId: first, focusKey: 'rail:0' });
    recorder.clear();
    expect(
      world.events('k', [
        { type: 'blur', world: 'wasm', nodeId: first, focusKey: 'rail:0' },
        { type: 'focus', world: 'wasm', nodeId: second, focusKey: 'rail:1' },
      ]),
    ).toEqual({ status: 'delivered' });
    const batches = recorder.batches();
    expect(batches).toHaveLength(1);
    const colours = batches[0]?.ops.filter((op) => op.op === 'setProp' && op.name === 'backgroundColor');
    expect(colours?.map((op) => op.op === 'setProp' && [op.id, op.value])).toEqual([
      [first, expect.any(String)],
      [second, '#ffcc00'],
    ]);
    expect(() =>
      world.events('k', [
        { type: 'blur', world: 'wasm', nodeId: first, focusKey: 'rail:0' },
        { type: 'nope' } as never,
      ]),
    ).toThrow('event for "k" (event 2 of 2) is malformed');
  });

  it('ticks a page with timers only when a timer is due', async () => {
    const { world, clock, recorder, busy } = await worldWith('example-timers', timersPage);
    world.mount('k', 'example-timers', {});
    recorder.clear();
    busy.length = 0;
    // The example: "Ready" after 500 ms, then a tick each second, stopping at 5.
    clock.advanceTo(1000 + 499);
    expect(recorder.ofType('scene.batch')).toEqual([]);
    clock.advanceTo(1000 + 500);
    expect(recorder.ofType('scene.batch')).toHaveLength(1);
    clock.advanceTo(1000 + 10_000);
    expect(recorder.ofType('scene.batch')).toHaveLength(6); // Ready, ticks 1..5 (Done)
    // Frames ran only near due times: 6 wakes, not 600 display frames; each reported busy.
    expect(busy.length).toBeLessThanOrEqual(8);
    expect(busy.every((what) => what === 'frame')).toBe(true);
    expect(clock.pending).toBe(0); // the interval was cleared at 5: nothing pending, nothing armed
  });

  it('keeps giving a page built before on-demand frames (ficus_frame returns nothing) every display frame', async () => {
    const { world, clock, recorder } = await worldWith('ok-page', okPage);
    const mounted = world.mount('k', 'ok-page', {});
    if (mounted.status !== 'mounted') throw new Error(mounted.status);
    const armedBefore = clock.armed;
    clock.advanceTo(1000 + 10 * FRAME_INTERVAL_MS);
    expect(clock.armed - armedBefore).toBeGreaterThanOrEqual(9);
    // Its data answer shows on the next frame the world runs by itself.
    recorder.clear();
    world.event('k', { type: 'data', requestId: 1, ok: true, status: 200, body: [] });
    const ops = recorder.batches().flatMap((batch) => batch.ops);
    expect(ops).toContainEqual({ op: 'setProp', id: mounted.firstId + 1, name: 'text', value: 'loaded' });
    world.unmount('k');
    expect(clock.pending).toBe(0);
  });

  it('stops the clock when the last page is gone', async () => {
    const { world, clock } = await worldWith('example-timers', timersPage);
    world.mount('k', 'example-timers', {});
    expect(clock.pending).toBe(1);
    world.unmount('k');
    expect(clock.pending).toBe(0);
  });
});
