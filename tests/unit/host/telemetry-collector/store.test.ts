import { spawnSync } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { DatabaseInUseError } from '../../../../host/telemetry-collector/db-owner.ts';
import { TelemetryStore } from '../../../../host/telemetry-collector/store.ts';
import { poisonEventsNamed, served, tempDbPath } from './telemetry-db.ts';

const from = { client: '10.0.0.7', receivedAt: 1_000 };

function open(path: string): TelemetryStore {
  const store = TelemetryStore.open(path);
  onTestFinished(() => {
    try {
      store.close();
    } catch {
      // closed by the test already
    }
  });
  return store;
}

describe('TelemetryStore', () => {
  it('stores batches whole, with who sent them, and reads them back oldest first', () => {
    const store = open(tempDbPath());
    const first = store.append([served('profiles', 'wasm', 10), served('collections', 'wasm', 900)], from);
    const second = store.append([{ name: 'wasm.slow', at: 5, data: { call: 'mount', elapsedMs: 70 } }], {
      client: '10.0.0.8',
      receivedAt: 2_000,
    });
    expect(second).toBe(first + 1);
    expect(store.counts()).toEqual({ batches: 2, events: 3 });
    expect(store.events()).toEqual([
      expect.objectContaining({ id: 1, batch: first, client: '10.0.0.7', receivedAt: 1_000, session: 's1' }),
      expect.objectContaining({
        id: 2,
        name: 'page.served',
        at: 900,
        data: served('collections', 'wasm', 900).data,
      }),
      expect.objectContaining({
        id: 3,
        batch: second,
        client: '10.0.0.8',
        session: null,
        data: { call: 'mount', elapsedMs: 70 },
      }),
    ]);
    expect(store.events({ after: 1, limit: 1 }).map((event) => event.id)).toEqual([2]);
    expect(store.events({ names: ['wasm.slow'] }).map((event) => event.id)).toEqual([3]);
  });

  it('gives the events of a batch the one session its events name', () => {
    const store = open(tempDbPath());
    store.append(
      [
        served('profiles', 'wasm', 10, 'a'),
        { name: 'page.crashed', at: 20, data: { page: 'profiles', world: 'wasm' } },
      ],
      from,
    );
    // Two sessions in one batch: only events that say theirs get one.
    store.append(
      [served('home', 'wasm', 1, 'b'), served('home', 'wasm', 2, 'c'), { name: 'x', at: 3 }],
      from,
    );
    expect(store.events().map((event) => event.session)).toEqual(['a', 'a', 'b', 'c', null]);
    expect(store.lastAtBySession()).toEqual(
      new Map([
        ['a', 20],
        ['b', 1],
        ['c', 2],
        ['batch:2', 3],
      ]),
    );
  });

  it('keeps booleans, numbers and strings of data as they were sent', () => {
    const store = open(tempDbPath());
    store.append([{ name: 'n', at: 1.5, data: { ok: true, ratio: 0.25, text: 'é "quoted"' } }], from);
    expect(store.events()[0]).toMatchObject({ at: 1.5, data: { ok: true, ratio: 0.25, text: 'é "quoted"' } });
  });

  it('knows the release each session named last', () => {
    const store = open(tempDbPath());
    store.append([{ name: 'release.chosen', at: 1, data: { release: 'r1', session: 's1' } }], from);
    store.append([{ name: 'release.chosen', at: 9, data: { release: 'r2', session: 's1' } }], from);
    store.append([{ name: 'release.chosen', at: 1, data: { release: 7 } }], from);
    expect(store.releaseBySession()).toEqual(new Map([['s1', 'r2']]));
  });

  it('keeps everything across a restart, and accumulates after it', () => {
    const path = tempDbPath();
    const before = TelemetryStore.open(path);
    before.append([served('profiles', 'wasm', 10)], from);
    before.close();
    const after = open(path);
    expect(after.events().map((event) => event.data['page'])).toEqual(['profiles']);
    after.append([served('details', 'legacy', 20, 's2')], from);
    expect(after.counts()).toEqual({ batches: 2, events: 2 });
  });

  it('stores nothing of a batch that fails in the middle, and keeps what it had', () => {
    const path = tempDbPath();
    poisonEventsNamed(path);
    const store = open(path);
    store.append([served('profiles', 'wasm', 10)], from);
    const poisoned = [
      served('home', 'wasm', 20),
      { name: 'test.poison', at: 21 },
      served('details', 'wasm', 22),
    ];
    expect(() => store.append(poisoned, from)).toThrow(/poisoned event refused/);
    expect(store.counts()).toEqual({ batches: 1, events: 1 });
    // The store still works after the failed batch.
    store.append([served('search', 'legacy', 30)], from);
    expect(store.events().map((event) => event.data['page'])).toEqual(['profiles', 'search']);
  });

  it('refuses a second store on a file another one holds, saying who holds it', () => {
    const path = tempDbPath();
    open(path);
    expect(() => TelemetryStore.open(path)).toThrow(DatabaseInUseError);
    expect(() => TelemetryStore.open(path)).toThrow(`is held by process ${process.pid}`);
  });

  it('takes over the claim of a process that is gone', () => {
    const path = tempDbPath();
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(`${path}.owner`, JSON.stringify({ pid: gone, since: 'earlier' }));
    const store = open(path);
    store.append([served('profiles', 'wasm', 10)], from);
    expect(store.counts().events).toBe(1);
  });

  it('recovers a database whose collector was killed inside a write: the stored batch stays, the half write is rolled back', () => {
    const path = tempDbPath();
    // node itself runs the script (tsx as its loader), so the signal kills the process that writes.
    const script = fileURLToPath(new URL('./die-mid-transaction.ts', import.meta.url));
    const child = spawnSync(process.execPath, ['--import', 'tsx', script, path], { encoding: 'utf8' });
    expect(child.stdout, child.stderr).toContain('inside');
    expect(child.signal).toBe('SIGKILL');
    // The half write reached the disk (the write-ahead log) before the kill.
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(2000 * 200);

    const store = open(path);
    expect(store.events().map((event) => event.session)).toEqual(['kept']);
    store.append([served('details', 'wasm', 2)], from);
    expect(store.counts()).toEqual({ batches: 2, events: 2 });
  });

  it('refuses a database written by a newer collector and leaves it as it was', () => {
    const path = tempDbPath();
    const db = new Database(path);
    db.pragma('user_version = 99');
    db.close();
    expect(() => TelemetryStore.open(path)).toThrow(/has schema version 99; this collector reads up to 1/);
    // Its claim is given back: once the file is fixed it opens.
    const fixed = new Database(path);
    fixed.pragma('user_version = 0');
    fixed.close();
    expect(open(path).counts()).toEqual({ batches: 0, events: 0 });
  });
});
