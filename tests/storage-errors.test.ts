import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, withoutWaiting } from '@/db/client';
import { databaseHealth } from '@/db/queries/health';
import { isStorageUnavailable, orWhenBusy, sqliteCode } from '@/lib/storage-errors';
import { createTestDb } from './helpers/db';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function twoConnections() {
  const first = createTestDb();
  cleanups.push(first.cleanup);
  const other = openDb(path.join(first.dir, 'portal.db'), 0);
  cleanups.unshift(() => other.$client.close());
  return { db: first.db, other };
}

describe('database refusals that are not the writer’s fault', () => {
  it('a lock held by another connection is SQLITE_BUSY, and nothing is written', async () => {
    const { db, other } = twoConnections();
    db.$client.exec('BEGIN EXCLUSIVE');
    let caught: unknown;
    try {
      other.run(sql`insert into settings (key, value, updated_at) values ('x', '1', 0)`);
    } catch (error) {
      caught = error;
    }
    db.$client.exec('ROLLBACK');
    expect(isStorageUnavailable(caught)).toBe(true);
    expect(other.get<{ n: number }>(sql`select count(*) as n from settings where key = 'x'`).n).toBe(0);
  });

  it('a full database (max_page_count) is SQLITE_FULL and the transaction is rolled back', () => {
    const { db } = twoConnections();
    const pages = db.$client.pragma('page_count', { simple: true }) as number;
    db.$client.pragma(`max_page_count = ${pages}`);
    const big = 'ب'.repeat(1_000_000);
    let caught: unknown;
    try {
      db.transaction((tx) => {
        tx.run(sql`insert into settings (key, value, updated_at) values ('a', 'small', 0)`);
        tx.run(sql`insert into settings (key, value, updated_at) values ('b', ${big}, 0)`);
      });
    } catch (error) {
      caught = error;
    }
    expect(sqliteCode(caught)).toBe('SQLITE_FULL');
    expect(isStorageUnavailable(caught)).toBe(true);
    expect(db.get<{ n: number }>(sql`select count(*) as n from settings where key in ('a', 'b')`).n).toBe(0);
  });

  it('other errors are not mistaken for a busy database', () => {
    expect(isStorageUnavailable(new Error('boom'))).toBe(false);
    expect(isStorageUnavailable(Object.assign(new Error('x'), { code: 'SQLITE_CONSTRAINT_UNIQUE' }))).toBe(false);
    expect(isStorageUnavailable(null)).toBe(false);
    expect(isStorageUnavailable(Object.assign(new Error('x'), { code: 'SQLITE_BUSY_SNAPSHOT' }))).toBe(true);
  });

  it('orWhenBusy answers with the fallback for a busy database and rethrows anything else', async () => {
    const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    await expect(orWhenBusy(async () => { throw busy; }, () => 'busy')).resolves.toBe('busy');
    await expect(orWhenBusy(async () => 'done', () => 'busy')).resolves.toBe('done');
    await expect(orWhenBusy(async () => { throw new Error('bug'); }, () => 'busy')).rejects.toThrow('bug');
  });

  it('withoutWaiting gives up at once on a lock and restores the connection’s timeout', () => {
    const first = createTestDb();
    cleanups.push(first.cleanup);
    const other = openDb(path.join(first.dir, 'portal.db'), 3_000);
    cleanups.unshift(() => other.$client.close());
    first.db.$client.exec('BEGIN EXCLUSIVE');
    const started = Date.now();
    expect(() => withoutWaiting(other, () => other.run(sql`insert into settings (key, value, updated_at) values ('y', '1', 0)`))).toThrow();
    expect(Date.now() - started).toBeLessThan(500);
    first.db.$client.exec('ROLLBACK');
    expect(other.$client.pragma('busy_timeout', { simple: true })).toBe(3_000);
  });
});

describe('health', () => {
  it('a migrated database is current', () => {
    const { db, cleanup } = createTestDb();
    cleanups.push(cleanup);
    const health = databaseHealth(db);
    expect(health.reachable).toBe(true);
    expect(health.migrations.current).toBe(true);
    expect(health.migrations.applied).toBe(health.migrations.expected);
  });

  it('a database missing the newest migration is not current', () => {
    const { db, cleanup } = createTestDb();
    cleanups.push(cleanup);
    db.run(sql`delete from __drizzle_migrations where created_at = (select max(created_at) from __drizzle_migrations)`);
    expect(databaseHealth(db).migrations.current).toBe(false);
  });
});
