import { parseArgs } from 'node:util';
import { databasePath, mediaDir, openDb } from '../db/client';
import { runMigrations } from '../db/migrate';
import { isEmpty, seedDemo } from '../db/seed';
import { DEMO_ARTICLES } from '../db/seed/defaults';

const { values } = parseArgs({ options: { articles: { type: 'string' } } });
const articles = values.articles === undefined ? DEMO_ARTICLES : Number(values.articles);
if (!Number.isInteger(articles) || articles < 0 || articles > 2_000_000) {
  console.error('--articles must be a whole number between 0 and 2000000');
  process.exit(2);
}

const db = openDb();
runMigrations(db);
if (!isEmpty(db)) {
  console.log(`${databasePath()} already has content; the demo data is only added to an empty database.`);
} else {
  const started = performance.now();
  const result = await seedDemo(db, { articles, mediaDir: mediaDir(), log: (l) => console.log(l) });
  console.log(
    `demo data in ${((performance.now() - started) / 1000).toFixed(1)} s; sample article id ${result.sampleArticleId}`,
  );
}
db.$client.close();
