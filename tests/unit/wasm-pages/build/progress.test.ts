import { describe, expect, it } from 'vitest';
import { PROGRESS_EVERY_MS, withProgress } from '../../../../wasm-pages/build/progress.ts';

/** A clock and interval timer moved by hand: nothing here waits on the wall clock. */
function manualTimer() {
  let now = 0;
  const intervals = new Map<number, { every: number; next: number; run: () => void }>();
  let ids = 0;
  return {
    now: () => now,
    advance(ms: number) {
      const end = now + ms;
      for (;;) {
        const due = [...intervals.values()]
          .filter((interval) => interval.next <= end)
          .sort((a, b) => a.next - b.next)[0];
        if (due === undefined) break;
        now = due.next;
        due.next += due.every;
        due.run();
      }
      now = end;
    },
    timer: {
      setInterval: ((run: () => void, every: number) => {
        const id = ++ids;
        intervals.set(id, { every, next: now + every, run });
        return id;
      }) as unknown as typeof setInterval,
      clearInterval: ((id: number) => void intervals.delete(id)) as unknown as typeof clearInterval,
    },
    active: () => intervals.size,
  };
}

describe('withProgress', () => {
  it('says every few seconds that a module is still compiling, and stops when it is done', async () => {
    const clock = manualTimer();
    const lines: string[] = [];
    let finish: (value: string) => void = () => undefined;
    const running = withProgress(
      'collections',
      (line) => lines.push(line),
      () =>
        new Promise<string>((resolve) => {
          finish = resolve;
        }),
      clock.timer,
      clock.now,
    );
    clock.advance(PROGRESS_EVERY_MS * 2 + 100);
    expect(lines).toEqual([
      `wasm  collections  compiling… ${PROGRESS_EVERY_MS / 1000} s`,
      `wasm  collections  compiling… ${(PROGRESS_EVERY_MS * 2) / 1000} s`,
    ]);
    finish('binary');
    expect(await running).toBe('binary');
    expect(clock.active()).toBe(0);
    clock.advance(PROGRESS_EVERY_MS * 3);
    expect(lines).toHaveLength(2);
  });

  it('stops its ticker when the compile fails', async () => {
    const clock = manualTimer();
    await expect(
      withProgress(
        'x',
        () => undefined,
        () => Promise.reject(new Error('asc failed')),
        clock.timer,
        clock.now,
      ),
    ).rejects.toThrow('asc failed');
    expect(clock.active()).toBe(0);
  });
});
