import { describe, expect, it } from 'vitest';
import { TELEMETRY_BATCH_LIMIT } from '../../../../bridge/index.ts';
import { TelemetryQueue } from '../../../../host/boot/telemetry-queue.ts';
import { setupMockBackend } from '../../../support/backend-harness.ts';
import { TEST_API_BASE } from '../../../support/legacy-harness.ts';

const backend = setupMockBackend();

describe('TelemetryQueue', () => {
  it('sends queued events in one batch once the interval has passed, to the real sink', async () => {
    const before = backend.telemetryEvents().length;
    const queue = new TelemetryQueue({ apiBase: TEST_API_BASE, fetch, intervalMs: 1000 });
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
    const queue = new TelemetryQueue({ apiBase: TEST_API_BASE, fetch });
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
});
