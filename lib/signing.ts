import crypto from 'node:crypto';

// Values the server hands out and later trusts again (form tokens, cookies) carry an HMAC made
// with the site's secret; IP addresses are stored only as a keyed hash.

function mac(secret: string, value: string): string {
  return crypto.createHmac('sha256', secret).update(value).digest('base64url');
}

export function sign(secret: string, value: string): string {
  return `${Buffer.from(value, 'utf8').toString('base64url')}.${mac(secret, value)}`;
}

/** The signed value, or null when the token is malformed, oversized or forged. */
export function verify(secret: string, token: string | undefined, maxLength = 4096): string | null {
  if (!token || token.length > maxLength) return null;
  const dot = token.indexOf('.');
  if (dot <= 0) return null;
  const value = Buffer.from(token.slice(0, dot), 'base64url').toString('utf8');
  const expected = Buffer.from(mac(secret, value));
  const given = Buffer.from(token.slice(dot + 1));
  return expected.length === given.length && crypto.timingSafeEqual(expected, given) ? value : null;
}

export function hashIp(secret: string, ip: string): string {
  return crypto.createHmac('sha256', secret).update(`ip:${ip}`).digest('hex').slice(0, 32);
}

export function hashBody(body: string): string {
  return crypto.createHash('sha256').update(body).digest('hex');
}

export type TokenCheck = 'ok' | 'too-fast' | 'expired' | 'invalid';

/** How long a comment form may stay open before it is refused as expired. */
export const FORM_TOKEN_MAX_AGE_SECONDS = 3 * 86_400;
/** The form's code keeps the page's token while it has at least two days of its life left. */
export const FORM_TOKEN_KEEP_SECONDS = FORM_TOKEN_MAX_AGE_SECONDS - 2 * 86_400;

/** A form token records when the form was handed out, so a submission can be timed. */
export function issueFormToken(secret: string, now: number): string {
  return sign(secret, `form:${now}`);
}

/**
 * The token the comment form should use once it asks the server: the page's own while it is valid
 * and has most of its life left, because it records when the form was handed out (a fresh one would
 * make a reader who typed before the form's code arrived look faster than a person, and their
 * comment would be dropped as a robot's); otherwise a new one.
 */
export function refreshFormToken(secret: string, current: string | undefined, now: number, keepForSeconds: number): string {
  const check = checkFormToken(secret, current, now, 0, keepForSeconds);
  return check === 'ok' ? current! : issueFormToken(secret, now);
}

export function checkFormToken(secret: string, token: string | undefined, now: number, minSeconds: number, maxAgeSeconds: number): TokenCheck {
  const value = verify(secret, token, 256);
  const issued = value?.startsWith('form:') ? Number(value.slice(5)) : NaN;
  if (!Number.isFinite(issued) || issued > now + 60_000) return 'invalid';
  if (now - issued < minSeconds * 1000) return 'too-fast';
  if (now - issued > maxAgeSeconds * 1000) return 'expired';
  return 'ok';
}
