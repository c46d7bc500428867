import { describe, expect, it } from 'vitest';
import {
  checkFormToken,
  FORM_TOKEN_KEEP_SECONDS,
  FORM_TOKEN_MAX_AGE_SECONDS,
  hashBody,
  hashIp,
  issueFormToken,
  refreshFormToken,
  sign,
  verify,
} from '@/lib/signing';

const SECRET = 'test-secret-1';
const OTHER = 'test-secret-2';

/** Replaces the character at `i` with a different base64url character. */
function flip(s: string, i: number): string {
  const ch = s[i] === 'A' ? 'B' : 'A';
  return s.slice(0, i) + ch + s.slice(i + 1);
}

describe('sign / verify', () => {
  it('round-trips a value, Arabic included', () => {
    for (const value of ['form:123', 'سعاد بنعلي', '["a","b","c"]', 'a.b.c']) {
      const token = sign(SECRET, value);
      expect(verify(SECRET, token)).toBe(value);
    }
  });

  it('is deterministic and has the shape value.mac', () => {
    const token = sign(SECRET, 'hello');
    expect(token).toBe(sign(SECRET, 'hello'));
    expect(token.startsWith(`${Buffer.from('hello').toString('base64url')}.`)).toBe(true);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
  });

  it('refuses a tampered value', () => {
    const token = sign(SECRET, 'form:1000');
    const forged = `${Buffer.from('form:1').toString('base64url')}${token.slice(token.indexOf('.'))}`;
    expect(verify(SECRET, forged)).toBeNull();
    expect(verify(SECRET, flip(token, 0))).toBeNull();
  });

  it('refuses a tampered signature', () => {
    const token = sign(SECRET, 'value');
    expect(verify(SECRET, flip(token, token.length - 1))).toBeNull();
    expect(verify(SECRET, token.slice(0, -1))).toBeNull();
    expect(verify(SECRET, `${token}A`)).toBeNull();
  });

  it('refuses a token signed with another secret', () => {
    expect(verify(OTHER, sign(SECRET, 'value'))).toBeNull();
  });

  it('refuses malformed tokens', () => {
    for (const token of [undefined, '', 'no-dot', '.onlymac', 'abc.', '...', `${sign(SECRET, 'v')}.extra`]) {
      expect(verify(SECRET, token), String(token)).toBeNull();
    }
  });

  it('refuses a token longer than maxLength, even when correctly signed', () => {
    const token = sign(SECRET, 'x'.repeat(100));
    expect(verify(SECRET, token, token.length)).toBe('x'.repeat(100));
    expect(verify(SECRET, token, token.length - 1)).toBeNull();
    const big = sign(SECRET, 'x'.repeat(4000));
    expect(big.length).toBeGreaterThan(4096);
    expect(verify(SECRET, big)).toBeNull();
  });
});

describe('hashIp', () => {
  it('is stable for one secret and IP', () => {
    expect(hashIp(SECRET, '198.51.100.7')).toBe(hashIp(SECRET, '198.51.100.7'));
    expect(hashIp(SECRET, '198.51.100.7')).toMatch(/^[0-9a-f]{32}$/);
  });

  it('is keyed: another secret gives another hash', () => {
    expect(hashIp(SECRET, '198.51.100.7')).not.toBe(hashIp(OTHER, '198.51.100.7'));
  });

  it('differs per IP', () => {
    expect(hashIp(SECRET, '198.51.100.7')).not.toBe(hashIp(SECRET, '198.51.100.8'));
  });

  it('never contains the IP address', () => {
    for (const ip of ['198.51.100.7', '2001:db8::1', '1234']) {
      const h = hashIp(SECRET, ip);
      expect(h).not.toContain(ip);
      expect(h).not.toContain(ip.replace(/[.:]/g, ''));
    }
  });

  it('is not a plain unkeyed hash of the IP', async () => {
    const { createHash } = await import('node:crypto');
    const plain = createHash('sha256').update('198.51.100.7').digest('hex');
    expect(plain.startsWith(hashIp(SECRET, '198.51.100.7'))).toBe(false);
    expect(plain.startsWith(hashIp('', '198.51.100.7'))).toBe(false);
  });
});

