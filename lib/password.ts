import crypto from 'node:crypto';
import { promisify } from 'node:util';

// Staff passwords: scrypt with OWASP's parameters (N=2^17, r=8, p=1). That needs 128 MiB, above
// Node's 32 MiB default, hence maxmem. Stored as scrypt$<logN>$<r>$<p>$<salt>$<hash> (base64url).

const scrypt = promisify(crypto.scrypt) as (password: string, salt: Buffer, keylen: number, options: crypto.ScryptOptions) => Promise<Buffer>;

const LOG_N = 17;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
const MAXMEM = 256 * 1024 * 1024;

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

/** Length in characters (code points): an Arabic or emoji character counts as one. */
export function passwordProblem(password: string): 'tooShort' | 'tooLong' | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return 'tooShort';
  if (length > PASSWORD_MAX) return 'tooLong';
  return null;
}

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const hash = await scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { N: 2 ** LOG_N, r: R, p: P, maxmem: MAXMEM });
  return ['scrypt', LOG_N, R, P, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

/** Constant-time comparison; a malformed stored value never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, logN, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const options = { N: 2 ** Number(logN), r: Number(r), p: Number(p), maxmem: MAXMEM };
  const inRange = (n: number, max: number) => Number.isInteger(n) && n >= 1 && n <= max;
  if (!inRange(Number(logN), 20) || !inRange(options.r, 32) || !inRange(options.p, 16) || expected.length === 0) return false;
  try {
    const actual = await scrypt(password.normalize('NFC'), Buffer.from(salt, 'base64url'), expected.length, options);
    return crypto.timingSafeEqual(actual, expected);
  } catch {
    // Parameters scrypt itself refuses (memory above maxmem and the like).
    return false;
  }
}

let dummy: Promise<string> | undefined;

/** A hash to verify against when the account does not exist, so both failures take as long. */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(crypto.randomBytes(24).toString('base64url'));
  return dummy;
}

/** A readable random password (for the first admin when none is given). */
export function randomPassword(): string {
  return crypto.randomBytes(18).toString('base64url');
}
