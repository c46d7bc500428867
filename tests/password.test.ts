import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { dummyHash, hashPassword, PASSWORD_MAX, PASSWORD_MIN, passwordProblem, randomPassword, verifyPassword } from '@/lib/password';

// scrypt at N=2^17 costs ~0.5 s a call here: the whole file makes six such calls, three hashes and
// three verifications, run side by side in beforeAll; the tests below check their results. Every
// other check uses a hash written here with cheap parameters (N=16) in the same format.

// "آ" (alef with madda) and "é" both have a composed and a decomposed form.
const PASSWORD_NFC = 'كلمة-سر-آمنة-café-2024';
const PASSWORD_NFD = PASSWORD_NFC.normalize('NFD');
const FORMAT = /^scrypt\$17\$8\$1\$([A-Za-z0-9_-]{22})\$([A-Za-z0-9_-]{43})$/;

let fromComposed = '';
let fromDecomposed = '';
let dummy = '';
let decomposedAgainstComposed: boolean | undefined;
let composedAgainstDecomposed: boolean | undefined;
let againstDummy: boolean | undefined;

beforeAll(async () => {
  [fromComposed, fromDecomposed, dummy] = await Promise.all([hashPassword(PASSWORD_NFC), hashPassword(PASSWORD_NFD), dummyHash()]);
  [decomposedAgainstComposed, composedAgainstDecomposed, againstDummy] = await Promise.all([
    verifyPassword(PASSWORD_NFD, fromComposed),
    verifyPassword(PASSWORD_NFC, fromDecomposed),
    verifyPassword(PASSWORD_NFC, dummy),
  ]);
}, 30_000);

