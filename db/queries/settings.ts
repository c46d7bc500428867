import crypto from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { type Db, writeTransaction } from '../client';
import { settings } from '../schema';
import { type SettingKey, settingDefaults, type Settings } from '@/lib/settings';

const SECRET_KEY = 'secret.signing';

/** Every setting, stored values over defaults. */
export function getSettings(db: Db): Settings {
  const keys = Object.keys(settingDefaults) as SettingKey[];
  const stored = db.select().from(settings).where(inArray(settings.key, keys)).all();
  const out = { ...settingDefaults } as Record<string, unknown>;
  for (const row of stored) {
    try {
      const value: unknown = JSON.parse(row.value);
      const fallback = settingDefaults[row.key as SettingKey];
      // A damaged value, or one of the wrong kind, falls back to the default.
      if (Array.isArray(fallback) ? Array.isArray(value) && value.every((v) => typeof v === 'string') : typeof value === typeof fallback) {
        out[row.key] = value;
      }
    } catch {
      // unparsable: the default stays
    }
  }
  return out as Settings;
}

export function setSetting<K extends SettingKey>(db: Db, key: K, value: Settings[K]): void {
  db.insert(settings)
    .values({ key, value: JSON.stringify(value), updatedAt: Date.now() })
    .onConflictDoUpdate({ target: settings.key, set: { value: JSON.stringify(value), updatedAt: Date.now() } })
    .run();
}

/** The site's signing secret, created on first use and kept in the database. */
export function getSigningSecret(db: Db): string {
  const existing = db.select({ value: settings.value }).from(settings).where(eq(settings.key, SECRET_KEY)).get();
  if (existing) return existing.value;
  return writeTransaction(db, (tx) => {
    tx.insert(settings)
      .values({ key: SECRET_KEY, value: crypto.randomBytes(32).toString('base64url') })
      .onConflictDoNothing()
      .run();
    return tx.select({ value: settings.value }).from(settings).where(eq(settings.key, SECRET_KEY)).get()!.value;
  });
}