describe('hashBody', () => {
  it('is the SHA-256 hex of the text', () => {
    expect(hashBody('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hashBody('نص')).not.toBe(hashBody('نص '));
  });
});

describe('form tokens', () => {
  const t0 = 1_713_787_200_000;
  const check = (token: string | undefined, now: number) => checkFormToken(SECRET, token, now, 3, 3 * 86_400);

  it('ok between the minimum time and the maximum age, inclusive', () => {
    const token = issueFormToken(SECRET, t0);
    expect(check(token, t0 + 3_000)).toBe('ok');
    expect(check(token, t0 + 60_000)).toBe('ok');
    expect(check(token, t0 + 3 * 86_400_000)).toBe('ok');
  });

  it('a refresh keeps the token of the page while it has life left, so the time on the page still counts', () => {
    const page = issueFormToken(SECRET, t0);
    // Asked for a second after the page was shown: the page's token comes back, and a post two
    // seconds later is timed from the page (ok), not from the refresh (too-fast).
    const kept = refreshFormToken(SECRET, page, t0 + 1_000, FORM_TOKEN_KEEP_SECONDS);
    expect(kept).toBe(page);
    expect(check(kept, t0 + 3_000)).toBe('ok');
    // Older than a day, forged or missing: a new one, timed from now.
    for (const old of [issueFormToken(SECRET, t0 - 86_400_001), 'Zm9ybToxMjM.forged', undefined]) {
      const fresh = refreshFormToken(SECRET, old, t0, FORM_TOKEN_KEEP_SECONDS);
      expect(fresh).not.toBe(old);
      expect(check(fresh, t0 + 3_000)).toBe('ok');
      expect(check(fresh, t0 + 2_999)).toBe('too-fast');
    }
  });

  it('a kept token still has two days to be posted, the time the form code promises', () => {
    const page = issueFormToken(SECRET, t0);
    const lastKept = t0 + FORM_TOKEN_KEEP_SECONDS * 1000;
    expect(refreshFormToken(SECRET, page, lastKept, FORM_TOKEN_KEEP_SECONDS)).toBe(page);
    expect(refreshFormToken(SECRET, page, lastKept + 1, FORM_TOKEN_KEEP_SECONDS)).not.toBe(page);
    const posted = (at: number) => checkFormToken(SECRET, page, at, 0, FORM_TOKEN_MAX_AGE_SECONDS);
    expect(posted(lastKept + 2 * 86_400_000)).toBe('ok');
    expect(posted(lastKept + 2 * 86_400_000 + 1)).toBe('expired');
  });

  it('too-fast before the minimum time', () => {
    const token = issueFormToken(SECRET, t0);
    expect(check(token, t0)).toBe('too-fast');
    expect(check(token, t0 + 2_999)).toBe('too-fast');
  });

  it('expired after the maximum age', () => {
    expect(check(issueFormToken(SECRET, t0), t0 + 3 * 86_400_000 + 1)).toBe('expired');
  });

  it('invalid when missing, forged, signed with another secret or with the wrong prefix', () => {
    expect(check(undefined, t0)).toBe('invalid');
    expect(check('', t0)).toBe('invalid');
    expect(check(`${Buffer.from(`form:${t0 - 60_000}`).toString('base64url')}.AAAA`, t0)).toBe('invalid');
    expect(check(issueFormToken(OTHER, t0 - 60_000), t0)).toBe('invalid');
    expect(check(sign(SECRET, `other:${t0 - 60_000}`), t0)).toBe('invalid');
    expect(check(sign(SECRET, `${t0 - 60_000}`), t0)).toBe('invalid');
    expect(check(sign(SECRET, 'form:soon'), t0)).toBe('invalid');
  });

  it('invalid when issued more than a minute in the future; small clock skew is too-fast', () => {
    expect(check(issueFormToken(SECRET, t0 + 60_001), t0)).toBe('invalid');
    expect(check(issueFormToken(SECRET, t0 + 86_400_000), t0)).toBe('invalid');
    expect(check(issueFormToken(SECRET, t0 + 60_000), t0)).toBe('too-fast');
  });

  it('invalid when the token is oversized', () => {
    expect(check(sign(SECRET, `form:${t0 - 60_000}${' '.repeat(300)}`), t0)).toBe('invalid');
  });
});
