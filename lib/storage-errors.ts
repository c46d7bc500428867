import { log } from './log';

// The database can refuse a write for reasons that are not the writer's fault: another process holds
// the lock beyond busy_timeout (SQLITE_BUSY, SQLITE_LOCKED), the disk or max_page_count is full
// (SQLITE_FULL), or the file cannot be written (SQLITE_IOERR, SQLITE_READONLY). better-sqlite3
// rolls the transaction back, so nothing half-written remains; the writer gets «الخدمة مشغولة» and
// keeps what they typed.

const UNAVAILABLE = /^SQLITE_(BUSY|LOCKED|FULL|IOERR|READONLY|CANTOPEN|PROTOCOL)/;

/** The SQLite error code, also when Drizzle wrapped the driver's error (DrizzleQueryError.cause). */
export function sqliteCode(error: unknown): string | undefined {
  for (let e = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_')) return code;
  }
  return undefined;
}

export function isStorageUnavailable(error: unknown): boolean {
  return UNAVAILABLE.test(sqliteCode(error) ?? '');
}

/** Runs `work`; if the database is unavailable, answers with `busy()` instead of an error page. */
export async function orWhenBusy<T>(work: () => Promise<T>, busy: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!isStorageUnavailable(error)) throw error;
    log('warn', 'storage-unavailable', { code: sqliteCode(error) });
    return busy();
  }
}