/** A stored value made here with cheap parameters (N=16), in the module's format. */
function cheapHash(password: string, salt = Buffer.from('0123456789abcdef')): string {
  const hash = crypto.scryptSync(password, salt, 32, { N: 16, r: 8, p: 1 });
  return ['scrypt', 4, 8, 1, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

describe('hashPassword', () => {
  it('writes scrypt$17$8$1$<16-byte salt>$<32-byte hash> in base64url', () => {
    const match = FORMAT.exec(fromComposed);
    expect(match).not.toBeNull();
    expect(Buffer.from(match![1]!, 'base64url')).toHaveLength(16);
    expect(Buffer.from(match![2]!, 'base64url')).toHaveLength(32);
    expect(fromComposed).not.toContain(PASSWORD_NFC);
  });

  it('uses a fresh salt for every hash, so the same password gives different values', () => {
    expect(PASSWORD_NFC.normalize('NFC')).toBe(PASSWORD_NFC);
    expect(PASSWORD_NFD).not.toBe(PASSWORD_NFC);
    const [, saltA, hashA] = FORMAT.exec(fromComposed)!;
    const [, saltB, hashB] = FORMAT.exec(fromDecomposed)!;
    expect(saltA).not.toBe(saltB);
    expect(hashA).not.toBe(hashB);
  });
});

describe('verifyPassword', () => {
  it('accepts a password against its own N=2^17 hash, whichever Unicode form was typed (NFC)', () => {
    expect(decomposedAgainstComposed).toBe(true);
    expect(composedAgainstDecomposed).toBe(true);
  });

  it('accepts the right password and refuses wrong, near and empty ones', async () => {
    const stored = cheapHash(PASSWORD_NFC);
    const results = await Promise.all([
      verifyPassword(PASSWORD_NFC, stored),
      verifyPassword(`${PASSWORD_NFC} `, stored),
      verifyPassword(PASSWORD_NFC.slice(0, -1), stored),
      verifyPassword(PASSWORD_NFC.toUpperCase(), stored),
      verifyPassword('', stored),
    ]);
    expect(results).toEqual([true, false, false, false, false]);
  });

  it('accepts the decomposed spelling of a Latin password hashed composed', async () => {
    expect(await verifyPassword('re\u0301sume\u0301-passw0rd', cheapHash('résumé-passw0rd'))).toBe(true);
  });

  it('reads the parameters from the stored value (a hash made with N=16 verifies)', async () => {
    const stored = cheapHash('another password');
    expect(await verifyPassword('another password', stored)).toBe(true);
    expect(await verifyPassword('another passwort', stored)).toBe(false);
  });

  it.each([
    ['empty string', ''],
    ['no separators', 'not-a-hash'],
    ['other scheme', 'bcrypt$2b$10$abcdefghijklmnopqrstuv$abcdefghijklmnopqrstuvwxyz01234'],
    ['missing salt', 'scrypt$4$8$1$$aGFzaGhhc2hoYXNo'],
    ['missing hash', 'scrypt$4$8$1$c2FsdHNhbHQ$'],
    ['only a scheme', 'scrypt'],
    ['logN not a number', 'scrypt$abc$8$1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo'],
    ['logN fractional', 'scrypt$1.5$8$1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo'],
    ['logN zero (N=1)', 'scrypt$0$8$1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo'],
    ['logN negative', 'scrypt$-3$8$1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo'],
    ['r zero', 'scrypt$4$0$1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo'],
    ['p zero', 'scrypt$4$8$0$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo'],
    ['hash with no base64url characters', 'scrypt$4$8$1$c2FsdHNhbHQ$!!!!'],
  ])('returns false for a malformed stored value (%s)', async (_label, stored) => {
    await expect(verifyPassword(PASSWORD_NFC, stored)).resolves.toBe(false);
  });

  it('returns false for the right password when the hash part was altered', async () => {
    const stored = cheapHash('sesame open 12');
    const altered = stored.slice(0, -2) + (stored.endsWith('AA') ? 'AB' : 'AA');
    expect(await verifyPassword('sesame open 12', altered)).toBe(false);
  });

  it.each([
    ['logN too large (N=2^40)', 'scrypt$40$8$1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo'],
    ['logN 20 needs more than maxmem', 'scrypt$20$8$1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo'],
    ['r negative', 'scrypt$4$-1$1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo'],
    ['p fractional', 'scrypt$4$8$0.5$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo'],
  ])('returns false, not an exception, for out-of-range parameters (%s)', async (_label, stored) => {
    await expect(verifyPassword(PASSWORD_NFC, stored)).resolves.toBe(false);
  });
});

describe('dummyHash', () => {
  it('is a well-formed hash, the same one at every call', async () => {
    expect(dummy).toMatch(FORMAT);
    expect(await dummyHash()).toBe(dummy);
  });

  it('matches no password a visitor could try', () => {
    expect(againstDummy).toBe(false);
  });
});

describe('passwordProblem', () => {
  it('has the limits of the issue: 12 to 128 characters', () => {
    expect([PASSWORD_MIN, PASSWORD_MAX]).toEqual([12, 128]);
  });

  it.each([
    ['a'.repeat(11), 'tooShort'],
    ['a'.repeat(12), null],
    ['a'.repeat(128), null],
    ['a'.repeat(129), 'tooLong'],
    ['', 'tooShort'],
    ['س'.repeat(11), 'tooShort'],
    ['س'.repeat(12), null],
    ['س'.repeat(128), null],
    ['س'.repeat(129), 'tooLong'],
  ] as const)('%s → %s', (password, expected) => {
    expect(passwordProblem(password)).toBe(expected);
  });

  it('counts an emoji (two UTF-16 units) as one character', () => {
    expect('😀'.repeat(11)).toHaveLength(22);
    expect(passwordProblem('😀'.repeat(11))).toBe('tooShort');
    expect(passwordProblem('😀'.repeat(12))).toBe(null);
    expect(passwordProblem('😀'.repeat(128))).toBe(null);
    expect(passwordProblem('😀'.repeat(129))).toBe('tooLong');
    expect(passwordProblem(`${'😀'.repeat(6)}${'ب'.repeat(6)}`)).toBe(null);
  });
});

describe('randomPassword', () => {
  it('is 24 base64url characters (144 random bits) and a valid password', () => {
    const password = randomPassword();
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(passwordProblem(password)).toBe(null);
  });

  it('differs at every call and uses the whole base64url alphabet', () => {
    const values = Array.from({ length: 200 }, () => randomPassword());
    expect(new Set(values).size).toBe(200);
    // 4,800 random characters: each of the 64 is missing with probability below 1e-30.
    expect(new Set(values.join('')).size).toBe(64);
  });
});
