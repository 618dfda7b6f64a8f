import { describe, expect, it, vi } from 'vitest';
import { TELEMETRY_BATCH_LIMIT } from '../../../../bridge/index.ts';
import { TelemetryQueue } from '../../../../host/boot/telemetry-queue.ts';
import { setupMockBackend } from '../../../support/backend-harness.ts';
import { TEST_API_BASE } from '../../../support/legacy-harness.ts';

const backend = setupMockBackend();

describe('TelemetryQueue', () => {
  it('sends queued events in one batch once the interval has passed, to the real sink', async () => {
    const before = backend.telemetryEvents().length;
    const queue = new TelemetryQueue({ apiBase: TEST_API_BASE, fetch, intervalMs: 1000, autoFlush: false });
    queue.record('page.crashed', { page: 'profiles', world: 'wasm' }, 10);
    queue.record('page.fallback', { page: 'profiles', from: 'wasm' }, 11);
    await queue.flushIfDue(0); // first send: nothing sent before, so it is due
    expect(queue.pending).toBe(0);
    expect(
      backend
        .telemetryEvents()
        .slice(before)
        .map((e) => e.name),
    ).toEqual(['page.crashed', 'page.fallback']);

    queue.record('page.metric', { page: 'collections', name: 'frames', value: 3 }, 20);
    await queue.flushIfDue(500); // within the interval: kept
    expect(queue.pending).toBe(1);
    await queue.flushIfDue(1000);
    expect(queue.pending).toBe(0);
  });

  it('keeps at most one batch worth of events, the newest', () => {
    const queue = new TelemetryQueue({ apiBase: TEST_API_BASE, fetch, autoFlush: false });
    for (let i = 0; i < TELEMETRY_BATCH_LIMIT + 10; i++) queue.record('page.error', { n: i }, i);
    expect(queue.pending).toBe(TELEMETRY_BATCH_LIMIT);
  });

  it('never throws when the sink is unreachable', async () => {
    backend.fail('telemetry', { kind: 'network' });
    const queue = new TelemetryQueue({ apiBase: TEST_API_BASE, fetch });
    queue.record('page.crashed', { page: 'profiles' }, 1);
    await expect(queue.flush(1)).resolves.toBeUndefined();
    expect(queue.pending).toBe(0);
  });

  it('sends by itself one interval after an event is recorded, since frames stop while nothing changes', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const sent: string[] = [];
      const queue = new TelemetryQueue({
        apiBase: TEST_API_BASE,
        intervalMs: 1000,
        fetch: async (_url, init) => {
          sent.push(String(init?.body));
          return new Response(null, { status: 204 });
        },
      });
      queue.record('page.crashed', { page: 'profiles' }, 1);
      queue.record('page.fallback', { page: 'profiles' }, 2);
      vi.advanceTimersByTime(999);
      expect(sent).toHaveLength(0);
      vi.advanceTimersByTime(1);
      expect(sent).toHaveLength(1); // both in one batch
      expect(queue.pending).toBe(0);
      queue.record('page.error', { page: 'profiles' }, 3);
      queue.dispose();
      vi.advanceTimersByTime(5000);
      expect(sent).toHaveLength(1);
      expect(queue.pending).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
