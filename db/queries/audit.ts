import { desc, eq, sql } from 'drizzle-orm';
import { type Db, writeTransaction } from '../client';
import { auditLog, users } from '../schema';
import { log } from '@/lib/log';

export type AuditInput = { userId: number | null; action: string; entityType: string; entityId?: number | null; summary?: string };

function insertAudit(db: Db, entry: AuditInput): void {
  db.insert(auditLog)
    .values({ ...entry, entityId: entry.entityId ?? null, summary: [...(entry.summary ?? '')].slice(0, 500).join(''), createdAt: Date.now() })
    .run();
}

/** The log names who did what to which record; titles and other text stay in the audit table. */
function logAudit(entry: AuditInput): void {
  log('info', 'staff-action', { userId: entry.userId, action: entry.action, entity: `${entry.entityType}${entry.entityId ? `:${entry.entityId}` : ''}` });
}

/**
 * A staff change and its audit rows in one write transaction, so both are stored or neither: a crash
 * or a full disk between two separate writes used to leave a change that nobody logged. `entries`
 * sees what the change answered and gives the rows to write (none when it refused and changed
 * nothing). Checks made inside `change` hold until the commit. The log lines follow the commit.
 */
export function audited<T>(db: Db, change: () => T, entries: (result: T) => AuditInput | AuditInput[] | null): T {
  let written: AuditInput[] = [];
  const result = writeTransaction(db, () => {
    const outcome = change();
    written = [entries(outcome) ?? []].flat();
    for (const entry of written) insertAudit(db, entry);
    return outcome;
  });
  for (const entry of written) logAudit(entry);
  return result;
}

export function listAudit(db: Db, page: { limit: number; offset: number }) {
  return db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      summary: auditLog.summary,
      createdAt: auditLog.createdAt,
      userName: users.displayName,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .orderBy(desc(auditLog.id))
    .limit(page.limit)
    .offset(page.offset)
    .all();
}

export function countAudit(db: Db): number {
  return db.select({ n: sql<number>`count(*)` }).from(auditLog).get()?.n ?? 0;
}
