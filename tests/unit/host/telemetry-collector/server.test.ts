import { afterEach, describe, expect, it } from 'vitest';
import { TELEMETRY_BATCH_LIMIT, type TelemetryEvent } from '../../../../bridge/api/telemetry.ts';
import { DatabaseInUseError } from '../../../../host/telemetry-collector/db-owner.ts';
import {
  type CollectorOptions,
  type RunningCollector,
  startCollector,
  TELEMETRY_BODY_LIMIT_BYTES,
} from '../../../../host/telemetry-collector/server.ts';
import type { TelemetrySummary } from '../../../../host/telemetry-collector/summary.ts';
import { FakeClock } from '../../../support/fake-clock.ts';
import { poisonEventsNamed, served, tempDbPath } from './telemetry-db.ts';

// The collector as a team runs it: a real HTTP server on a free port of this machine, a real
// SQLite file, requests made with fetch.

const running: RunningCollector[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((collector) => collector.close()));
});

async function start(options: Partial<CollectorOptions> & { dbPath: string }): Promise<RunningCollector> {
  const collector = await startCollector({ port: 0, ...options });
  running.push(collector);
  return collector;
}

const post = (collector: RunningCollector, body: string, headers: Record<string, string> = {}) =>
  fetch(`${collector.url}/api/telemetry`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });

const postEvents = (collector: RunningCollector, events: readonly TelemetryEvent[]) =>
  post(collector, JSON.stringify({ events }));

async function errorOf(response: Response): Promise<{ status: number; code: string; message: string }> {
  const body = (await response.json()) as { error: { code: string; message: string } };
  return { status: response.status, ...body.error };
}

async function summary(collector: RunningCollector): Promise<TelemetrySummary> {
  const response = await fetch(`${collector.url}/summary`);
  expect(response.status).toBe(200);
  return (await response.json()) as TelemetrySummary;
}

const walk: TelemetryEvent[] = [
  served('profiles', 'wasm', 100),
  served('collections', 'wasm', 1_100),
  {
    name: 'page.crashed',
    at: 2_000,
    data: { page: 'collections', world: 'wasm', phase: 'event', message: 'trap' },
  },
  { name: 'page.fallback', at: 2_001, data: { page: 'collections', from: 'wasm', reason: 'trap' } },
  {
    ...served('collections', 'legacy', 2_100),
    data: { ...served('collections', 'legacy', 0).data, reason: 'fallback' },
  },
  { name: 'wasm.slow', at: 4_100, data: { call: 'event', elapsedMs: 120, budgetMs: 100 } },
];

