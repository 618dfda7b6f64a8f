/**
 * A clock for tests of code that waits: timers fire only when the test moves time on, so nothing
 * depends on how fast (or how loaded) the machine is. It serves both the watchdog's timer
 * (`setTimeout`/`clearTimeout`/`now`) and the WASM world's clock (`setTimer`/`clearTimer`/`now`).
 *
 * @example
 * const clock = new FakeClock();
 * const watchdog = new WasmWatchdog({ timer: clock, onHang });
 * await clock.advance(2000); // fires what was due, in order
 */
export class FakeClock {
  time: number;
  /** How many timers were ever set (a world idle for good sets none). */
  armed = 0;
  private timers: { at: number; callback: () => void; id: number }[] = [];
  private nextId = 1;

  constructor(start = 0) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }
  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.armed++;
    this.timers.push({ at: this.time + ms, callback, id });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((timer) => timer.id !== handle);
  }
  setTimer(callback: () => void, ms: number): unknown {
    return this.setTimeout(callback, ms);
  }
  clearTimer(handle: unknown): void {
    this.clearTimeout(handle);
  }
  /** Timers set and not yet fired or cleared. */
  get pending(): number {
    return this.timers.length;
  }
  /** Moves time to `until`, firing due timers in order (synchronously). */
  advanceTo(until: number): void {
    for (let next = this.nextDue(until); next !== undefined; next = this.nextDue(until)) {
      this.time = Math.max(this.time, next.at);
      next.callback();
    }
    this.time = Math.max(this.time, until);
  }
  /** Moves time on by `ms`, firing each due timer at its time and letting what it started run. */
  async advance(ms: number): Promise<void> {
    const until = this.time + ms;
    for (let next = this.nextDue(until); next !== undefined; next = this.nextDue(until)) {
      this.time = Math.max(this.time, next.at);
      next.callback();
      for (let i = 0; i < 10; i++) await Promise.resolve();
    }
    this.time = Math.max(this.time, until);
  }
  /** This thread was busy for `ms`: time passes, but no timer fires until the next advance. */
  stall(ms: number): void {
    this.time += ms;
  }

  private nextDue(until: number): { at: number; callback: () => void } | undefined {
    this.timers.sort((a, b) => a.at - b.at || a.id - b.id);
    const [next] = this.timers;
    if (next === undefined || next.at > until) return undefined;
    this.timers.shift();
    return next;
  }
}

/** Lets messages already posted on MessagePorts (real ones, never faked) be delivered. */
export async function flushPorts(rounds = 3): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    const channel = new MessageChannel();
    await new Promise<void>((resolve) => {
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    });
    channel.port1.close();
  }
}
