import {
  apiPaths,
  TELEMETRY_BATCH_LIMIT,
  type TelemetryEvent,
  type TelemetryValue,
} from '../../bridge/index.ts';

export interface TelemetryQueueOptions {
  readonly apiBase: string;
  readonly fetch: typeof fetch;
  /** How often queued events are sent, at most; default 5 s. */
  readonly intervalMs?: number;
  /**
   * Sends queued events by itself, one interval after the first was recorded (default true): the
   * frame loop sleeps while nothing changes, so it cannot be what sends them.
   */
  readonly autoFlush?: boolean;
}

/**
 * The host's telemetry: what leads need to see crash health per page (crashes, fallbacks to
 * React, page metrics) is queued and sent in batches to the backend's telemetry sink, never one
 * request per event. A failed send keeps nothing back from the app: the batch is dropped.
 *
 * @example
 * telemetry.record('page.crashed', { page: 'profiles', world: 'wasm', phase: 'event' }, now);
 * await telemetry.flushIfDue(now);
 */
export class TelemetryQueue {
  private events: TelemetryEvent[] = [];
  private lastSent = Number.NEGATIVE_INFINITY;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: TelemetryQueueOptions) {}

  get pending(): number {
    return this.events.length;
  }

  record(name: string, data: Readonly<Record<string, TelemetryValue>>, at: number): void {
    // A flood (a page logging in a loop) must not grow without bound: keep the newest batch's worth.
    if (this.events.length >= TELEMETRY_BATCH_LIMIT) this.events.shift();
    this.events.push({ name, at: Math.max(0, at), data: { ...data } });
    if (this.timer === undefined && this.options.autoFlush !== false) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        void this.flush(performance.now());
      }, this.options.intervalMs ?? 5000);
    }
  }

  /** Stops sending by itself (the app stops); what is queued stays until flush(). */
  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Sends what is queued if the interval has passed since the last send. */
  async flushIfDue(now: number): Promise<void> {
    if (this.events.length === 0 || now - this.lastSent < (this.options.intervalMs ?? 5000)) return;
    await this.flush(now);
  }

  /** Sends everything queued now. */
  async flush(now: number): Promise<void> {
    if (this.events.length === 0) return;
    const events = this.events;
    this.events = [];
    this.lastSent = now;
    try {
      await this.options.fetch(`${this.options.apiBase}${apiPaths.telemetry()}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ events }),
      });
    } catch {
      // Telemetry is best effort: an unreachable sink must never disturb the viewer.
    }
  }
}
