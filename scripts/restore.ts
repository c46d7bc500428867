import { parseArgs } from 'node:util';
import { BackupError, restoreBackup } from '../db/backup';
import { databasePath } from '../db/client';

// `npm run restore -- <backup folder> [--to <db path>] [--force]`: checks the backup (manifest,
// SHA-256, integrity), then puts it at DATABASE_PATH (or --to) and its images in media/ beside it.
// Refuses a database that is open elsewhere (a running server) unless --force. See db/backup.ts.

const usage = 'usage: npm run restore -- <backup folder> [--to <database file>] [--force]';
let parsed;
try {
  parsed = parseArgs({ allowPositionals: true, options: { to: { type: 'string' }, force: { type: 'boolean', default: false } } });
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
const { values, positionals } = parsed;
if (positionals.length !== 1) {
  console.error(usage);
  process.exit(2);
}

try {
  const target = values.to || databasePath();
  const result = restoreBackup(positionals[0]!, target, { force: values.force });
  const { counts } = result.manifest.database;
  console.log(`restored the backup of ${result.manifest.createdAt} to ${result.databasePath} in ${result.ms} ms`);
  console.log(`  ${counts.articles} articles, ${counts.comments} comments, ${counts.images} images; ${result.mediaFiles} media files in ${result.mediaDir}`);
  console.log('Restart the server now (أعد تشغيل الخادم الآن): a running server still holds the old database.');
} catch (error) {
  console.error(`restore FAILED (فشلت الاستعادة): ${error instanceof BackupError ? error.message : (error as Error).stack}`);
  process.exit(1);
}
