import { readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';

/** Who holds a telemetry database: the process, and where it answers (once it listens). */
export interface DatabaseOwner {
  readonly pid: number;
  readonly since: string;
  /** The collector's base URL, e.g. "http://127.0.0.1:5180"; absent until it listens. */
  readonly url?: string;
}

/** The database is held by another live collector: send batches to it (`owner.url`) instead. */
export class DatabaseInUseError extends Error {
  constructor(
    readonly dbPath: string,
    readonly owner: DatabaseOwner,
  ) {
    super(
      `the telemetry database ${dbPath} is held by process ${owner.pid} since ${owner.since}` +
        (owner.url === undefined ? '' : `, a collector answering at ${owner.url}`) +
        `; stop it, or use another --db (if process ${owner.pid} is not a collector, delete ${ownerFile(dbPath)})`,
    );
    this.name = 'DatabaseInUseError';
  }
}

/** A claim on a database file, released when its collector closes. */
export interface DatabaseClaim {
  /** Writes where the collector answers into the owner file, for `npm start` to find it. */
  publish(url: string): void;
  release(): void;
}

const ownerFile = (dbPath: string): string => `${dbPath}.owner`;

/**
 * Makes this process the one collector of `dbPath`, so a second collector on the same file is
 * refused with who holds it (and where it answers) instead of both counting the same devices.
 * The claim is a file beside the database (`<db>.owner`, created exclusively, holding the pid).
 * A claim whose process is gone (killed, crashed) is stale and taken over; SQLite itself rolls
 * back whatever write that process left half done.
 *
 * @example
 * const claim = claimDatabase('dist/telemetry/telemetry.sqlite');
 * claim.publish('http://127.0.0.1:5180');
 * claim.release();
 */
export function claimDatabase(dbPath: string): DatabaseClaim {
  const file = ownerFile(dbPath);
  let owner: DatabaseOwner = { pid: process.pid, since: new Date().toISOString() };
  const write = (flag: 'wx' | 'w') => writeFileSync(file, `${JSON.stringify(owner)}\n`, { flag });
  for (let attempt = 0; ; attempt++) {
    try {
      write('wx');
      break;
    } catch (error) {
      if (!isCode(error, 'EEXIST') || attempt > 0) throw error;
    }
    const holder = readOwner(file);
    if (holder !== undefined && isAlive(holder.pid)) throw new DatabaseInUseError(dbPath, holder);
    rmSync(file, { force: true });
  }
  let held = true;
  return {
    publish(url) {
      if (!held) return;
      owner = { ...owner, url };
      write('w');
    },
    release() {
      if (!held) return;
      held = false;
      try {
        unlinkSync(file);
      } catch (error) {
        if (!isCode(error, 'ENOENT')) throw error;
      }
    },
  };
}

/**
 * Who holds `dbPath` now, if a live process does (its collector's URL tells `npm start` where
 * to send batches); undefined when no one does or the holder is gone.
 *
 * @example
 * const owner = databaseOwner('dist/telemetry/telemetry.sqlite');
 * if (owner?.url !== undefined) proxyTo(owner.url);
 */
export function databaseOwner(dbPath: string): DatabaseOwner | undefined {
  const holder = readOwner(ownerFile(dbPath));
  return holder !== undefined && isAlive(holder.pid) ? holder : undefined;
}

/** The owner file's content; undefined when missing or unreadable (a claim cut off mid-write). */
function readOwner(file: string): DatabaseOwner | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const { pid, since, url } = parsed as Record<string, unknown>;
  if (typeof pid !== 'number' || !Number.isInteger(pid) || pid <= 0) return undefined;
  return {
    pid,
    since: typeof since === 'string' ? since : 'an unknown time',
    ...(typeof url === 'string' ? { url } : {}),
  };
}

/** Whether process `pid` exists (signal 0 checks without sending; EPERM: it exists, not ours). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return isCode(error, 'EPERM');
  }
}

function isCode(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code;
}
