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

export function openDb(file = databasePath()): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('cache_size = -32000');
  registerSearchFunctions(sqlite);
  return drizzle(sqlite, { schema }) as Db;
}

// One connection per process, opened on first use so `next build` never touches the database.
const globalForDb = globalThis as unknown as { __portalDb?: Db };

export function getDb(): Db {
  globalForDb.__portalDb ??= openDb();
  return globalForDb.__portalDb;
}

/** Runs `fn` in a write transaction that takes the write lock up front (BEGIN IMMEDIATE). */
export function writeTransaction<T>(db: Db, fn: (tx: Db) => T): T {
  return db.transaction((tx) => fn(tx as unknown as Db), { behavior: 'immediate' });
}