describe('the telemetry collector over HTTP', () => {
  it('stores a valid batch (204) and sums it up per page and world', async () => {
    const collector = await start({ dbPath: tempDbPath() });
    const response = await postEvents(collector, walk);
    expect(response.status).toBe(204);

    const sums = await summary(collector);
    expect(sums.totals).toEqual({ batches: 1, events: walk.length, sessions: 1 });
    expect(
      sums.rows.map(({ page, world, served: n, viewerTimeMs, crashes, fallbacks }) => ({
        page,
        world,
        n,
        viewerTimeMs,
        crashes,
        fallbacks,
      })),
    ).toEqual([
      { page: 'collections', world: 'legacy', n: 1, viewerTimeMs: 2_000, crashes: 0, fallbacks: 0 },
      { page: 'collections', world: 'wasm', n: 1, viewerTimeMs: 1_000, crashes: 1, fallbacks: 1 },
      { page: 'profiles', world: 'wasm', n: 1, viewerTimeMs: 1_000, crashes: 0, fallbacks: 0 },
    ]);
    const health = (await (await fetch(`${collector.url}/health`)).json()) as object;
    expect(health).toEqual({ ok: true, batches: 1, events: walk.length });
  });

  it('refuses a body that is not JSON with 400, and stores nothing', async () => {
    const collector = await start({ dbPath: tempDbPath() });
    expect(await errorOf(await post(collector, '{"events": ['))).toEqual({
      status: 400,
      code: 'bad-request',
      message: 'the request body is not valid JSON',
    });
    expect(collector.store.counts()).toEqual({ batches: 0, events: 0 });
  });

  it('refuses a malformed batch with 400 naming the field, and stores none of its events', async () => {
    const collector = await start({ dbPath: tempDbPath() });
    await postEvents(collector, walk);
    const bad = [served('home', 'wasm', 1), { name: 'page.served', at: -5 }, served('home', 'wasm', 2)];
    expect(await errorOf(await post(collector, JSON.stringify({ events: bad })))).toEqual({
      status: 400,
      code: 'bad-request',
      message: 'the batch is malformed at .events[1].at: expected a finite number of at least 0, got -5',
    });
    const nested = { events: [{ name: 'x', at: 1, data: { page: { nested: true } } }] };
    expect((await errorOf(await post(collector, JSON.stringify(nested)))).message).toContain(
      'at .events[0].data.page:',
    );
    expect((await errorOf(await post(collector, JSON.stringify({ batch: [] })))).message).toContain(
      'at .events:',
    );
    expect(collector.store.counts()).toEqual({ batches: 1, events: walk.length });
  });

  it(`refuses more than ${TELEMETRY_BATCH_LIMIT} events, or a body over the byte limit, with 413`, async () => {
    const collector = await start({ dbPath: tempDbPath() });
    await postEvents(collector, walk);
    const many = Array.from({ length: TELEMETRY_BATCH_LIMIT + 1 }, (_, i) => served('home', 'wasm', i));
    expect(await errorOf(await postEvents(collector, many))).toEqual({
      status: 413,
      code: 'too-large',
      message: `the batch has ${TELEMETRY_BATCH_LIMIT + 1} events; at most ${TELEMETRY_BATCH_LIMIT} (TELEMETRY_BATCH_LIMIT) are taken`,
    });
    const huge = JSON.stringify({
      events: [{ name: 'x', at: 1, data: { text: 'x'.repeat(TELEMETRY_BODY_LIMIT_BYTES) } }],
    });
    const refused = await errorOf(await post(collector, huge));
    expect(refused).toMatchObject({ status: 413, code: 'too-large' });
    expect(refused.message).toMatch(new RegExp(`at most ${TELEMETRY_BODY_LIMIT_BYTES} are taken$`));
    // Exactly the limit is taken.
    expect((await postEvents(collector, many.slice(1))).status).toBe(204);
    expect(collector.store.counts()).toEqual({ batches: 2, events: walk.length + TELEMETRY_BATCH_LIMIT });
  });

  it('refuses a client that floods with 429 and Retry-After, keeps taking others, and takes it again later', async () => {
    const clock = new FakeClock(1_000_000);
    const collector = await start({
      dbPath: tempDbPath(),
      now: () => clock.now(),
      rateLimit: { burst: 3, perSecond: 0.5 },
    });
    const flood = { 'x-forwarded-for': '10.0.0.66' };
    const one = JSON.stringify({ events: [served('home', 'wasm', 1, 'flood')] });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await post(collector, one, flood)).status);
    expect(statuses).toEqual([204, 204, 204, 429, 429, 429]);
    const refused = await post(collector, one, flood);
    expect(refused.headers.get('retry-after')).toBe('2');
    expect(await errorOf(refused)).toEqual({
      status: 429,
      code: 'too-many-requests',
      message: '10.0.0.66 sends faster than the collector takes',
    });
    // Another device is not held back by the flood.
    expect((await post(collector, one, { 'x-forwarded-for': '10.0.0.7' })).status).toBe(204);
    // Nothing the flood sent over its rate was stored; what it sent before was kept.
    expect(collector.store.counts()).toEqual({ batches: 4, events: 4 });

    await clock.advance(2_000);
    expect((await post(collector, one, flood)).status).toBe(204);
  });

  it('answers 503 when the database cannot take a batch, stores none of it, and keeps what it had', async () => {
    const dbPath = tempDbPath();
    poisonEventsNamed(dbPath);
    const collector = await start({ dbPath });
    await postEvents(collector, walk);
    const refused = await errorOf(
      await postEvents(collector, [served('home', 'wasm', 1), { name: 'test.poison', at: 2 }]),
    );
    expect(refused).toMatchObject({ status: 503, code: 'store-unavailable' });
    expect(refused.message).toContain('nothing of it was stored');
    expect(collector.store.counts()).toEqual({ batches: 1, events: walk.length });
  });

  it('keeps its data across a restart on the same file and accumulates sessions and devices', async () => {
    const dbPath = tempDbPath();
    const first = await start({ dbPath });
    await postEvents(first, walk);
    const before = await summary(first);
    await first.close();

    const second = await start({ dbPath });
    const after = await summary(second);
    expect(after.rows).toEqual(before.rows);
    expect(after.totals).toEqual(before.totals);

    // Another device, another session: added to what was there.
    const other = [served('profiles', 'legacy', 10, 's2'), served('collections', 'legacy', 510, 's2')];
    expect(
      (await post(second, JSON.stringify({ events: other }), { 'x-forwarded-for': '10.0.0.9' })).status,
    ).toBe(204);
    const more = await summary(second);
    expect(more.totals).toEqual({ batches: 2, events: walk.length + 2, sessions: 2 });
    expect(more.rows.find((r) => r.page === 'profiles' && r.world === 'legacy')).toMatchObject({
      sessions: 1,
      viewerTimeMs: 500,
    });
    const page = (await (await fetch(`${second.url}/events?after=${walk.length}`)).json()) as {
      events: { client: string; session: string }[];
      next: number;
    };
    expect(page.events.map((e) => [e.client, e.session])).toEqual([
      ['10.0.0.9', 's2'],
      ['10.0.0.9', 's2'],
    ]);
    expect(page.next).toBe(walk.length + 2);
  });

  it('refuses a second collector on a file a running one holds, naming where that one answers', async () => {
    const dbPath = tempDbPath();
    const first = await start({ dbPath });
    const second = startCollector({ dbPath, port: 0 });
    await expect(second).rejects.toThrow(DatabaseInUseError);
    await expect(second).rejects.toThrow(`a collector answering at ${first.url}`);
  });

  it('answers 404 for unknown paths, 405 for a wrong method, 400 for bad paging', async () => {
    const collector = await start({ dbPath: tempDbPath() });
    expect(await errorOf(await fetch(`${collector.url}/api/home`))).toMatchObject({
      status: 404,
      code: 'not-found',
    });
    const wrong = await fetch(`${collector.url}/api/telemetry`);
    expect(wrong.headers.get('allow')).toBe('POST');
    expect(await errorOf(wrong)).toMatchObject({
      status: 405,
      message: '/api/telemetry takes POST, not GET',
    });
    expect(await errorOf(await fetch(`${collector.url}/events?limit=0`))).toMatchObject({
      status: 400,
      message: 'query parameter "limit" must be an integer from 1 to 5000, got "0"',
    });
  });
});
