import { encodeSceneBatch, type SceneOp } from '../../bridge/index.ts';
import type { PageBatch } from './page-emit.ts';

/**
 * The scene ops one mounted page produced since the last frame (from mount, events, frame, and
 * the world's own container ops), sent as ONE batch per frame. A single batch goes out as the
 * page wrote it; several are merged by re-encoding their decoded ops in order.
 *
 * @example
 * outbox.push(batch);
 * const bytes = outbox.take(); // one batch, or null when nothing changed
 */
export class SceneOutbox {
  private pending: PageBatch[] = [];

  get isEmpty(): boolean {
    return this.pending.length === 0;
  }

  push(batch: PageBatch): void {
    this.pending.push(batch);
  }

  /** Queues ops the world itself writes (the page's container). */
  pushOps(ops: readonly SceneOp[]): void {
    this.pending.push({ bytes: encodeSceneBatch(ops), ops });
  }

  /** Moves everything queued in `other` in front of this outbox's batches. */
  takeOver(other: SceneOutbox): void {
    this.pending = [...other.pending, ...this.pending];
    other.pending = [];
  }

  /** The frame's one batch, or null if nothing is queued; the outbox is empty afterwards. */
  take(): Uint8Array | null {
    const pending = this.pending;
    this.pending = [];
    const [first] = pending;
    if (first === undefined) return null;
    if (pending.length === 1) return first.bytes;
    return encodeSceneBatch(pending.flatMap((batch) => batch.ops));
  }
}
