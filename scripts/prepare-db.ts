import { databasePath, mediaDir, openDb } from '../db/client';
import { runMigrations } from '../db/migrate';
import { countAdmins, getStaffByEmail, setPasswordHash, updateStaffMember } from '../db/queries/staff';
import { createUser } from '../db/queries/users';
import { isEmpty, seedDemo } from '../db/seed';
import { DEMO_ARTICLES } from '../db/seed/defaults';
import type { Db } from '../db/client';
import { hashPassword, passwordProblem, randomPassword } from '../lib/password';

/**
 * The first admin, when no admin can log in yet: ADMIN_EMAIL (default admin@example.com) with
 * ADMIN_PASSWORD, or a random password printed once. A byline with that email becomes the admin.
 */
async function ensureFirstAdmin(db: Db, log: (line: string) => void): Promise<void> {
  if (countAdmins(db) > 0) return;
  const email = (process.env.ADMIN_EMAIL || 'admin@example.com').trim().toLowerCase();
  const given = process.env.ADMIN_PASSWORD;
  if (given && passwordProblem(given)) throw new Error('ADMIN_PASSWORD must be 12 to 128 characters long');
  const password = given || randomPassword();
  const existing = getStaffByEmail(db, email);
  const id = existing?.id ?? createUser(db, { email, displayName: 'مدير الموقع', slug: 'admin', role: 'admin' }).id;
  updateStaffMember(db, id, { role: 'admin', disabled: false });
  setPasswordHash(db, id, await hashPassword(password));
  log(`first admin: ${email}${given ? ' (password from ADMIN_PASSWORD)' : ` with the password ${password} (shown once: write it down)`}`);
}

/** Migrates the database and, when it is empty, fills it with the demo data. */
export async function prepareDatabase(log: (line: string) => void = console.log): Promise<void> {
  const db = openDb();
  try {
    runMigrations(db);
    if (isEmpty(db)) {
      log(`empty database at ${databasePath()}: adding the demo data`);
      await seedDemo(db, { articles: DEMO_ARTICLES, mediaDir: mediaDir(), log });
    }
    await ensureFirstAdmin(db, log);
  } finally {
    db.$client.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await prepareDatabase();
