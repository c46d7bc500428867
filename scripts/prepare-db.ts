import fs from 'node:fs';
import path from 'node:path';
import { databasePath, mediaDir, openDb } from '../db/client';
import { runMigrations } from '../db/migrate';
import { getSigningSecret } from '../db/queries/settings';
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
  // Logs carry no emails or passwords: a generated password goes to a file only this user can read.
  if (given) return log('first admin created from ADMIN_EMAIL, with the password from ADMIN_PASSWORD');
  const file = path.join(path.dirname(databasePath()), 'first-admin-password.txt');
  fs.writeFileSync(file, `${email}\n${password}\n`, { mode: 0o600 });
  log(`first admin created from ADMIN_EMAIL; its password is in ${file} (readable by you only: delete it once you have logged in)`);
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
    // Created now rather than on the first page with a form: reading a page never has to write.
    getSigningSecret(db);
  } finally {
    db.$client.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await prepareDatabase();
