import { describe, expect, it } from 'vitest';
import { InputTrace, type KeyTrace } from '../../../../host/boot/input-trace.ts';

describe('InputTrace.observe', () => {
  it('hands each completed press to its watchers, and take() still gets every press', () => {
    let time = 100;
    const trace = new InputTrace(() => time);
    const seen: KeyTrace[] = [];
    const stop = trace.observe((press) => seen.push(press));

    trace.begin('ArrowRight', 'wasm', 100);
    time = 101;
    trace.hop('focusMoved');
    trace.hop('eventSent');
    time = 103;
    trace.painted(); // waits for the page's batch: not complete yet
    expect(seen).toEqual([]);
    time = 104;
    trace.hop('pageEmitted');
    trace.hop('batchApplied');
    time = 106;
    trace.painted();
    expect(seen).toEqual([
      {
        key: 'ArrowRight',
        world: 'wasm',
        hops: {
          keydown: 100,
          focusMoved: 101,
          eventSent: 101,
          pageEmitted: 104,
          batchApplied: 104,
          painted: 106,
        },
      },
    ]);

    stop();
    trace.begin('ArrowLeft', 'legacy', 200);
    trace.painted();
    expect(seen).toHaveLength(1);
    expect(trace.take().map((press) => press.key)).toEqual(['ArrowRight', 'ArrowLeft']);
  });
});
