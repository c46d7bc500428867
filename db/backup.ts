import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from './client';

// Online backups of the database and the images beside it (`npm run backup`), and their restore
// (`npm run restore`). A backup folder holds `portal.db` (a standalone SQLite file, no -wal),
// `media/` and `manifest.json`, written last: a folder without a manifest is not a backup.

export const BACKUP_DB_FILE = 'portal.db';
export const MANIFEST_FILE = 'manifest.json';
export const BACKUP_FORMAT = 1;

export type BackupCounts = { articles: number; comments: number; images: number; sections: number; users: number; tags: number };
export type MediaEntry = { name: string; bytes: number; sha256: string };

export type BackupManifest = {
  format: typeof BACKUP_FORMAT;
  kind: 'arabic-news-portal-backup';
  createdAt: string;
  source: { database: string; media: string };
  database: { file: typeof BACKUP_DB_FILE; bytes: number; sha256: string; migrations: number; counts: BackupCounts };
  media: { files: MediaEntry[]; count: number; bytes: number };
  /** Images the backed-up database names whose files were missing from the live media folder too. */
  missingImages: string[];
  timings: { databaseMs: number; mediaMs: number; totalMs: number };
};

/** Refusals and failed checks: the message is meant for the operator as it is. */
export class BackupError extends Error {
  override name = 'BackupError';
}

/** `2026-11-28T06-40-00Z`: UTC, to the second, safe in file names on every system. */
export function backupTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z').replaceAll(':', '-');
}

