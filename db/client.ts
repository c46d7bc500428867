import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as schema from './schema';
import { registerSearchFunctions } from './search-functions';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export function databasePath(): string {
  return path.resolve(/* turbopackIgnore: true */ process.env.DATABASE_PATH || './data/portal.db');
}

/** Uploaded and generated images live beside the database, so one folder holds all state. */
export function mediaDir(): string {
  return path.join(path.dirname(databasePath()), 'media');
}

/**
 * How long a write waits for another process's lock. better-sqlite3 waits on the calling thread, so
 * in the server every waiting millisecond stalls all requests: it waits 2 s there (then the writer
 * gets «الخدمة مشغولة»), scripts 5 s.
 */
export const SERVER_BUSY_TIMEOUT_MS = 2_000;

export function openDb(file = databasePath(), busyTimeoutMs = 5_000): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  // NORMAL in WAL mode: a commit survives a crash of the process (SIGKILL, OOM) but the newest ones
  // may be lost if the machine itself loses power; DB_SYNCHRONOUS=FULL syncs every commit instead.
  sqlite.pragma(`synchronous = ${process.env.DB_SYNCHRONOUS === 'FULL' ? 'FULL' : 'NORMAL'}`);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
  sqlite.pragma('cache_size = -32000');
  registerSearchFunctions(sqlite);
  return drizzle(sqlite, { schema }) as Db;
}

// One connection per process, opened on first use so `next build` never touches the database.
const globalForDb = globalThis as unknown as { __portalDb?: Db };

export function getDb(): Db {
  globalForDb.__portalDb ??= openDb(databasePath(), Number(process.env.DB_BUSY_TIMEOUT_MS || SERVER_BUSY_TIMEOUT_MS));
  return globalForDb.__portalDb;
}

/** Runs `fn` in a write transaction that takes the write lock up front (BEGIN IMMEDIATE). */
export function writeTransaction<T>(db: Db, fn: (tx: Db) => T): T {
  return db.transaction((tx) => fn(tx as unknown as Db), { behavior: 'immediate' });
}

/** Background writes (view counts) try once and keep their data for the next round when locked. */
export function withoutWaiting<T>(db: Db, fn: () => T): T {
  const previous = db.$client.pragma('busy_timeout', { simple: true }) as number;
  db.$client.pragma('busy_timeout = 0');
  try {
    return fn();
  } finally {
    db.$client.pragma(`busy_timeout = ${previous}`);
  }
}
