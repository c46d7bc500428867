import { and, eq, lt, or } from 'drizzle-orm';
import type { Db } from '../client';
import { sessions, users } from '../schema';
import { ABSOLUTE_MS, IDLE_MS } from '@/lib/session-rules';

export function createSession(db: Db, userId: number, tokenHash: string, now: number): void {
  db.insert(sessions).values({ userId, tokenHash, createdAt: now, lastSeenAt: now }).run();
}

/** The session and its (enabled) staff member, by token hash. */
export function findSession(db: Db, tokenHash: string) {
  return db
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      user: { id: users.id, email: users.email, displayName: users.displayName, slug: users.slug, role: users.role },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), eq(users.disabled, false)))
    .get();
}

export function touchSession(db: Db, id: number, now: number): void {
  db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id)).run();
}

export function deleteSession(db: Db, id: number): void {
  db.delete(sessions).where(eq(sessions.id, id)).run();
}

export function deleteSessionByToken(db: Db, tokenHash: string): void {
  db.delete(sessions).where(eq(sessions.tokenHash, tokenHash)).run();
}

/** Drops sessions past their idle or absolute limit. */
export function deleteExpiredSessions(db: Db, now: number): void {
  db.delete(sessions)
    .where(or(lt(sessions.lastSeenAt, now - IDLE_MS), lt(sessions.createdAt, now - ABSOLUTE_MS)))
    .run();
}
