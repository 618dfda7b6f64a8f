import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { TelemetryEvent, TelemetryValue } from '../../bridge/api/telemetry.ts';
import { claimDatabase, type DatabaseClaim } from './db-owner.ts';

/** The layout this code writes; a file written by a newer collector is refused, never rewritten. */
const SCHEMA_VERSION = 1;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS batches (
    id INTEGER PRIMARY KEY,
    received_at INTEGER NOT NULL,
    client TEXT NOT NULL,
    session TEXT,
    events INTEGER NOT NULL
  );
  CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY,
    batch INTEGER NOT NULL REFERENCES batches (id),
    name TEXT NOT NULL,
    at REAL NOT NULL,
    session TEXT,
    data TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS events_by_name ON events (name);
  CREATE INDEX IF NOT EXISTS events_by_session ON events (session);
`;

/** Who sent a batch and when the collector took it (its own clock, ms since the epoch). */
export interface BatchOrigin {
  readonly client: string;
  readonly receivedAt: number;
}

/** One stored event, as it was sent plus where it came from. */
export interface StoredEvent {
  /** Grows by one per stored event, across restarts: page with `events({ after })`. */
  readonly id: number;
  readonly batch: number;
  readonly receivedAt: number;
  readonly client: string;
  /**
   * The app session it belongs to: its own `data.session`, else the one session the other events
   * of its batch name (a batch comes from one app), else null.
   */
  readonly session: string | null;
  readonly name: string;
  readonly at: number;
  readonly data: Readonly<Record<string, TelemetryValue>>;
}

export interface StoreCounts {
  readonly batches: number;
  readonly events: number;
}

export interface EventQuery {
  /** Only events with an id above this one (default 0: from the first). */
  readonly after?: number;
  /** At most this many, oldest first (default 1000; Infinity for all). */
  readonly limit?: number;
  /** Only events with one of these names. */
  readonly names?: readonly string[];
}

/**
 * The collector's SQLite database: every accepted batch and its events, kept across restarts and
 * accumulating across sessions and devices. A batch is stored whole or not at all: its rows go in
 * one transaction, and anything that fails inside it (a full disk, a locked file) rolls it back,
 * so a refused batch never changes or loses what was stored before; a collector killed inside a
 * write leaves what SQLite rolls back on the next open. One collector holds a file at a time
 * (claimDatabase).
 *
 * @example
 * const store = TelemetryStore.open('dist/telemetry/telemetry.sqlite');
 * store.append([{ name: 'page.served', at: 12, data: { page: 'home', world: 'wasm' } }], { client: '127.0.0.1', receivedAt: Date.now() });
 * store.counts(); // { batches: 1, events: 1 }
 * store.close();
 */
export class TelemetryStore {
  private readonly insertBatch: Database.Statement<[number, string, string | null, number]>;
  private readonly insertEvent: Database.Statement<[number, string, number, string | null, string]>;

  /** A process that exits without closing the store (a dev server's exit) still gives up its claim. */
  private readonly onExit = () => this.close();

  private constructor(
    private readonly db: Database.Database,
    private readonly claim: DatabaseClaim,
    /** The file it writes. */
    readonly path: string,
  ) {
    process.once('exit', this.onExit);
    this.insertBatch = db.prepare(
      'INSERT INTO batches (received_at, client, session, events) VALUES (?, ?, ?, ?)',
    );
    this.insertEvent = db.prepare(
      'INSERT INTO events (batch, name, at, session, data) VALUES (?, ?, ?, ?, ?)',
    );
  }

  /** Opens (creating it and its folder if needed) and claims the database at `path`. */
  static open(path: string): TelemetryStore {
    mkdirSync(dirname(path), { recursive: true });
    const claim = claimDatabase(path);
    let db: Database.Database | undefined;
    try {
      db = new Database(path);
      const found = Number(db.pragma('user_version', { simple: true }));
      if (found > SCHEMA_VERSION)
        throw new Error(
          `the telemetry database ${path} has schema version ${found}; this collector reads up to ${SCHEMA_VERSION}`,
        );
      // WAL: the summary reads while a batch is written; FULL: a batch answered 204 is on disk.
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.exec(`BEGIN; ${SCHEMA} PRAGMA user_version = ${SCHEMA_VERSION}; COMMIT;`);
      return new TelemetryStore(db, claim, path);
    } catch (error) {
      if (db?.inTransaction) db.exec('ROLLBACK');
      db?.close();
      claim.release();
      throw error;
    }
  }

  /** Writes where this store's collector answers into its claim (see claimDatabase). */
  publish(url: string): void {
    this.claim.publish(url);
  }

  /**
   * Stores one batch and its events in one transaction; returns the batch's id. Throws (having
   * stored nothing) when the database cannot take it.
   */
  append(events: readonly TelemetryEvent[], origin: BatchOrigin): number {
    const named = new Set(events.map((event) => event.data?.['session']).filter(isString));
    const batchSession = named.size === 1 ? ([...named][0] ?? null) : null;
    const store = this.db.transaction(() => {
      const batch = Number(
        this.insertBatch.run(origin.receivedAt, origin.client, batchSession, events.length).lastInsertRowid,
      );
      for (const event of events) {
        const own = event.data?.['session'];
        this.insertEvent.run(
          batch,
          event.name,
          event.at,
          isString(own) ? own : batchSession,
          JSON.stringify(event.data ?? {}),
        );
      }
      return batch;
    });
    // IMMEDIATE: the write lock is taken before the first row, so a busy file fails the batch whole.
    return store.immediate();
  }

  counts(): StoreCounts {
    const row = this.db
      .prepare<[], { batches: number; events: number }>(
        'SELECT (SELECT count(*) FROM batches) AS batches, (SELECT count(*) FROM events) AS events',
      )
      .get();
    return { batches: row?.batches ?? 0, events: row?.events ?? 0 };
  }

  /** Stored events, oldest first, with the batch they came in. */
  events(query: EventQuery = {}): StoredEvent[] {
    const { after = 0, limit = 1000, names } = query;
    const byName = names === undefined ? '' : ` AND e.name IN (${names.map(() => '?').join(', ')})`;
    const rows = this.db
      .prepare<(string | number)[], EventRow>(
        `SELECT e.id, e.batch, b.received_at, b.client, e.session, e.name, e.at, e.data
           FROM events e JOIN batches b ON b.id = e.batch
          WHERE e.id > ?${byName}
          ORDER BY e.id LIMIT ?`,
      )
      .all(after, ...(names ?? []), Number.isFinite(limit) ? limit : -1);
    return rows.map((row) => ({
      id: row.id,
      batch: row.batch,
      receivedAt: row.received_at,
      client: row.client,
      session: row.session,
      name: row.name,
      at: row.at,
      data: parseData(row.data),
    }));
  }

  /**
   * The latest `at` of each session (a batch with none counts as a session of its own, keyed
   * `batch:<id>`): where the viewer time of a session's last page ends.
   */
  lastAtBySession(): Map<string, number> {
    const rows = this.db
      .prepare<[], { session: string; last: number }>(
        `SELECT coalesce(session, 'batch:' || batch) AS session, max(at) AS last FROM events GROUP BY 1`,
      )
      .all();
    return new Map(rows.map((row) => [row.session, row.last]));
  }

  /**
   * The release each session named last, on any of its events (`data.release`), by the same keys
   * as {@link lastAtBySession}: which release a session ran, however the host reports it.
   */
  releaseBySession(): Map<string, string> {
    const rows = this.db
      .prepare<[], { session: string; release: string }>(
        `SELECT coalesce(session, 'batch:' || batch) AS session, json_extract(data, '$.release') AS release
           FROM events WHERE json_type(data, '$.release') = 'text' ORDER BY id`,
      )
      .all();
    return new Map(rows.map((row) => [row.session, row.release]));
  }

  /**
   * Where each session's page clock sits on the collector's clock (ms since the epoch), by the
   * keys of {@link lastAtBySession}: `at` is the page's own clock (performance.now()), so an event
   * happened at `at + offset`. A batch is received after its last event, so `receivedAt - max(at)`
   * of a batch is at least the session's true offset; the smallest over its batches is the
   * tightest bound (late by the quickest batch's delivery, at most the app's 5 s send period).
   */
  clockOffsetBySession(): Map<string, number> {
    const rows = this.db
      .prepare<[], { session: string; offset: number }>(
        `SELECT session, min(received_at - last) AS offset FROM (
           SELECT coalesce(e.session, 'batch:' || e.batch) AS session, b.received_at, max(e.at) AS last
             FROM events e JOIN batches b ON b.id = e.batch GROUP BY e.batch, 1)
         GROUP BY session`,
      )
      .all();
    return new Map(rows.map((row) => [row.session, row.offset]));
  }

  /** Closes the database and gives up the claim; again is a no-op. */
  close(): void {
    process.off('exit', this.onExit);
    try {
      if (this.db.open) this.db.close();
    } finally {
      this.claim.release();
    }
  }
}

const isString = (value: unknown): value is string => typeof value === 'string';

/** A row of the events query, as SQLite answers it. */
interface EventRow {
  readonly id: number;
  readonly batch: number;
  readonly received_at: number;
  readonly client: string;
  readonly session: string | null;
  readonly name: string;
  readonly at: number;
  readonly data: string;
}

/** A stored data column: written by `append` from a validated batch, so an object of scalars. */
function parseData(value: string): Readonly<Record<string, TelemetryValue>> {
  const parsed: unknown = JSON.parse(value);
  return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, TelemetryValue>) : {};
}
