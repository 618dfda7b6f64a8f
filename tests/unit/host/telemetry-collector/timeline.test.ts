import { afterEach, describe, expect, it } from 'vitest';
import type { TelemetryEvent } from '../../../../bridge/api/telemetry.ts';
import { type RunningCollector, startCollector } from '../../../../host/telemetry-collector/server.ts';
import type { StoredEvent } from '../../../../host/telemetry-collector/store.ts';
import type { TelemetrySummary } from '../../../../host/telemetry-collector/summary.ts';
import {
  type TelemetryTimeline,
  TIMELINE_AUTO_BUCKETS,
  TimelineRangeError,
  timeline,
} from '../../../../host/telemetry-collector/timeline.ts';
import { viewerIntervals } from '../../../../host/telemetry-collector/viewer-intervals.ts';
import { served, tempDbPath } from './telemetry-db.ts';

let nextId = 1;
const stored = (page: string, world: string, at: number, session = 's1'): StoredEvent => ({
  id: nextId++,
  batch: 1,
  receivedAt: 0,
  client: 'c',
  session,
  name: 'page.served',
  at,
  data: { page, world, reason: 'default', session },
});

describe('timeline', () => {
  it('moves each session onto the collector clock and splits viewer time across the buckets it spans', () => {
    // s1: wasm 0..1500, legacy 1500..2500 on its page clock, which starts at 10_000 on the collector's.
    // s2: wasm 0..500 on its clock, which starts at 11_000.
    const intervals = viewerIntervals(
      new Map([
        ['s1', [stored('profiles', 'wasm', 0), stored('details', 'legacy', 1500)]],
        ['s2', [stored('profiles', 'wasm', 0, 's2')]],
      ]),
      new Map([
        ['s1', 2500],
        ['s2', 500],
      ]),
    );
    const result = timeline({
      intervals,
      offsetBySession: new Map([
        ['s1', 10_000],
        ['s2', 11_000],
      ]),
      bucketMs: 1000,
      now: 99,
    });
    expect(result.bucketMs).toBe(1000);
    expect(result.generatedAt).toBe(99);
    expect(result.buckets).toEqual([
      { start: 10_000, wasmMs: 1000, totalMs: 1000, wasmShare: 1 },
      { start: 11_000, wasmMs: 1000, totalMs: 1500, wasmShare: 1000 / 1500 },
      { start: 12_000, wasmMs: 0, totalMs: 500, wasmShare: 0 },
    ]);
    expect(result.notes).toEqual([]);
  });

  it('fills the gaps between watched buckets with zeros and null shares', () => {
    const intervals = viewerIntervals(
      new Map([
        ['a', [stored('profiles', 'wasm', 0, 'a')]],
        ['b', [stored('profiles', 'legacy', 0, 'b')]],
      ]),
      new Map([
        ['a', 100],
        ['b', 100],
      ]),
    );
    const result = timeline({
      intervals,
      offsetBySession: new Map([
        ['a', 0],
        ['b', 3000],
      ]),
      bucketMs: 1000,
      now: 0,
    });
    expect(result.buckets.map((b) => [b.start, b.wasmMs, b.totalMs, b.wasmShare])).toEqual([
      [0, 100, 100, 1],
      [1000, 0, 0, null],
      [2000, 0, 0, null],
      [3000, 0, 100, 0],
    ]);
  });

  it('picks the smallest bucket size that fits the range in a few hundred buckets, and refuses one that gives too many', () => {
    const intervals = viewerIntervals(
      new Map([['s1', [stored('profiles', 'wasm', 0)]]]),
      new Map([['s1', 3_600_000]]),
    );
    const auto = timeline({ intervals, offsetBySession: new Map([['s1', 0]]), now: 0 });
    expect(auto.bucketMs).toBe(60_000);
    expect(auto.buckets.length).toBeLessThanOrEqual(TIMELINE_AUTO_BUCKETS);
    expect(auto.buckets.reduce((sum, b) => sum + b.totalMs, 0)).toBe(3_600_000);
    expect(() =>
      timeline({ intervals, offsetBySession: new Map([['s1', 0]]), bucketMs: 100, now: 0 }),
    ).toThrow(TimelineRangeError);
  });

  it('says when a session has no clock offset, and leaves its time out', () => {
    const intervals = viewerIntervals(
      new Map([['s1', [stored('profiles', 'wasm', 0)]]]),
      new Map([['s1', 500]]),
    );
    const result = timeline({ intervals, offsetBySession: new Map(), now: 0 });
    expect(result.buckets).toEqual([]);
    expect(result.notes).toEqual([expect.stringMatching(/1 viewer intervals .* no clock offset/)]);
  });
});

