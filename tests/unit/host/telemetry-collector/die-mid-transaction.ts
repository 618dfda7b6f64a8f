// Run as a child process by store.test.ts: `node --import tsx die-mid-transaction.ts <db path>`.
// It stores one batch through the store, then starts a big write of its own on the same file and
// is killed (SIGKILL, as the OOM killer or a power cut would) in the middle of it: its claim and
// the half-written transaction (the cache is too small to hold the write, so its pages reach the
// file before any commit) are left behind for the next collector to recover from.
import Database from 'better-sqlite3';
import { TelemetryStore } from '../../../../host/telemetry-collector/store.ts';

const path = process.argv[2];
if (path === undefined) throw new Error('usage: die-mid-transaction.ts <db path>');
const store = TelemetryStore.open(path);
store.append([{ name: 'page.served', at: 1, data: { page: 'home', world: 'wasm', session: 'kept' } }], {
  client: 'child',
  receivedAt: 1,
});
const db = new Database(path);
db.pragma('cache_size = 2');
db.exec('BEGIN IMMEDIATE');
const insert = db.prepare(
  "INSERT INTO events (batch, name, at, session, data) VALUES (1, 'lost', ?, NULL, ?)",
);
for (let i = 0; i < 2000; i++) insert.run(i, JSON.stringify({ filler: 'x'.repeat(200) }));
process.stdout.write('inside\n');
process.kill(process.pid, 'SIGKILL');
