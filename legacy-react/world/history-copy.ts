import type { HistoryEntry, HistorySync } from '../../bridge/index.ts';

export interface HistorySnapshot {
  readonly seq: number;
  readonly entries: readonly HistoryEntry[];
  readonly index: number;
}

/**
 * The world's read-only copy of the router's history. It only changes through `history.sync`
 * messages; a sync older than the one held is dropped, so a late message cannot roll it back.
 */
export class HistoryCopy {
  private snapshot: HistorySnapshot = Object.freeze({ seq: -1, entries: Object.freeze([]), index: -1 });
  private readonly listeners = new Set<() => void>();

  get current(): HistorySnapshot {
    return this.snapshot;
  }

  /** Applies a sync; returns false if it was stale and ignored. */
  apply(sync: HistorySync): boolean {
    if (sync.seq <= this.snapshot.seq) return false;
    this.snapshot = Object.freeze({
      seq: sync.seq,
      entries: Object.freeze(
        sync.entries.map((entry) => Object.freeze({ ...entry, params: Object.freeze({ ...entry.params }) })),
      ),
      index: sync.index,
    });
    for (const listener of this.listeners) listener();
    return true;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}
