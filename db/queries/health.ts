import { sql } from 'drizzle-orm';
import type { Db } from '../client';
import journal from '../migrations/meta/_journal.json';

export type DatabaseHealth = { reachable: boolean; migrations: { applied: number; expected: number; current: boolean } };

/** Whether the database answers and has every migration this build ships (drizzle keeps their times). */
export function databaseHealth(db: Db): DatabaseHealth {
  const expected = journal.entries.length;
  const latest = Math.max(...journal.entries.map((entry) => entry.when));
  const row = db.get<{ applied: number; latest: number | null }>(
    sql`select count(*) as applied, max(created_at) as latest from __drizzle_migrations`,
  );
  return { reachable: true, migrations: { applied: row.applied, expected, current: Number(row.latest) >= latest } };
}
