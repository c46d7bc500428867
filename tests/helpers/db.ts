import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Db, openDb } from '@/db/client';
import { runMigrations } from '@/db/migrate';

/** A migrated database in a fresh temporary file; `cleanup` closes and deletes it. */
export function createTestDb(): { db: Db; dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-unit-'));
  const db = openDb(path.join(dir, 'portal.db'));
  runMigrations(db);
  return {
    db,
    dir,
    cleanup: () => {
      db.$client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
