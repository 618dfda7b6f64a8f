import type { WorldId } from '../../bridge/index.ts';

/** The hops of one key press, in the order they happen (times are this thread's performance.now()). */
export const TRACE_HOPS = [
  'keydown',
  'focusMoved',
  'eventSent',
  'pageEmitted',
  'batchApplied',
  'painted',
] as const;
export type TraceHop = (typeof TRACE_HOPS)[number];

/** One key press, hop by hop; a hop the press did not need (no page event, no batch) is absent. */
export interface KeyTrace {
  readonly key: string;
  readonly world: WorldId;
  readonly hops: Partial<Record<TraceHop, number>>;
}

const KEEP = 512;

/**
 * Where the time of a key press goes, hop by hop: keydown → focus moved → event reached the page's
 * world → the page's batch came back → applied → painted. The browser boot exposes it as
 * `window.__ficusTrace` for `npm run bench:browser`; recording is a few clock reads per key.
 *
 * @example
 * trace.begin('ArrowRight', 'wasm', event.timeStamp);
 * trace.hop('focusMoved');
 * trace.take(); // [{ key: 'ArrowRight', world: 'wasm', hops: { keydown: 10.2, focusMoved: 10.9, ... } }]
 */
export class InputTrace {
  private open: { key: string; world: WorldId; hops: Partial<Record<TraceHop, number>> } | null = null;
  private done: KeyTrace[] = [];
  private readonly watchers = new Set<(press: KeyTrace) => void>();

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** A key press starts (its keydown's time stamp, if the event had one). */
  begin(key: string, world: WorldId, at: number = this.now()): void {
    this.close();
    this.open = { key, world, hops: { keydown: at } };
  }

  /** The open press reached `hop` (only its first time counts). */
  hop(hop: TraceHop): void {
    const open = this.open;
    if (open === null || open.hops[hop] !== undefined) return;
    open.hops[hop] = this.now();
  }

  /**
   * A frame painted. The press is complete once what it set off is on screen: its page's batch,
   * if it sent the page an event, else the focus move alone.
   */
  painted(): void {
    const open = this.open;
    if (open === null) return;
    const waitsForBatch = open.hops.eventSent !== undefined && open.hops.batchApplied === undefined;
    if (waitsForBatch) return;
    this.hop('painted');
    this.close();
  }

  /**
   * Calls `listener` with each press as it completes (devtools), until the returned function is
   * called; `take()` still gets every press.
   *
   * @example
   * const stop = trace.observe((press) => console.log(press.key, press.world, press.hops.painted));
   */
  observe(listener: (press: KeyTrace) => void): () => void {
    this.watchers.add(listener);
    return () => {
      this.watchers.delete(listener);
    };
  }

  /** The completed presses since the last call (the most recent KEEP). */
  take(): KeyTrace[] {
    return this.done.splice(0);
  }

  private close(): void {
    if (this.open === null) return;
    for (const watcher of this.watchers) watcher(this.open);
    this.done.push(this.open);
    if (this.done.length > KEEP) this.done.splice(0, this.done.length - KEEP);
    this.open = null;
  }
}
