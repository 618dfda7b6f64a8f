import type { WasmWorldEvent } from '../../wasm-pages/runtime/page-events.ts';

/**
 * Events asked for in one task, per page key, handed over together at the end of the task (a
 * microtask): a key press's blur and focus reach the page as one call and come back as one batch.
 *
 * @example
 * const queue = new PageEventQueue((key, events) => api.events(key, events));
 * void queue.push('e1', blur);
 * void queue.push('e1', focus); // one send('e1', [blur, focus]) once this task ends
 */
export class PageEventQueue {
  private readonly queued = new Map<
    string,
    { readonly events: WasmWorldEvent[]; readonly sent: Promise<void>; readonly done: () => void }
  >();

  /** `send` hands one page its events, in order; its promise settles when they have been delivered. */
  constructor(private readonly send: (key: string, events: readonly WasmWorldEvent[]) => Promise<void>) {}

  /** Whether events are waiting for the end of this task. */
  get pending(): boolean {
    return this.queued.size > 0;
  }

  /** Queues `event` for the page under `key`; resolves once the call that carries it has settled. */
  push(key: string, event: WasmWorldEvent): Promise<void> {
    let queued = this.queued.get(key);
    if (queued === undefined) {
      const events: WasmWorldEvent[] = [];
      let done = (): void => undefined;
      const sent = new Promise<void>((resolve) => {
        done = resolve;
      });
      queued = { events, sent, done };
      this.queued.set(key, queued);
      if (this.queued.size === 1) queueMicrotask(() => this.flush());
    }
    queued.events.push(event);
    return queued.sent;
  }

  /** Sends what is queued now, one call per page (a call about to go out flushes first, to keep order). */
  flush(): void {
    const queued = [...this.queued];
    this.queued.clear();
    for (const [key, { events, done }] of queued) void this.send(key, events).then(done);
  }
}
