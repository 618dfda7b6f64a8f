/**
 * Held arrow keys auto-repeat at the device's rate (often 30/s on TV remotes), faster than a page
 * can scroll a rail. Repeats closer together than `intervalMs` are dropped; a fresh press always
 * goes through. Time is passed in, so the behaviour is deterministic under test.
 *
 * @example
 * const throttle = new KeyRepeatThrottle(120);
 * throttle.allow(0, false);   // true: a fresh press
 * throttle.allow(50, true);   // false: a repeat 50 ms later
 * throttle.allow(130, true);  // true
 */
export class KeyRepeatThrottle {
  private lastAccepted = Number.NEGATIVE_INFINITY;

  constructor(readonly intervalMs: number) {}

  allow(now: number, repeat: boolean): boolean {
    if (repeat && now - this.lastAccepted < this.intervalMs) return false;
    this.lastAccepted = now;
    return true;
  }
}
