import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WASM_DEADLINE_MS,
  WasmWatchdog,
  type WasmWatchdogOptions,
  WasmWorldHungError,
  type WasmWorldSlow,
} from '../../../../host/boot/wasm-watchdog.ts';
import { FakeClock } from '../../../support/fake-clock.ts';

// The watchdog judges liveness from what the worker says it is doing (WorkerProgress), timed on
// a fake clock: `advance` moves time and fires timers on time; `stall` moves time without firing
// them, as a main thread busy elsewhere would.

function watchdog(options: Partial<WasmWatchdogOptions> = {}) {
  const timer = new FakeClock();
  const hangs: WasmWorldHungError[] = [];
  const slow: WasmWorldSlow[] = [];
  const dog = new WasmWatchdog({
    timer,
    drain: async () => undefined,
    onHang: (hang) => hangs.push(hang),
    onSlow: (report) => slow.push(report),
    ...options,
  });
  return { dog, timer, hangs, slow };
}

const never = <T>() => new Promise<T>(() => undefined);

describe('WasmWatchdog', () => {
  it('finds the world hung when one stretch of page code outlives its budget, and abandons every call in flight', async () => {
    const { dog, timer, hangs } = watchdog();
    const a = dog.watch('event', never());
    const b = dog.watch('unmount', never());
    dog.progress({ seq: 1, busy: 'event' });
    await timer.advance(DEFAULT_WASM_DEADLINE_MS - 1);
    expect(hangs).toEqual([]);
    await timer.advance(1);
    expect(hangs).toHaveLength(1);
    expect(hangs[0]?.call).toBe('event');
    expect(hangs[0]?.message).toBe(
      'the WASM world ran "event" for more than 2000 ms without finishing; restarted',
    );
    await expect(a).rejects.toBeInstanceOf(WasmWorldHungError);
    await expect(b).rejects.toBeInstanceOf(WasmWorldHungError);
    expect(dog.pending).toBe(0);
    expect(timer.pending).toBe(0);
  });

  it('never convicts work the worker finished, however long it took to read the answer', async () => {
    const { dog, timer, hangs } = watchdog();
    const reply = dog.watch('event', Promise.resolve('done'));
    dog.progress({ seq: 1, busy: 'event' });
    dog.progress({ seq: 1, busy: null });
    await timer.advance(60_000);
    expect(hangs).toEqual([]);
    await expect(reply).resolves.toBe('done');
  });

  it('does not count a call that waits in the worker queue: only what the worker says it is running', async () => {
    const { dog, timer, hangs } = watchdog();
    void dog.watch('event', never());
    await timer.advance(60_000); // the worker has not started it (busy elsewhere, or a slow device)
    expect(hangs).toEqual([]);
    expect(dog.running).toBeNull();
  });

  it('re-arms instead of convicting when its timer fires late because this thread was stalled', async () => {
    const { dog, timer, hangs } = watchdog();
    dog.progress({ seq: 1, busy: 'frame' });
    timer.stall(10_000); // the main thread was busy for 10 s: the worker's "done" waits unread
    await timer.advance(0);
    expect(hangs).toEqual([]);
    dog.progress({ seq: 1, busy: null }); // read at last
    await timer.advance(10_000);
    expect(hangs).toEqual([]);
  });

  it('still catches a real hang on a thread that keeps stalling, once enough attended time has passed', async () => {
    const { dog, timer, hangs } = watchdog();
    dog.progress({ seq: 1, busy: 'event' });
    for (let i = 0; i < 6; i++) {
      timer.stall(5000);
      await timer.advance(0);
    }
    expect(hangs).toEqual([]); // 6 late looks count 6 × 300 ms, not 30 s
    timer.stall(5000);
    await timer.advance(0);
    expect(hangs).toHaveLength(1);
  });

  it('reads what is already queued before convicting: a "done" waiting there wins', async () => {
    let dog: WasmWatchdog | undefined;
    const made = watchdog({
      drain: async () => dog?.progress({ seq: 1, busy: null }),
    });
    dog = made.dog;
    dog.progress({ seq: 1, busy: 'event' });
    await made.timer.advance(10_000);
    expect(made.hangs).toEqual([]);
  });

  it('warns once at half the budget, before any restart', async () => {
    const { dog, timer, slow, hangs } = watchdog();
    dog.progress({ seq: 1, busy: 'event' });
    await timer.advance(999);
    expect(slow).toEqual([]);
    await timer.advance(1);
    expect(slow).toEqual([{ call: 'event', elapsedMs: 1000, budgetMs: 2000 }]);
    expect(hangs).toEqual([]);
    await timer.advance(500);
    expect(slow).toHaveLength(1);
  });

  it('gives each kind of work its own budget: mount longer than an event', async () => {
    const { dog, timer, hangs } = watchdog({ deadlineMs: 1000, budgets: { mount: 4000 } });
    dog.progress({ seq: 1, busy: 'mount' });
    await timer.advance(3999);
    expect(hangs).toEqual([]);
    await timer.advance(1);
    expect(hangs.map((hang) => [hang.call, hang.deadlineMs])).toEqual([['mount', 4000]]);
    expect(dog.budgetOf('event')).toBe(1000);
  });

  it('times a new stretch from its own start', async () => {
    const { dog, timer, hangs } = watchdog();
    dog.progress({ seq: 1, busy: 'event' });
    await timer.advance(1500);
    dog.progress({ seq: 1, busy: null });
    dog.progress({ seq: 2, busy: 'event' });
    await timer.advance(1500);
    expect(hangs).toEqual([]);
  });

  it('ignores reports that are not progress, and refuses nonsense budgets', () => {
    const { dog } = watchdog();
    dog.progress(null);
    expect(dog.running).toBeNull();
    expect(() => watchdog({ deadlineMs: 0 })).toThrow(RangeError);
    expect(() => watchdog({ budgets: { mount: Number.NaN } })).toThrow(/budget "mount"/);
  });

  it('finds no hang after dispose', async () => {
    const { dog, timer, hangs } = watchdog();
    dog.progress({ seq: 1, busy: 'event' });
    dog.dispose();
    await timer.advance(60_000);
    expect(hangs).toEqual([]);
  });
});
