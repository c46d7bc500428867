import crypto from 'node:crypto';

// Requests the server makes to itself (scheduled publishing) carry a per-process secret header.

const key = '__portalInternalToken';
export const INTERNAL_HEADER = 'x-portal-internal';

export function internalToken(): string {
  const store = globalThis as Record<string, unknown>;
  store[key] ??= crypto.randomBytes(24).toString('base64url');
  return store[key] as string;
}

export function isInternalRequest(headers: Headers): boolean {
  const given = headers.get(INTERNAL_HEADER);
  const expected = (globalThis as Record<string, unknown>)[key];
  return typeof expected === 'string' && typeof given === 'string' && given.length === expected.length && crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}
