import { databasePath, mediaDir, openDb } from '../db/client';
import { runMigrations } from '../db/migrate';
import { isEmpty, seedDemo } from '../db/seed';
import { DEMO_ARTICLES } from '../db/seed/defaults';

/** Migrates the database and, when it is empty, fills it with the demo data. */
export async function prepareDatabase(log: (line: string) => void = console.log): Promise<void> {
  const db = openDb();
  try {
    runMigrations(db);
    if (isEmpty(db)) {
      log(`empty database at ${databasePath()}: adding the demo data`);
      await seedDemo(db, { articles: DEMO_ARTICLES, mediaDir: mediaDir(), log });
    }
  } finally {
    db.$client.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await prepareDatabase();