describe('GET /timeline', () => {
  const running: RunningCollector[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((collector) => collector.close()));
  });

  async function collectorAt(time: { now: number }): Promise<RunningCollector> {
    const collector = await startCollector({ port: 0, dbPath: tempDbPath(), now: () => time.now });
    running.push(collector);
    return collector;
  }
  const post = (collector: RunningCollector, events: readonly TelemetryEvent[]) =>
    fetch(`${collector.url}/api/telemetry`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ events }),
    });

  it('places each batch by its receipt time and adds up to the summary viewer time', async () => {
    const time = { now: 100_000 };
    const collector = await collectorAt(time);
    // Session s1's page clock: its last event at 2000 arrives at 100_000, so it starts at 98_000.
    expect(
      (
        await post(collector, [
          served('profiles', 'wasm', 0),
          served('details', 'legacy', 1500),
          { name: 'x', at: 2000, data: { session: 's1' } },
        ])
      ).status,
    ).toBe(204);
    // A later batch of s1 arriving late does not move the clock further (the tightest bound wins).
    time.now = 200_000;
    expect((await post(collector, [{ name: 'x', at: 2500, data: { session: 's1' } }])).status).toBe(204);

    const answer = await fetch(`${collector.url}/timeline?bucket=1000`);
    expect(answer.status).toBe(200);
    const result = (await answer.json()) as TelemetryTimeline;
    expect(result.buckets).toEqual([
      { start: 98_000, wasmMs: 1000, totalMs: 1000, wasmShare: 1 },
      { start: 99_000, wasmMs: 500, totalMs: 1000, wasmShare: 0.5 },
      { start: 100_000, wasmMs: 0, totalMs: 500, wasmShare: 0 },
    ]);
    const summary = (await (await fetch(`${collector.url}/summary`)).json()) as TelemetrySummary;
    const viewerTime = summary.rows.reduce((sum, row) => sum + row.viewerTimeMs, 0);
    expect(result.buckets.reduce((sum, b) => sum + b.totalMs, 0)).toBe(viewerTime);
    expect(result.buckets.reduce((sum, b) => sum + b.wasmMs, 0)).toBe(
      summary.rows.filter((row) => row.world === 'wasm').reduce((sum, row) => sum + row.viewerTimeMs, 0),
    );
  });

  it('refuses a bucket that is not an integer in range, or gives too many buckets, naming why', async () => {
    const collector = await collectorAt({ now: 10_000_000 });
    expect(
      (
        await post(collector, [
          served('profiles', 'wasm', 0),
          { name: 'x', at: 9_000_000, data: { session: 's1' } },
        ])
      ).status,
    ).toBe(204);
    for (const [query, pattern] of [
      ['bucket=abc', /"bucket" must be an integer from 1000/],
      ['bucket=10', /"bucket" must be an integer from 1000/],
      ['bucket=1000', /gives 9000 buckets .* at most 5000/],
    ] as const) {
      const answer = await fetch(`${collector.url}/timeline?${query}`);
      expect(answer.status, query).toBe(400);
      const body = (await answer.json()) as { error: { message: string } };
      expect(body.error.message).toMatch(pattern);
    }
    expect((await fetch(`${collector.url}/timeline`, { method: 'POST' })).status).toBe(405);
  });
});
