import { inArray } from 'drizzle-orm';
import { type Db, writeTransaction } from '../client';
import { loginAttempts } from '../schema';
import { afterFailure, type Attempt, type ThrottleKeys } from '@/lib/throttle';

export function readAttempts(db: Db, keys: ThrottleKeys): Map<string, Attempt> {
  const rows = db.select().from(loginAttempts).where(inArray(loginAttempts.key, Object.values(keys))).all();
  return new Map(rows.map((r) => [r.key, r]));
}

export function recordFailure(db: Db, keys: ThrottleKeys, now: number): void {
  writeTransaction(db, (tx) => {
    for (const row of afterFailure(readAttempts(tx, keys), keys, now)) {
      tx.insert(loginAttempts)
        .values(row)
        .onConflictDoUpdate({ target: loginAttempts.key, set: { failures: row.failures, windowStart: row.windowStart, blockedUntil: row.blockedUntil } })
        .run();
    }
  });
}

/** A successful login forgets this account's failures from this address. */
export function clearFailures(db: Db, keys: ThrottleKeys): void {
  db.delete(loginAttempts).where(inArray(loginAttempts.key, [keys.pair, keys.account])).run();
}
