import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { onTestFinished } from 'vitest';
import type { TelemetryEvent } from '../../../../bridge/api/telemetry.ts';

/**
 * A fresh database path in a folder of its own, removed when the test ends.
 *
 * @example
 * const path = tempDbPath(); // /tmp/ficus-telemetry-XXXX/telemetry.sqlite (not created yet)
 */
export function tempDbPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ficus-telemetry-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return join(dir, 'telemetry.sqlite');
}

/**
 * Makes the database at `path` refuse, inside the transaction, any event named `test.poison`:
 * a real SQLite failure in the middle of a batch (a trigger raising ABORT), as a full disk or an
 * I/O error would be, to show a batch is stored whole or not at all. Call before opening a store.
 */
export function poisonEventsNamed(path: string, name = 'test.poison'): void {
  const db = new Database(path);
  try {
    db.exec(
      `CREATE TABLE IF NOT EXISTS events (id INTEGER PRIMARY KEY, batch INTEGER NOT NULL, name TEXT NOT NULL,
         at REAL NOT NULL, session TEXT, data TEXT NOT NULL);
       CREATE TRIGGER poison BEFORE INSERT ON events WHEN NEW.name = '${name}'
         BEGIN SELECT RAISE(ABORT, 'poisoned event refused by the test trigger'); END;`,
    );
  } finally {
    db.close();
  }
}

/** A page.served event of `session` at `at`. */
export const served = (page: string, world: string, at: number, session = 's1'): TelemetryEvent => ({
  name: 'page.served',
  at,
  data: { page, world, reason: 'default', session },
});
