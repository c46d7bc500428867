import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AUTHOR_COOKIE,
  cookieOptions,
  decodeAuthor,
  decodePending,
  encodeAuthor,
  encodePending,
  MARKER_COOKIE,
  MAX_PENDING,
  PENDING_COOKIE,
} from '@/lib/commenter-cookies';
import { issueFormToken, sign } from '@/lib/signing';

const SECRET = 'cookie-secret';
const OTHER = 'another-secret';

describe('cookie names', () => {
  it('are distinct and fixed', () => {
    expect([AUTHOR_COOKIE, PENDING_COOKIE, MARKER_COOKIE]).toEqual(['comment_author', 'comment_pending', 'commenter']);
    expect(MAX_PENDING).toBe(20);
  });
});

describe('remembered author', () => {
  const author = { name: 'سعاد بنعلي', email: 'souad@example.com', website: 'https://souad.example.com/' };

  it('round-trips, Arabic names included', () => {
    expect(decodeAuthor(SECRET, encodeAuthor(SECRET, author))).toEqual(author);
  });

  it('round-trips an empty website and characters JSON must escape', () => {
    const tricky = { name: 'a "quoted", name\\ 😀', email: 'x@y.co', website: '' };
    expect(decodeAuthor(SECRET, encodeAuthor(SECRET, tricky))).toEqual(tricky);
  });

  it('returns null for a missing, forged or foreign cookie', () => {
    expect(decodeAuthor(SECRET, undefined)).toBeNull();
    expect(decodeAuthor(SECRET, '')).toBeNull();
    expect(decodeAuthor(OTHER, encodeAuthor(SECRET, author))).toBeNull();
    const unsigned = `${Buffer.from(JSON.stringify(['x', 'x@y.co', ''])).toString('base64url')}.bogus`;
    expect(decodeAuthor(SECRET, unsigned)).toBeNull();
  });

  it('returns null for correctly signed values of another shape', () => {
    expect(decodeAuthor(SECRET, sign(SECRET, 'not json'))).toBeNull();
    expect(decodeAuthor(SECRET, sign(SECRET, '{"name":"a","email":"b","website":""}'))).toBeNull();
    expect(decodeAuthor(SECRET, sign(SECRET, '["a","b"]'))).toBeNull();
    expect(decodeAuthor(SECRET, sign(SECRET, '["a","b","c","d"]'))).toBeNull();
    expect(decodeAuthor(SECRET, sign(SECRET, '["a","b",3]'))).toBeNull();
    expect(decodeAuthor(SECRET, encodePending(SECRET, [1, 2]))).toBeNull();
    expect(decodeAuthor(SECRET, issueFormToken(SECRET, 1000))).toBeNull();
  });
});

describe('pending ids', () => {
  it('round-trips a list of ids in order', () => {
    expect(decodePending(SECRET, encodePending(SECRET, [3, 7, 12]))).toEqual([3, 7, 12]);
  });

  it('dedupes', () => {
    expect(decodePending(SECRET, encodePending(SECRET, [3, 7, 3, 7, 9]))).toEqual([3, 7, 9]);
  });

  it('keeps at most MAX_PENDING, the newest (last) ones', () => {
    const ids = Array.from({ length: 25 }, (_, i) => i + 1);
    const decoded = decodePending(SECRET, encodePending(SECRET, ids));
    expect(decoded).toHaveLength(MAX_PENDING);
    expect(decoded).toEqual(ids.slice(5));
  });

  it('trims an over-long signed list on decode too', () => {
    const ids = Array.from({ length: 30 }, (_, i) => i + 100);
    expect(decodePending(SECRET, sign(SECRET, ids.join(',')))).toEqual(ids.slice(10));
  });

  it('returns [] for a missing, forged or foreign cookie', () => {
    expect(decodePending(SECRET, undefined)).toEqual([]);
    expect(decodePending(SECRET, 'garbage')).toEqual([]);
    expect(decodePending(OTHER, encodePending(SECRET, [1, 2]))).toEqual([]);
    expect(decodePending(SECRET, `${Buffer.from('1,2').toString('base64url')}.forged`)).toEqual([]);
    expect(decodePending(SECRET, encodeAuthor(SECRET, { name: 'a', email: 'b@c.de', website: '' }))).toEqual([]);
  });

  it('rejects non-positive or non-integer ids', () => {
    expect(decodePending(SECRET, sign(SECRET, '1,0'))).toEqual([]);
    expect(decodePending(SECRET, sign(SECRET, '1,-2'))).toEqual([]);
    expect(decodePending(SECRET, sign(SECRET, '1,2.5'))).toEqual([]);
    expect(decodePending(SECRET, sign(SECRET, '1,abc'))).toEqual([]);
    expect(decodePending(SECRET, sign(SECRET, '1,,2'))).toEqual([]);
    expect(decodePending(SECRET, encodePending(SECRET, [4, -1]))).toEqual([]);
  });

  it('an empty list encodes to nothing usable', () => {
    expect(decodePending(SECRET, encodePending(SECRET, []))).toEqual([]);
  });
});

describe('cookieOptions', () => {
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env.SITE_URL;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.SITE_URL;
    else process.env.SITE_URL = saved;
  });

  it('is HttpOnly, SameSite=Lax, site-wide, with max-age in seconds', () => {
    process.env.SITE_URL = 'http://localhost:3000';
    expect(cookieOptions(365)).toEqual({ httpOnly: true, sameSite: 'lax', secure: false, path: '/', maxAge: 365 * 86_400 });
  });

  it('can be made readable for the marker cookie', () => {
    process.env.SITE_URL = 'http://localhost:3000';
    expect(cookieOptions(30, false)).toMatchObject({ httpOnly: false, maxAge: 30 * 86_400 });
  });

  it('is Secure only when SITE_URL is https', () => {
    process.env.SITE_URL = 'https://news.example.com';
    expect(cookieOptions(1).secure).toBe(true);
    process.env.SITE_URL = 'http://news.example.com';
    expect(cookieOptions(1).secure).toBe(false);
    delete process.env.SITE_URL;
    expect(cookieOptions(1).secure).toBe(false);
  });
});
