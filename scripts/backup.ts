import path from 'node:path';
import { parseArgs } from 'node:util';
import { BackupError, createBackup } from '../db/backup';
import { databasePath, mediaDir } from '../db/client';

// `npm run backup [-- --out <dir>]`: an online backup of DATABASE_PATH and its media/ folder into
// <--out, BACKUP_DIR or ./backups>/<UTC timestamp>/. Safe while the server runs. See db/backup.ts.

const { values } = parseArgs({ options: { out: { type: 'string' } } });
const outRoot = path.resolve(values.out || process.env.BACKUP_DIR || './backups');

try {
  const { folder, manifest } = await createBackup({ databasePath: databasePath(), mediaDir: mediaDir(), outRoot });
  const { counts } = manifest.database;
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  console.log(`backup written to ${folder}`);
  console.log(
    `  database: ${mb(manifest.database.bytes)} in ${manifest.timings.databaseMs} ms, integrity ok ` +
      `(${counts.articles} articles, ${counts.comments} comments, ${counts.images} images)`,
  );
  console.log(`  media: ${manifest.media.count} files, ${mb(manifest.media.bytes)} in ${manifest.timings.mediaMs} ms`);
  console.log(`  total: ${manifest.timings.totalMs} ms`);
  if (manifest.missingImages.length > 0) {
    console.warn(
      `warning: ${manifest.missingImages.length} image files named by the database are missing from ${mediaDir()} itself ` +
        `(so from the backup too), e.g. ${manifest.missingImages.slice(0, 3).join(', ')}`,
    );
  }
} catch (error) {
  console.error(`backup FAILED (فشل النسخ الاحتياطي): ${error instanceof BackupError ? error.message : (error as Error).stack}`);
  process.exit(1);
}
