import type { TelemetryEvent } from '../../bridge/index.ts';

/** Kept events; older ones are dropped so a long `npm start` session cannot grow without bound. */
export const TELEMETRY_LOG_LIMIT = 10_000;

/**
 * The telemetry events one backend received, oldest first, for tests and the dev overlay.
 *
 * @example
 * const log = new TelemetryLog();
 * log.add([{ name: 'page.shown', at: 12 }]);
 * log.events(); // [{ name: 'page.shown', at: 12 }]
 */
export class TelemetryLog {
  private readonly received: TelemetryEvent[] = [];

  add(events: readonly TelemetryEvent[]): void {
    this.received.push(...events);
    const excess = this.received.length - TELEMETRY_LOG_LIMIT;
    if (excess > 0) this.received.splice(0, excess);
  }

  /** A copy: later events do not appear in a list already handed out. */
  events(): TelemetryEvent[] {
    return [...this.received];
  }

  clear(): void {
    this.received.length = 0;
  }
}
