// Login throttling. Failures are counted per IP, per account, and per account-and-IP pair, over a
// 15-minute window:
// - one IP failing 20 times is blocked for 15 minutes;
// - one IP failing 5 times on one account is blocked for that account for 15 minutes;
// - one account failing 5 times from anywhere slows every attempt on it (1 s more per failure, up to
//   5 s) but is never blocked, so nobody can lock a colleague out by failing from their own address.

export const WINDOW_MS = 15 * 60_000;
export const BLOCK_MS = 15 * 60_000;
export const LIMITS = { ip: 20, pair: 5 } as const;
export const SLOW_AFTER = 5;
export const MAX_DELAY_MS = 5_000;

export type Attempt = { key: string; failures: number; windowStart: number; blockedUntil: number | null };
export type ThrottleKeys = { ip: string; account: string; pair: string };

export function throttleKeys(ipHash: string, email: string): ThrottleKeys {
  return { ip: `ip:${ipHash}`, account: `account:${email}`, pair: `pair:${email}|${ipHash}` };
}

function live(attempt: Attempt | undefined, now: number): number {
  return attempt && now - attempt.windowStart < WINDOW_MS ? attempt.failures : 0;
}

/** Whether to refuse now (and until when), and how long to make this attempt wait. */
export function throttleDecision(attempts: Map<string, Attempt>, keys: ThrottleKeys, now: number): { blockedUntil: number | null; delayMs: number } {
  const blockedUntil = Math.max(
    ...[keys.ip, keys.pair].map((k) => {
      const until = attempts.get(k)?.blockedUntil ?? 0;
      return until > now ? until : 0;
    }),
  );
  const accountFailures = live(attempts.get(keys.account), now);
  const delayMs = accountFailures >= SLOW_AFTER ? Math.min(MAX_DELAY_MS, (accountFailures - SLOW_AFTER + 1) * 1000) : 0;
  return { blockedUntil: blockedUntil > 0 ? blockedUntil : null, delayMs };
}

/** The rows after one more failure. */
export function afterFailure(attempts: Map<string, Attempt>, keys: ThrottleKeys, now: number): Attempt[] {
  return (Object.entries(keys) as [keyof ThrottleKeys, string][]).map(([kind, key]) => {
    const previous = attempts.get(key);
    const fresh = !previous || now - previous.windowStart >= WINDOW_MS;
    const failures = fresh ? 1 : previous.failures + 1;
    const limit = kind === 'account' ? Infinity : LIMITS[kind];
    const stillBlocked = previous?.blockedUntil && previous.blockedUntil > now ? previous.blockedUntil : null;
    return {
      key,
      failures,
      windowStart: fresh ? now : previous.windowStart,
      blockedUntil: failures >= limit ? now + BLOCK_MS : stillBlocked,
    };
  });
}
