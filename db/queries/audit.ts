import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { auditLog, users } from '../schema';
import { log } from '@/lib/log';

export type AuditInput = { userId: number | null; action: string; entityType: string; entityId?: number | null; summary?: string };

export function recordAudit(db: Db, entry: AuditInput): void {
  db.insert(auditLog)
    .values({ ...entry, entityId: entry.entityId ?? null, summary: [...(entry.summary ?? '')].slice(0, 500).join(''), createdAt: Date.now() })
    .run();
  // The log names who did what to which record; titles and other text stay in the audit table.
  log('info', 'staff-action', { userId: entry.userId, action: entry.action, entity: `${entry.entityType}${entry.entityId ? `:${entry.entityId}` : ''}` });
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
