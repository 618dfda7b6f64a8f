import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_WASM_DEADLINE_MS,
  WasmWatchdog,
  WasmWorldHungError,
  type WatchdogTimer,
} from '../../../../host/boot/wasm-watchdog.ts';

/** A reply the test answers by hand (or never). */
function reply<T>() {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: Error) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** What happened to a watched call so far. */
function track<T>(call: Promise<T>) {
  const state: { value?: T; error?: unknown; settled: boolean } = { settled: false };
  call.then(
    (value) => Object.assign(state, { value, settled: true }),
    (error: unknown) => Object.assign(state, { error, settled: true }),
  );
  return state;
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('WasmWatchdog', () => {
  it('passes on a reply that comes before the deadline and leaves no timer behind', async () => {
    const onHang = vi.fn();
    const watchdog = new WasmWatchdog({ deadlineMs: 300, onHang });
    const answer = reply<string>();
    const call = track(watchdog.watch('frame', answer.promise));
    await vi.advanceTimersByTimeAsync(299);
    answer.resolve('done');
    await vi.advanceTimersByTimeAsync(0);
    expect(call).toEqual({ value: 'done', settled: true });
    expect(watchdog.pending).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(onHang).not.toHaveBeenCalled();
  });

  it("passes on a call's own failure", async () => {
    const watchdog = new WasmWatchdog({ deadlineMs: 300, onHang: vi.fn() });
    const answer = reply<string>();
    const call = track(watchdog.watch('mount', answer.promise));
    answer.reject(new TypeError('bad params'));
    await vi.advanceTimersByTimeAsync(0);
    expect(call.error).toBeInstanceOf(TypeError);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('finds the world hung when a call outlives the deadline, and abandons every call in flight', async () => {
    const onHang = vi.fn();
    const watchdog = new WasmWatchdog({ deadlineMs: 300, onHang });
    const event = reply<string>();
    const frame = reply<string>();
    const load = reply<string>();
    const eventCall = track(watchdog.watch('event', event.promise));
    await vi.advanceTimersByTimeAsync(100);
    const frameCall = track(watchdog.watch('frame', frame.promise));
    const loadCall = track(watchdog.watch('load', load.promise, { timed: false }));

    await vi.advanceTimersByTimeAsync(199);
    expect(onHang).not.toHaveBeenCalled();
    expect(eventCall.settled).toBe(false);

    await vi.advanceTimersByTimeAsync(1); // 300 ms since the event call
    expect(onHang).toHaveBeenCalledTimes(1);
    const hang = onHang.mock.calls[0]?.[0];
    expect(hang).toBeInstanceOf(WasmWorldHungError);
    expect(hang).toMatchObject({
      call: 'event',
      deadlineMs: 300,
      message: 'the WASM world stopped answering (no reply in 300 ms); restarted',
    });
    // All of them went to the same stuck worker: none will come back.
    for (const call of [eventCall, frameCall, loadCall]) expect(call).toEqual({ error: hang, settled: true });
    expect(watchdog.pending).toBe(0);
    expect(vi.getTimerCount()).toBe(0);

    // Late replies are dropped; the frame's own deadline never fires a second hang.
    frame.resolve('late');
    event.resolve('late');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(frameCall.error).toBe(hang);
    expect(onHang).toHaveBeenCalledTimes(1);
  });

  it('gives calls made after a hang their own deadline (the next worker)', async () => {
    const onHang = vi.fn();
    const watchdog = new WasmWatchdog({ deadlineMs: 300, onHang });
    void watchdog.watch('event', reply<void>().promise).catch(() => undefined);
    await vi.advanceTimersByTimeAsync(300);
    expect(onHang).toHaveBeenCalledTimes(1);

    const answered = reply<number>();
    const next = track(watchdog.watch('frame', answered.promise));
    await vi.advanceTimersByTimeAsync(250);
    answered.resolve(7);
    await vi.advanceTimersByTimeAsync(0);
    expect(next).toEqual({ value: 7, settled: true });

    const stuck = track(watchdog.watch('frame', reply<number>().promise));
    await vi.advanceTimersByTimeAsync(300);
    expect(onHang).toHaveBeenCalledTimes(2);
    expect(stuck.error).toBeInstanceOf(WasmWorldHungError);
  });

  it('never finds the world hung on untimed calls alone', async () => {
    const onHang = vi.fn();
    const watchdog = new WasmWatchdog({ deadlineMs: 300, onHang });
    const load = track(watchdog.watch('load', reply<void>().promise, { timed: false }));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(onHang).not.toHaveBeenCalled();
    expect(load.settled).toBe(false);
    expect(watchdog.pending).toBe(1);
  });

  it('waits 2000 ms by default', async () => {
    const onHang = vi.fn();
    const watchdog = new WasmWatchdog({ onHang });
    expect(watchdog.deadlineMs).toBe(DEFAULT_WASM_DEADLINE_MS);
    expect(DEFAULT_WASM_DEADLINE_MS).toBe(2000);
    void watchdog.watch('frame', reply<void>().promise).catch(() => undefined);
    await vi.advanceTimersByTimeAsync(1999);
    expect(onHang).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(onHang).toHaveBeenCalledWith(
      expect.objectContaining({
        message: 'the WASM world stopped answering (no reply in 2000 ms); restarted',
      }),
    );
  });

  it('stops timing once disposed, still passing on replies', async () => {
    const onHang = vi.fn();
    const watchdog = new WasmWatchdog({ deadlineMs: 300, onHang });
    const before = reply<string>();
    const call = track(watchdog.watch('frame', before.promise));
    watchdog.dispose();
    const after = track(watchdog.watch('event', reply<string>().promise));
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(onHang).not.toHaveBeenCalled();
    before.resolve('ok');
    await vi.advanceTimersByTimeAsync(0);
    expect(call.value).toBe('ok');
    expect(after.settled).toBe(false);
  });

  it('uses the timer it is given', async () => {
    const scheduled: Array<{ callback: () => void; ms: number; cleared: boolean }> = [];
    const timer: WatchdogTimer = {
      setTimeout: (callback, ms) => scheduled.push({ callback, ms, cleared: false }) - 1,
      clearTimeout: (handle) => {
        const entry = scheduled[handle as number];
        if (entry !== undefined) entry.cleared = true;
      },
    };
    const onHang = vi.fn();
    const watchdog = new WasmWatchdog({ deadlineMs: 1234, timer, onHang });
    const first = track(watchdog.watch('frame', reply<void>().promise));
    const second = track(watchdog.watch('event', reply<void>().promise));
    expect(scheduled.map(({ ms }) => ms)).toEqual([1234, 1234]);
    scheduled[1]?.callback();
    await Promise.resolve();
    expect(onHang).toHaveBeenCalledWith(expect.objectContaining({ call: 'event' }));
    expect(first.error).toBeInstanceOf(WasmWorldHungError);
    expect(second.error).toBeInstanceOf(WasmWorldHungError);
    expect(scheduled[0]?.cleared).toBe(true);
  });

  it('refuses a deadline that is not a positive number', () => {
    for (const deadlineMs of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => new WasmWatchdog({ deadlineMs, onHang: vi.fn() })).toThrow(RangeError);
    }
  });
});