export function sha256File(file: string): string {
  const hash = crypto.createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(1 << 20);
    let read: number;
    while ((read = fs.readSync(fd, buffer, 0, buffer.length, null)) > 0) hash.update(buffer.subarray(0, read));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

function fsyncPath(p: string): void {
  try {
    const fd = fs.openSync(p, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Some file systems cannot fsync a directory; the data itself was synced.
  }
}

/** `PRAGMA integrity_check` on a closed database file; throws unless SQLite answers "ok". */
export function checkIntegrity(file: string): void {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = sqlite.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
    const problems = rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
    if (problems.length > 0 || rows.length === 0) {
      throw new BackupError(`integrity check failed for ${file}:\n  ${problems.slice(0, 10).join('\n  ')}`);
    }
  } finally {
    sqlite.close();
  }
}

function count(sqlite: Database.Database, table: string): number {
  return (sqlite.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
}

function readCounts(sqlite: Database.Database): BackupCounts {
  return {
    articles: count(sqlite, 'articles'),
    comments: count(sqlite, 'comments'),
    images: count(sqlite, 'images'),
    sections: count(sqlite, 'sections'),
    users: count(sqlite, 'users'),
    tags: count(sqlite, 'tags'),
  };
}

function migrationCount(sqlite: Database.Database): number {
  const table = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get();
  return table ? count(sqlite, '__drizzle_migrations') : 0;
}

/** The media file names (`<key>-<width>.webp`) the images table of a database refers to. */
export function referencedMediaFiles(sqlite: Database.Database): string[] {
  const rows = sqlite.prepare('SELECT key, widths FROM images').all() as { key: string; widths: string }[];
  const names = new Set<string>();
  for (const row of rows) {
    for (const width of row.widths.split(',')) if (width.trim()) names.add(`${row.key}-${width.trim()}.webp`);
  }
  return [...names].sort();
}

/**
 * Copies a live database into `destFile` through SQLite's online backup API, as one consistent
 * snapshot, while other connections (the server) keep reading and writing.
 *
 * All pages go in a single backup step. In steps of a few pages, every commit by another connection
 * between two steps restarts the copy from the first page, so under steady writes it might never
 * finish. One step reads under one read transaction: in WAL mode writers are not blocked by it, and
 * the copy is the database exactly as of the last commit before the step began.
 *
 * The copy is then made standalone (rollback journal, no -wal file beside it) and checked with
 * `PRAGMA integrity_check`.
 */
export async function backupDatabase(
  source: Db | Database.Database,
  destFile: string,
): Promise<{ bytes: number; sha256: string; counts: BackupCounts; migrations: number }> {
  const sqlite = '$client' in source ? source.$client : source;
  if (fs.existsSync(destFile)) throw new BackupError(`${destFile} already exists`);
  await sqlite.backup(destFile, { progress: () => 0x7fffffff });

  const copy = new Database(destFile, { fileMustExist: true });
  let counts: BackupCounts;
  let migrations: number;
  try {
    copy.pragma('journal_mode = DELETE');
    counts = readCounts(copy);
    migrations = migrationCount(copy);
  } finally {
    copy.close();
  }
  checkIntegrity(destFile);
  fsyncPath(destFile);
  return { bytes: fs.statSync(destFile).size, sha256: sha256File(destFile), counts, migrations };
}

/** Plain files under `dir`, as `/`-separated paths relative to it, sorted. */
function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

function copyMedia(fromDir: string, toDir: string): MediaEntry[] {
  fs.mkdirSync(toDir, { recursive: true });
  const entries: MediaEntry[] = [];
  for (const name of listFiles(fromDir)) {
    const target = path.join(toDir, name);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    try {
      fs.copyFileSync(path.join(fromDir, name), target);
    } catch (error) {
      // Listed, then gone: nothing deletes images, but an operator might. Not ours to fail on.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    entries.push({ name, bytes: fs.statSync(target).size, sha256: sha256File(target) });
  }
  return entries;
}

export type CreateBackupOptions = {
  databasePath: string;
  mediaDir: string;
  /** The folder the timestamped backup folder is created in. */
  outRoot: string;
  now?: Date;
};

/**
 * A full backup of a (possibly serving) site into `<outRoot>/<UTC timestamp>/`: the database first,
 * then the media folder.
 *
 * Why that order: an image's files are written completely before the row naming them is committed
 * (lib/image-upload.ts, db/seed/images.ts), and image files are never changed or deleted. So every
 * file the database snapshot names already existed when the snapshot was taken and is still there
 * when media is copied afterwards. The other order could copy the media, then snapshot a row
 * committed in between whose files were never copied. Files that arrive after the snapshot are
 * copied too, unreferenced and harmless.
 */
export async function createBackup(options: CreateBackupOptions): Promise<{ folder: string; manifest: BackupManifest }> {
  const started = performance.now();
  const databasePath = path.resolve(options.databasePath);
  const mediaDir = path.resolve(options.mediaDir);
  if (!fs.existsSync(databasePath)) throw new BackupError(`no database at ${databasePath} (set DATABASE_PATH)`);

  const outRoot = path.resolve(options.outRoot);
  fs.mkdirSync(outRoot, { recursive: true });
  const now = options.now ?? new Date();
  const stamp = backupTimestamp(now);
  let folder = path.join(outRoot, stamp);
  for (let n = 2; fs.existsSync(folder) || fs.existsSync(`${folder}.partial`); n++) folder = path.join(outRoot, `${stamp}-${n}`);
  // Built under a `.partial` name and renamed when complete: an interrupted backup never looks finished.
  const work = `${folder}.partial`;
  fs.mkdirSync(work);

  try {
    const source = new Database(databasePath, { fileMustExist: true });
    let database: Awaited<ReturnType<typeof backupDatabase>>;
    try {
      source.pragma('busy_timeout = 5000');
      const isPortal = source.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'articles'").get();
      if (!isPortal) throw new BackupError(`${databasePath} is not the portal's database (no articles table)`);
      database = await backupDatabase(source, path.join(work, BACKUP_DB_FILE));
    } finally {
      source.close();
    }
    const databaseDone = performance.now();

    const files = copyMedia(mediaDir, path.join(work, 'media'));
    const mediaDone = performance.now();

    // Every image the snapshot names must be in the backup. One missing here but present in the live
    // folder would mean the order above was broken: fail. One missing from the live folder as well
    // was lost before this backup: record it and warn, the backup is as good as the site.
    const copied = new Set(files.map((f) => f.name));
    const snapshot = new Database(path.join(work, BACKUP_DB_FILE), { readonly: true, fileMustExist: true });
    let missing: string[];
    try {
      missing = referencedMediaFiles(snapshot).filter((name) => !copied.has(name));
    } finally {
      snapshot.close();
    }
    const lost = missing.filter((name) => fs.existsSync(path.join(mediaDir, name)));
    if (lost.length > 0) throw new BackupError(`images named by the database were not copied: ${lost.slice(0, 5).join(', ')}`);

    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      kind: 'arabic-news-portal-backup',
      createdAt: now.toISOString(),
      source: { database: databasePath, media: mediaDir },
      database: { file: BACKUP_DB_FILE, ...database },
      media: { files, count: files.length, bytes: files.reduce((sum, f) => sum + f.bytes, 0) },
      missingImages: missing,
      timings: {
        databaseMs: Math.round(databaseDone - started),
        mediaMs: Math.round(mediaDone - databaseDone),
        totalMs: 0,
      },
    };
    manifest.timings.totalMs = Math.round(performance.now() - started);
    const manifestFile = path.join(work, MANIFEST_FILE);
    fs.writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
    fsyncPath(manifestFile);
    fsyncPath(work);
    fs.renameSync(work, folder);
    fsyncPath(outRoot);
    return { folder, manifest };
  } catch (error) {
    fs.rmSync(work, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Reads and checks a backup folder: its manifest, the database's size, SHA-256 and integrity, and
 * every media file's size and SHA-256. Throws a BackupError saying what is wrong.
 */
export function verifyBackup(folder: string): BackupManifest {
  const dir = path.resolve(folder);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new BackupError(`${dir} is not a folder`);
  const manifestFile = path.join(dir, MANIFEST_FILE);
  if (!fs.existsSync(manifestFile)) {
    throw new BackupError(`${dir} is not a backup: it has no ${MANIFEST_FILE} (an interrupted backup has none either)`);
  }
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as BackupManifest;
  } catch {
    throw new BackupError(`${manifestFile} is not valid JSON`);
  }
  if (manifest?.kind !== 'arabic-news-portal-backup' || manifest.format !== BACKUP_FORMAT || !manifest.database?.sha256 || !Array.isArray(manifest.media?.files)) {
    throw new BackupError(`${manifestFile} is not a portal backup manifest (format ${BACKUP_FORMAT})`);
  }

  const dbFile = path.join(dir, BACKUP_DB_FILE);
  if (!fs.existsSync(dbFile)) throw new BackupError(`${dbFile} is missing`);
  const bytes = fs.statSync(dbFile).size;
  if (bytes !== manifest.database.bytes) {
    throw new BackupError(`${dbFile} is ${bytes} bytes, the manifest says ${manifest.database.bytes}: the backup is damaged`);
  }
  if (sha256File(dbFile) !== manifest.database.sha256) {
    throw new BackupError(`${dbFile} does not match the SHA-256 in the manifest: the backup is damaged`);
  }
  checkIntegrity(dbFile);

  const mediaRoot = path.join(dir, 'media');
  for (const entry of manifest.media.files) {
    const file = path.resolve(mediaRoot, entry.name);
    if (!file.startsWith(mediaRoot + path.sep)) throw new BackupError(`the manifest names a file outside media/: ${entry.name}`);
    if (!fs.existsSync(file)) throw new BackupError(`media/${entry.name} is missing from the backup`);
    if (fs.statSync(file).size !== entry.bytes || sha256File(file) !== entry.sha256) {
      throw new BackupError(`media/${entry.name} does not match the manifest: the backup is damaged`);
    }
  }
  return manifest;
}

/**
 * Throws unless no other connection has the database open. Leaving WAL mode needs every other
 * connection closed, so the switch is the test; when it succeeds it has also checkpointed the WAL
 * into the file, so removing the -wal file afterwards loses nothing.
 */
export function assertNotInUse(file: string): void {
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, { fileMustExist: true });
  } catch (error) {
    throw new BackupError(`cannot open ${file} to check whether it is in use (${(error as Error).message}); --force overwrites it anyway`);
  }
  try {
    sqlite.pragma('busy_timeout = 0');
    sqlite.pragma('journal_mode = DELETE');
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
      throw new BackupError(`${file} is in use (is the server running?). Stop the server first, or pass --force and restart it right after`);
    }
    throw new BackupError(`cannot check whether ${file} is in use (${(error as Error).message}); --force overwrites it anyway`);
  } finally {
    sqlite.close();
  }
}

export type RestoreOptions = {
  /** Overwrite a database that another connection (a running server) has open. */
  force?: boolean;
};

export type RestoreResult = { manifest: BackupManifest; databasePath: string; mediaDir: string; mediaFiles: number; ms: number };

/**
 * Brings a verified backup back to `targetDbPath` and the `media/` folder beside it.
 *
 * Media first, then the database: the restored database is put in place last, by an atomic rename,
 * so at every moment the database at the target is either the old one or the complete restored one,
 * and each image it names is already there. Media files already at the target stay (unreferenced
 * leftovers are harmless; images are immutable, keyed by their content). The old database's -wal and
 * -shm are removed before the rename: SQLite would otherwise replay the old WAL into the restored file.
 */
export function restoreBackup(folder: string, targetDbPath: string, options: RestoreOptions = {}): RestoreResult {
  const started = performance.now();
  const manifest = verifyBackup(folder);
  const dir = path.resolve(folder);
  const target = path.resolve(targetDbPath);
  const source = path.join(dir, BACKUP_DB_FILE);
  if (target === source) throw new BackupError('the target is the backup itself');
  const targetDir = path.dirname(target);
  fs.mkdirSync(targetDir, { recursive: true });

  if (fs.existsSync(target) && !options.force) assertNotInUse(target);

  const mediaDir = path.join(targetDir, 'media');
  fs.mkdirSync(mediaDir, { recursive: true });
  for (const entry of manifest.media.files) {
    const to = path.join(mediaDir, entry.name);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(path.join(dir, 'media', entry.name), to);
  }

  const temp = `${target}.restore-${process.pid}.tmp`;
  try {
    fs.copyFileSync(source, temp);
    fsyncPath(temp);
    if (sha256File(temp) !== manifest.database.sha256) throw new BackupError(`the copy at ${temp} does not match the backup`);
    for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(`${target}${suffix}`, { force: true });
    fs.renameSync(temp, target);
    fsyncPath(targetDir);
  } finally {
    fs.rmSync(temp, { force: true });
  }
  return { manifest, databasePath: target, mediaDir, mediaFiles: manifest.media.files.length, ms: Math.round(performance.now() - started) };
}
