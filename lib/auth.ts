import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { type AuditInput, audited } from '@/db/queries/audit';
import { createSession, deleteSession, deleteSessionByToken, findSession, touchSession } from '@/db/queries/sessions';
import type { UserRole } from '@/db/schema';
import { localized } from '@/i18n/navigation';
import { can, type Permission } from './roles';
import { isStorageUnavailable } from './storage-errors';
import {
  ABSOLUTE_MS,
  hashSessionToken,
  isWellFormedToken,
  newSessionToken,
  SESSION_COOKIE,
  sessionState,
  TOUCH_EVERY_MS,
} from './session-rules';

// Who is asking, for the admin: read from the session cookie on every page and every action.
// Server-only (cookies, the database); the rules themselves are in session-rules.ts and roles.ts.

export type SessionStaff = { id: number; email: string; displayName: string; slug: string; role: UserRole };

/** The logged-in staff member, or null: a forged, truncated, oversized or expired cookie is simply no session. */
export const currentStaff = cache(async (): Promise<SessionStaff | null> => {
  const raw = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!isWellFormedToken(raw)) return null;
  const db = getDb();
  const session = findSession(db, hashSessionToken(raw));
  if (!session) return null;
  const now = Date.now();
  // Tidying and touching the session are best effort: a busy database must not log anyone out.
  const bestEffort = (write: () => void) => {
    try {
      write();
    } catch (error) {
      if (!isStorageUnavailable(error)) throw error;
    }
  };
  if (sessionState(session, now) !== 'valid') {
    bestEffort(() => deleteSession(db, session.id));
    return null;
  }
  if (now - session.lastSeenAt > TOUCH_EVERY_MS) bestEffort(() => touchSession(db, session.id, now));
  return session.user;
});

/** For admin pages: the staff member, or off to the login page. */
export async function requireStaff(locale: string): Promise<SessionStaff> {
  const staff = await currentStaff();
  if (!staff) redirect(localized(locale, '/admin/login'));
  return staff;
}

/** For server actions: the staff member if they may do this, else null (and the action changes nothing). */
export async function staffWhoCan(permission: Permission): Promise<SessionStaff | null> {
  const staff = await currentStaff();
  return staff && can(staff, permission) ? staff : null;
}

function cookieAttributes() {
  return {
    httpOnly: true,
    sameSite: 'lax' as const,
    path: '/',
    secure: (process.env.SITE_URL ?? '').startsWith('https:'),
    maxAge: Math.floor(ABSOLUTE_MS / 1000),
  };
}

/** A new random token at every login (only its hash is stored), and its «login» row in the log, stored together. */
export async function startSession(userId: number): Promise<void> {
  const token = newSessionToken();
  const db = getDb();
  audited(db, () => createSession(db, userId, hashSessionToken(token), Date.now()), () => ({ userId, action: 'login', entityType: 'session' }));
  (await cookies()).set(SESSION_COOKIE, token, cookieAttributes());
}

/** Deletes this browser's session (with `audit`'s row in the same transaction, when given). */
export async function endSession(audit?: AuditInput): Promise<void> {
  const jar = await cookies();
  const raw = jar.get(SESSION_COOKIE)?.value;
  const db = getDb();
  if (isWellFormedToken(raw) || audit) audited(db, () => (isWellFormedToken(raw) ? deleteSessionByToken(db, hashSessionToken(raw)) : undefined), () => audit ?? null);
  jar.delete(SESSION_COOKIE);
}

/** The sender's address as server.ts stamped it. */
export async function clientIp(): Promise<string> {
  return (await headers()).get('x-portal-client-ip') ?? '0.0.0.0';
}
