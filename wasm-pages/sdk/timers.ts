// Timers driven by the frame tick: `ficus_frame(now_ms)` is the only clock, so timers are
// deterministic under test. A timer fires on the first frame whose time is at or after its due time.
// Timers made outside a frame (in mount, an event handler, a data callback) count from the next
// frame's time, which the host runs right after the call: frames run on demand, so the last
// frame's time may be long past (a player paused for a minute runs no frames), and counting from it
// would fire a just-resumed interval at once.

/** A timer callback. A plain function: it cannot capture locals (see README). */
export type TimerCallback = () => void;

class Timer {
  constructor(
    public id: i32,
    public callback: TimerCallback,
    public delay: f64,
    public repeat: bool,
    /** NaN until the first frame gives the clock a value. */
    public due: f64,
  ) {}
  cancelled: bool = false;
}

let now: f64 = NaN;
/** True while a frame runs (its timers and onFrame): timers made then count from `now`. */
let inFrame = false;
let nextTimerId: i32 = 1;
let timers: Timer[] = [];

/** The time of the current (or last) frame in milliseconds; NaN before the first frame. */
export function frameTime(): f64 {
  return now;
}

function add(callback: TimerCallback, ms: f64, repeat: bool): i32 {
  const delay = isFinite(ms) && ms > 0 ? ms : 0;
  const id = nextTimerId++;
  timers.push(new Timer(id, callback, delay, repeat, inFrame ? now + delay : NaN));
  return id;
}

/**
 * Runs `callback` once, on the first frame at least `ms` milliseconds from now (from the next frame
 * when called outside one). Returns its id.
 */
export function setTimeout(callback: TimerCallback, ms: f64): i32 {
  return add(callback, ms, false);
}

/**
 * Runs `callback` every `ms` milliseconds, on the first frame at or after each due time (at most once
 * per frame; missed ticks after a long frame are skipped, the schedule keeps its phase). Returns its id.
 */
export function setInterval(callback: TimerCallback, ms: f64): i32 {
  return add(callback, ms, true);
}

/** Stops a timeout or an interval. Returns whether it was still scheduled. */
export function clearTimer(id: i32): bool {
  for (let i = 0; i < timers.length; i++) {
    const timer = unchecked(timers[i]);
    if (timer.id == id && !timer.cancelled) {
      timer.cancelled = true;
      return true;
    }
  }
  return false;
}

/** How many timers are scheduled. */
export function timerCount(): i32 {
  let count = 0;
  for (let i = 0; i < timers.length; i++) if (!unchecked(timers[i]).cancelled) count++;
  return count;
}

/**
 * Called by the SDK at the start of each frame: fires, in due-time order (then creation order), the
 * timers due at `nowMs`. Timers made by these callbacks wait for a later frame.
 */
export function runTimers(nowMs: f64): void {
  now = nowMs;
  inFrame = true;
  const due: Timer[] = [];
  for (let i = 0; i < timers.length; i++) {
    const timer = unchecked(timers[i]);
    if (isNaN(timer.due)) timer.due = nowMs + timer.delay;
    if (!timer.cancelled && timer.due <= nowMs) due.push(timer);
  }
  // Insertion sort by (due, id), a total order: the same order as Array.sort, and about 1 KB
  // less per page module than the library's sort (few timers are due in one frame).
  for (let i = 1; i < due.length; i++) {
    const timer = unchecked(due[i]);
    let j = i - 1;
    for (; j >= 0; j--) {
      const other = unchecked(due[j]);
      if (other.due < timer.due || (other.due == timer.due && other.id < timer.id)) break;
      unchecked((due[j + 1] = other));
    }
    unchecked((due[j + 1] = timer));
  }
  for (let i = 0; i < due.length; i++) {
    const timer = unchecked(due[i]);
    if (timer.cancelled) continue; // cleared by an earlier callback of this frame
    if (timer.repeat) {
      let next = timer.due + timer.delay;
      if (next <= nowMs) next = timer.delay > 0 ? next + Math.floor((nowMs - next) / timer.delay + 1) * timer.delay : nowMs;
      timer.due = next;
    } else {
      timer.cancelled = true;
    }
    timer.callback();
  }
  const kept: Timer[] = [];
  for (let i = 0; i < timers.length; i++) if (!unchecked(timers[i]).cancelled) kept.push(unchecked(timers[i]));
  timers = kept;
}

/**
 * How many milliseconds from `nowMs` until the earliest timer is due: 0 if one has no due time yet
 * (made before the first frame), -1 if no timer is scheduled. The page's answer to the host's
 * "when do you need the next frame?" is built from it.
 */
export function nextTimerDelay(nowMs: f64): f64 {
  let next: f64 = -1;
  for (let i = 0; i < timers.length; i++) {
    const timer = unchecked(timers[i]);
    if (timer.cancelled) continue;
    const delay = isNaN(timer.due) ? 0 : Math.max(0, timer.due - nowMs);
    if (next < 0 || delay < next) next = delay;
  }
  return next;
}

/** Called by the SDK when the frame's `onFrame` returned: timers made from now on wait for the next frame's time. */
export function endTimerFrame(): void {
  inFrame = false;
}

/** Drops every timer (at unmount). */
export function resetTimers(): void {
  timers = [];
  inFrame = false;
}
