import { sign, verify } from './signing';

// The two cookies a commenter's browser keeps, both HttpOnly and signed, so they only ever hold
// what the server validated: the remembered name/email/website (only when the box was ticked) and
// the ids of their own comments awaiting review. A third, readable cookie says nothing but that the
// first two may exist, so the form knows to ask for them.

export const AUTHOR_COOKIE = 'comment_author';
export const PENDING_COOKIE = 'comment_pending';
export const MARKER_COOKIE = 'commenter';
export const MAX_PENDING = 20;

export type RememberedAuthor = { name: string; email: string; website: string };

export function encodeAuthor(secret: string, author: RememberedAuthor): string {
  return sign(secret, JSON.stringify([author.name, author.email, author.website]));
}

export function decodeAuthor(secret: string, raw: string | undefined): RememberedAuthor | null {
  const value = verify(secret, raw);
  if (!value) return null;
  try {
    const parsed: unknown = JSON.parse(value);
    if (Array.isArray(parsed) && parsed.length === 3 && parsed.every((x) => typeof x === 'string')) {
      const [name, email, website] = parsed as string[];
      return { name: name!, email: email!, website: website! };
    }
  } catch {
    // not ours
  }
  return null;
}

export function decodePending(secret: string, raw: string | undefined): number[] {
  const value = verify(secret, raw);
  if (!value) return [];
  const ids = value.split(',').map(Number);
  return ids.every((n) => Number.isInteger(n) && n > 0) ? ids.slice(-MAX_PENDING) : [];
}

export function encodePending(secret: string, ids: number[]): string {
  return sign(secret, [...new Set(ids)].slice(-MAX_PENDING).join(','));
}

/** Cookie attributes: HttpOnly, SameSite=Lax, Secure when the site is served over https. */
export function cookieOptions(maxAgeDays: number, httpOnly = true) {
  return {
    httpOnly,
    sameSite: 'lax' as const,
    secure: (process.env.SITE_URL ?? '').startsWith('https:'),
    path: '/',
    maxAge: maxAgeDays * 86_400,
  };
}
