import { type ChildProcess, fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BACKUP_DB_FILE,
  type BackupManifest,
  backupTimestamp,
  checkIntegrity,
  createBackup,
  MANIFEST_FILE,
  referencedMediaFiles,
  restoreBackup,
  sha256File,
  verifyBackup,
} from '@/db/backup';
import { type Db, openDb } from '@/db/client';
import { runMigrations } from '@/db/migrate';
import { seedDemo } from '@/db/seed';

// Real files, real processes: a demo site of a few thousand articles, a writer in another process
// committing articles with their comments (and images) the whole time, a backup taken in the middle,
// then restores into fresh and existing places.

const ARTICLES = 3000;

let root: string;
let liveDb: string;
let liveMedia: string;
let db: Db;
let base: { articles: number; comments: number; images: number };
let backup: { folder: string; manifest: BackupManifest; ms: number };
let load: { before: number; after: number; committed: number };

const n = (sqlite: Database.Database, sql: string) => (sqlite.prepare(sql).get() as { n: number }).n;
const counts = (sqlite: Database.Database) => ({
  articles: n(sqlite, 'SELECT count(*) AS n FROM articles'),
  comments: n(sqlite, 'SELECT count(*) AS n FROM comments'),
  images: n(sqlite, 'SELECT count(*) AS n FROM images'),
});
const loadCommitted = (sqlite: Database.Database) => n(sqlite, "SELECT count(*) AS n FROM articles WHERE slug LIKE 'load-%'");
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function startWriter(): Promise<ChildProcess> {
  const child = fork(path.resolve(__dirname, 'helpers/write-load.ts'), [liveDb, liveMedia], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the writer exited early (${code})`)));
    child.once('message', (m) => {
      child.removeAllListeners('exit');
      if ((m as { ready?: boolean }).ready) resolve(child);
      else reject(new Error(`unexpected message ${JSON.stringify(m)}`));
    });
  });
}

function stopWriter(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    child.once('message', (m) => resolve((m as { committed: number }).committed));
    child.once('exit', (code) => code !== 0 && reject(new Error(`the writer failed (${code})`)));
    child.send('stop');
  });
}

/** Fresh directory for a restore target. */
const freshDir = (name: string) => fs.mkdtempSync(path.join(root, `${name}-`));

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-backup-'));
  liveDb = path.join(root, 'live', 'portal.db');
  liveMedia = path.join(root, 'live', 'media');
  db = openDb(liveDb);
  runMigrations(db);
  await seedDemo(db, { articles: ARTICLES, mediaDir: liveMedia });
  base = counts(db.$client);

  const writer = await startWriter();
  try {
    load = { before: loadCommitted(db.$client), after: 0, committed: 0 };
    const started = performance.now();
    const made = await createBackup({ databasePath: liveDb, mediaDir: liveMedia, outRoot: path.join(root, 'backups') });
    backup = { ...made, ms: Math.round(performance.now() - started) };
    load.after = loadCommitted(db.$client);
    // Let the writer run on past the backup, so the live site and the backup clearly differ.
    await new Promise((r) => setTimeout(r, 100));
  } finally {
    load.committed = await stopWriter(writer);
  }
  const { manifest } = backup;
  console.log(
    `backup under write load: ${mb(manifest.database.bytes)} database (${manifest.database.counts.articles} articles, ` +
      `${manifest.database.counts.comments} comments) + ${manifest.media.count} media files in ${backup.ms} ms ` +
      `(database ${manifest.timings.databaseMs} ms, media ${manifest.timings.mediaMs} ms); ` +
      `the writer committed ${load.after - load.before} transactions during it, ${load.committed} in all`,
  );
}, 180_000);

afterAll(() => {
  db?.$client.close();
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

/** Checks a restored database against the backup's moment: the state right after load transaction k. */
function expectSnapshot(file: string): number {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const seqs = (sqlite.prepare("SELECT CAST(substr(slug, 6) AS INTEGER) AS s FROM articles WHERE slug LIKE 'load-%' ORDER BY s").all() as { s: number }[]).map(
      (r) => r.s,
    );
    const k = seqs.length;
    // One writer commits 1, 2, 3… in order: a consistent snapshot holds exactly a prefix of them.
    expect(seqs).toEqual(Array.from({ length: k }, (_, i) => i + 1));
    expect(k).toBeGreaterThanOrEqual(load.before);
    expect(k).toBeLessThanOrEqual(load.after);
    expect(counts(sqlite)).toEqual({ articles: base.articles + k, comments: base.comments + 2 * k, images: base.images + Math.floor(k / 4) });
    // Rows of one transaction are never split: each load article has both its comments, and its image.
    expect(n(sqlite, "SELECT count(*) AS n FROM articles a WHERE a.slug LIKE 'load-%' AND (SELECT count(*) FROM comments c WHERE c.article_id = a.id) != 2")).toBe(0);
    expect(n(sqlite, "SELECT count(*) AS n FROM articles WHERE slug LIKE 'load-%' AND image_id IS NOT NULL")).toBe(Math.floor(k / 4));
    // The search index was written in the same transactions: one entry per published article.
    expect(n(sqlite, 'SELECT count(*) AS n FROM articles_fts')).toBe(n(sqlite, "SELECT count(*) AS n FROM articles WHERE status = 'published'"));
    return k;
  } finally {
    sqlite.close();
  }
}

function expectMediaMatches(mediaDir: string, dbFile: string): void {
  const { manifest } = backup;
  for (const entry of manifest.media.files) {
    const restored = path.join(mediaDir, entry.name);
    expect(sha256File(restored), entry.name).toBe(entry.sha256);
    // Byte for byte what the live site had (images never change once written).
    expect(sha256File(path.join(liveMedia, entry.name)), entry.name).toBe(entry.sha256);
  }
  const sqlite = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    for (const name of referencedMediaFiles(sqlite)) expect(fs.existsSync(path.join(mediaDir, name)), name).toBe(true);
  } finally {
    sqlite.close();
  }
}

describe('backupTimestamp', () => {
  it('is the UTC time to the second, without colons', () => {
    expect(backupTimestamp(new Date('2026-11-28T06:40:00.123Z'))).toBe('2026-11-28T06-40-00Z');
  });
});

describe('createBackup under write load', () => {
  it('ran while the writer committed', () => {
    expect(load.after).toBeGreaterThan(load.before);
    expect(load.committed).toBeGreaterThan(load.after);
  });

  it('writes a timestamped folder with the database, the media and a manifest', () => {
    expect(path.basename(backup.folder)).toMatch(/^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ$/);
    expect(fs.readdirSync(backup.folder).sort()).toEqual([MANIFEST_FILE, 'media', BACKUP_DB_FILE].sort());
    expect(fs.readdirSync(path.dirname(backup.folder)).filter((f) => f.endsWith('.partial'))).toEqual([]);
    const { database, media, missingImages } = backup.manifest;
    expect(database.sha256).toBe(sha256File(path.join(backup.folder, BACKUP_DB_FILE)));
    expect(database.bytes).toBe(fs.statSync(path.join(backup.folder, BACKUP_DB_FILE)).size);
    expect(media.count).toBe(media.files.length);
    expect(media.files.length).toBeGreaterThanOrEqual(72); // the demo's 24 images at 3 widths, at least
    expect(missingImages).toEqual([]);
  });

  it('is a standalone, intact, consistent snapshot whose manifest counts match it', () => {
    const file = path.join(backup.folder, BACKUP_DB_FILE);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    checkIntegrity(file);
    expectSnapshot(file);
    const sqlite = new Database(file, { readonly: true });
    try {
      expect(sqlite.pragma('journal_mode', { simple: true })).toBe('delete');
      expect(backup.manifest.database.counts).toMatchObject(counts(sqlite));
    } finally {
      sqlite.close();
    }
  });
});

describe('restoreBackup', () => {
  it('restores into a fresh directory: same snapshot, same media bytes, usable by the app', () => {
    const target = path.join(freshDir('fresh'), 'data', 'portal.db');
    const started = performance.now();
    const result = restoreBackup(backup.folder, target);
    console.log(`restore: ${mb(backup.manifest.database.bytes)} database + ${result.mediaFiles} media files in ${Math.round(performance.now() - started)} ms`);

    expect(result.mediaDir).toBe(path.join(path.dirname(target), 'media'));
    checkIntegrity(target);
    expect(sha256File(target)).toBe(backup.manifest.database.sha256);
    expectSnapshot(target);
    expectMediaMatches(result.mediaDir, target);
    expect(fs.readdirSync(path.dirname(target)).sort()).toEqual(['media', 'portal.db']);

    // The app opens it and writes to it as usual (WAL again, search triggers working).
    const app = openDb(target);
    try {
      runMigrations(app);
      expect(app.$client.pragma('journal_mode', { simple: true })).toBe('wal');
      app.$client.prepare("UPDATE articles SET title = 'عنوان جديد' WHERE slug = 'load-1'").run();
    } finally {
      app.$client.close();
    }
  });

  it('refuses a database in use, and overwrites it with --force', () => {
    const target = path.join(freshDir('in-use'), 'portal.db');
    restoreBackup(backup.folder, target);
    const server = openDb(target);
    try {
      server.$client.prepare("DELETE FROM comments WHERE body_hash = '1a'").run();
      const before = sha256File(target);
      expect(() => restoreBackup(backup.folder, target)).toThrow(/in use/);
      expect(sha256File(target)).toBe(before);
      restoreBackup(backup.folder, target, { force: true });
    } finally {
      server.$client.close();
    }
    // The old connection kept the replaced file; the restored one is the backup, untouched by it.
    expect(sha256File(target)).toBe(backup.manifest.database.sha256);
    expectSnapshot(target);
  });

  it('restores over an existing database, ignoring its leftover -wal and -shm', () => {
    const target = path.join(freshDir('existing'), 'portal.db');
    restoreBackup(backup.folder, target);
    // Changes left in a WAL that was never checkpointed (as after a crash): they must not be replayed
    // into the restored file.
    const leaveStaleWal = () => {
      const old = openDb(target);
      old.$client.pragma('wal_autocheckpoint = 0');
      old.$client.prepare("DELETE FROM comments WHERE body_hash LIKE '%b'").run();
      old.$client.prepare("INSERT INTO sections (slug, name) VALUES ('stale', 'قسم قديم')").run();
      for (const suffix of ['-wal', '-shm']) fs.copyFileSync(`${target}${suffix}`, `${target}${suffix}.keep`);
      old.$client.close();
      for (const suffix of ['-wal', '-shm']) fs.renameSync(`${target}${suffix}.keep`, `${target}${suffix}`);
      expect(fs.statSync(`${target}-wal`).size).toBeGreaterThan(0);
    };

    // Once as the operator would (the check checkpoints that WAL into the old file first), once forced.
    for (const force of [false, true]) {
      leaveStaleWal();
      restoreBackup(backup.folder, target, { force });
      expect(fs.existsSync(`${target}-wal`)).toBe(false);
      expect(sha256File(target)).toBe(backup.manifest.database.sha256);
      expectSnapshot(target);
      const app = openDb(target);
      try {
        expect(n(app.$client, "SELECT count(*) AS n FROM sections WHERE slug = 'stale'")).toBe(0);
        expect(app.$client.pragma('integrity_check', { simple: true })).toBe('ok');
      } finally {
        app.$client.close();
      }
    }
    expectMediaMatches(path.join(path.dirname(target), 'media'), target);
  });

  describe('refuses what is not a good backup, leaving the target alone', () => {
    const copyBackup = (name: string) => {
      const dir = path.join(freshDir(name), 'backup');
      fs.cpSync(backup.folder, dir, { recursive: true });
      return dir;
    };
    const expectRefused = (folder: string, message: RegExp) => {
      const target = path.join(freshDir('target'), 'portal.db');
      expect(() => restoreBackup(folder, target)).toThrow(message);
      expect(fs.existsSync(target)).toBe(false);
      expect(() => verifyBackup(folder)).toThrow(message);
    };

    it('a folder that does not exist', () => {
      expectRefused(path.join(root, 'no-such-backup'), /not a folder/);
    });

    it('a folder without a manifest (such as the live data folder)', () => {
      expectRefused(path.dirname(liveDb), /not a backup: it has no manifest\.json/);
      const dir = copyBackup('no-manifest');
      fs.rmSync(path.join(dir, MANIFEST_FILE));
      expectRefused(dir, /not a backup/);
    });

    it('a manifest that is not a backup manifest', () => {
      const dir = copyBackup('bad-manifest');
      fs.writeFileSync(path.join(dir, MANIFEST_FILE), '{"hello": 1}');
      expectRefused(dir, /not a portal backup manifest/);
    });

    it('a database whose checksum does not match', () => {
      const dir = copyBackup('bad-db');
      const file = path.join(dir, BACKUP_DB_FILE);
      const fd = fs.openSync(file, 'r+');
      fs.writeSync(fd, Buffer.from([0x42]), 0, 1, 4096 * 3 + 100); // same size, one byte changed
      fs.closeSync(fd);
      expectRefused(dir, /does not match the SHA-256/);
    });

    it('a manifest checksum that does not match the database', () => {
      const dir = copyBackup('bad-sum');
      const manifest = JSON.parse(fs.readFileSync(path.join(dir, MANIFEST_FILE), 'utf8')) as BackupManifest;
      manifest.database.sha256 = '0'.repeat(64);
      fs.writeFileSync(path.join(dir, MANIFEST_FILE), JSON.stringify(manifest));
      expectRefused(dir, /does not match the SHA-256/);
    });

    it('a damaged or missing media file', () => {
      const dir = copyBackup('bad-media');
      const [first, second] = backup.manifest.media.files;
      fs.writeFileSync(path.join(dir, 'media', first!.name), 'not the picture');
      expectRefused(dir, /does not match the manifest/);
      fs.copyFileSync(path.join(backup.folder, 'media', first!.name), path.join(dir, 'media', first!.name));
      fs.rmSync(path.join(dir, 'media', second!.name));
      expectRefused(dir, /missing from the backup/);
    });
  });
});

describe('createBackup refuses', () => {
  it('a database that does not exist, leaving no folder behind', async () => {
    const out = path.join(root, 'refused');
    await expect(createBackup({ databasePath: path.join(root, 'none.db'), mediaDir: liveMedia, outRoot: out })).rejects.toThrow(/no database/);
  });

  it('a SQLite file that is not the portal database', async () => {
    const other = path.join(root, 'other.db');
    new Database(other).exec('CREATE TABLE t (x)').close();
    const out = path.join(root, 'refused-other');
    await expect(createBackup({ databasePath: other, mediaDir: liveMedia, outRoot: out })).rejects.toThrow(/not the portal's database/);
    expect(fs.readdirSync(out)).toEqual([]);
  });
});
