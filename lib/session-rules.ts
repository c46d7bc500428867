import crypto from 'node:crypto';

// Staff sessions: a random 256-bit token in the cookie, its SHA-256 in the database; idle for 8 hours
// or open for 7 days ends it.

export const SESSION_COOKIE = 'portal_session';
export const IDLE_MS = 8 * 3_600_000;
export const ABSOLUTE_MS = 7 * 86_400_000;
/** lastSeenAt is written at most this often, not on every request. */
export const TOUCH_EVERY_MS = 60_000;

export function newSessionToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/** 32 bytes in base64url are exactly 43 characters of that alphabet; anything else is not ours. */
export function isWellFormedToken(raw: string | undefined): raw is string {
  return typeof raw === 'string' && /^[A-Za-z0-9_-]{43}$/.test(raw);
}

export function hashSessionToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

export function sessionState(session: { createdAt: number; lastSeenAt: number }, now: number): 'valid' | 'idle' | 'expired' {
  if (now - session.createdAt >= ABSOLUTE_MS) return 'expired';
  if (now - session.lastSeenAt >= IDLE_MS) return 'idle';
  return 'valid';
}
