import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ABSOLUTE_MS, hashSessionToken, IDLE_MS, isWellFormedToken, newSessionToken, sessionState } from '@/lib/session-rules';

const HOUR = 3_600_000;
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 10, 9, 0);
const GOOD = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCd'.padEnd(43, 'x');

describe('isWellFormedToken', () => {
  it('accepts exactly 43 base64url characters', () => {
    expect(GOOD).toHaveLength(43);
    expect(isWellFormedToken(GOOD)).toBe(true);
    expect(isWellFormedToken('-'.repeat(43))).toBe(true);
    expect(isWellFormedToken('_'.repeat(43))).toBe(true);
  });

  it.each([
    ['undefined', undefined],
    ['empty', ''],
    ['truncated (42)', GOOD.slice(0, 42)],
    ['oversized (44)', `${GOOD}A`],
    ['much longer', GOOD.repeat(10)],
    ['base64 padding', `${GOOD.slice(0, 42)}=`],
    ['padded after 43', `${GOOD}=`],
    ['a dot (signed-cookie style)', `${GOOD.slice(0, 20)}.${GOOD.slice(21)}`],
    ['standard base64 +', `${GOOD.slice(0, 42)}+`],
    ['standard base64 /', `${GOOD.slice(0, 42)}/`],
    ['a space', `${GOOD.slice(0, 42)} `],
    ['a trailing newline', `${GOOD}\n`],
    ['a leading newline', `\n${GOOD}`],
    ['percent-encoded', `${GOOD.slice(0, 40)}%3D`],
    ['an Arabic letter', `${GOOD.slice(0, 42)}س`],
  ])('refuses %s', (_label, raw) => {
    expect(isWellFormedToken(raw)).toBe(false);
  });
});

describe('newSessionToken', () => {
  it('is well formed and decodes to 32 random bytes', () => {
    const token = newSessionToken();
    expect(isWellFormedToken(token)).toBe(true);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(Buffer.from(token, 'base64url').toString('base64url')).toBe(token);
  });

  it('differs at every call', () => {
    const tokens = Array.from({ length: 500 }, () => newSessionToken());
    expect(new Set(tokens).size).toBe(500);
    expect(tokens.every(isWellFormedToken)).toBe(true);
  });
});

describe('hashSessionToken', () => {
  it('is the SHA-256 of the token in lowercase hex', () => {
    // The FIPS 180-2 test vector for "abc".
    expect(hashSessionToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const token = newSessionToken();
    expect(hashSessionToken(token)).toBe(crypto.createHash('sha256').update(token).digest('hex'));
    expect(hashSessionToken(token)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('never contains the token and differs for tokens one character apart', () => {
    const hash = hashSessionToken(GOOD);
    expect(hash).not.toContain(GOOD);
    expect(hashSessionToken(`${GOOD.slice(0, 42)}y`)).not.toBe(hash);
  });
});

describe('sessionState', () => {
  it('has the limits of the issue: idle after 8 hours, absolute after 7 days', () => {
    expect(IDLE_MS).toBe(8 * HOUR);
    expect(ABSOLUTE_MS).toBe(7 * DAY);
  });

  it('is valid when just created and just before the idle limit', () => {
    expect(sessionState({ createdAt: T0, lastSeenAt: T0 }, T0)).toBe('valid');
    expect(sessionState({ createdAt: T0, lastSeenAt: T0 }, T0 + 8 * HOUR - 1)).toBe('valid');
  });

  it('is idle at exactly 8 hours since it was last seen, and after', () => {
    expect(sessionState({ createdAt: T0, lastSeenAt: T0 }, T0 + 8 * HOUR)).toBe('idle');
    expect(sessionState({ createdAt: T0, lastSeenAt: T0 + DAY }, T0 + DAY + 8 * HOUR)).toBe('idle');
    expect(sessionState({ createdAt: T0, lastSeenAt: T0 }, T0 + 2 * DAY)).toBe('idle');
  });

  it('stays valid for days when it keeps being used', () => {
    expect(sessionState({ createdAt: T0, lastSeenAt: T0 + 6 * DAY }, T0 + 6 * DAY + HOUR)).toBe('valid');
    expect(sessionState({ createdAt: T0, lastSeenAt: T0 + 7 * DAY - 2 }, T0 + 7 * DAY - 1)).toBe('valid');
  });

  it('is expired at exactly 7 days since it was created, however recently it was used', () => {
    expect(sessionState({ createdAt: T0, lastSeenAt: T0 + 7 * DAY }, T0 + 7 * DAY)).toBe('expired');
    expect(sessionState({ createdAt: T0, lastSeenAt: T0 + 7 * DAY - 1 }, T0 + 7 * DAY)).toBe('expired');
  });

  it('reports expired rather than idle when both limits are passed', () => {
    expect(sessionState({ createdAt: T0, lastSeenAt: T0 }, T0 + 7 * DAY)).toBe('expired');
    expect(sessionState({ createdAt: T0, lastSeenAt: T0 + HOUR }, T0 + 30 * DAY)).toBe('expired');
  });
});
