import { describe, expect, it } from 'vitest';
import { afterFailure, type Attempt, BLOCK_MS, LIMITS, MAX_DELAY_MS, SLOW_AFTER, throttleDecision, throttleKeys, WINDOW_MS } from '@/lib/throttle';

const T0 = Date.UTC(2026, 4, 1, 10, 0);
const MIN = 60_000;

/** Applies one failure to the map, as recordFailure does to the table. */
function fail(attempts: Map<string, Attempt>, ip: string, email: string, now: number): Attempt[] {
  const rows = afterFailure(attempts, throttleKeys(ip, email), now);
  for (const row of rows) attempts.set(row.key, row);
  return rows;
}

function failTimes(attempts: Map<string, Attempt>, ip: string, email: string, times: number, now: number, step = 1000): void {
  for (let i = 0; i < times; i++) fail(attempts, ip, email, now + i * step);
}

describe('constants', () => {
  it('match the rules: 15-minute window and block, pair limit 5, IP limit 20, slow after 5, at most 5 s', () => {
    expect(WINDOW_MS).toBe(15 * MIN);
    expect(BLOCK_MS).toBe(15 * MIN);
    expect(LIMITS).toEqual({ ip: 20, pair: 5 });
    expect(SLOW_AFTER).toBe(5);
    expect(MAX_DELAY_MS).toBe(5000);
  });
});

describe('throttleKeys', () => {
  it('makes one key per IP, per account and per account-and-IP pair', () => {
    expect(throttleKeys('iphash1', 'a@example.com')).toEqual({ ip: 'ip:iphash1', account: 'account:a@example.com', pair: 'pair:a@example.com|iphash1' });
  });

  it('gives different pairs for the same account from different IPs', () => {
    const x = throttleKeys('X', 'a@example.com');
    const y = throttleKeys('Y', 'a@example.com');
    expect(x.account).toBe(y.account);
    expect(x.pair).not.toBe(y.pair);
    expect(x.ip).not.toBe(y.ip);
  });
});

describe('afterFailure', () => {
  it('starts every counter at 1 with the window at now and no block', () => {
    const rows = afterFailure(new Map(), throttleKeys('X', 'a@example.com'), T0);
    expect(rows).toHaveLength(3);
    expect(new Map(rows.map((r) => [r.key, r]))).toEqual(
      new Map([
        ['ip:X', { key: 'ip:X', failures: 1, windowStart: T0, blockedUntil: null }],
        ['account:a@example.com', { key: 'account:a@example.com', failures: 1, windowStart: T0, blockedUntil: null }],
        ['pair:a@example.com|X', { key: 'pair:a@example.com|X', failures: 1, windowStart: T0, blockedUntil: null }],
      ]),
    );
  });

  it('counts within the window and keeps its start', () => {
    const attempts = new Map<string, Attempt>();
    failTimes(attempts, 'X', 'a@example.com', 3, T0, MIN);
    expect(attempts.get('pair:a@example.com|X')).toEqual({ key: 'pair:a@example.com|X', failures: 3, windowStart: T0, blockedUntil: null });
    expect(attempts.get('account:a@example.com')?.failures).toBe(3);
    expect(attempts.get('ip:X')?.failures).toBe(3);
  });

  it('starts over once 15 minutes have passed since the window began', () => {
    const attempts = new Map<string, Attempt>();
    failTimes(attempts, 'X', 'a@example.com', 4, T0, MIN);
    fail(attempts, 'X', 'a@example.com', T0 + WINDOW_MS - 1);
    expect(attempts.get('account:a@example.com')?.failures).toBe(5);
    fail(attempts, 'X', 'a@example.com', T0 + WINDOW_MS);
    expect(attempts.get('account:a@example.com')).toEqual({ key: 'account:a@example.com', failures: 1, windowStart: T0 + WINDOW_MS, blockedUntil: null });
  });

  it('blocks the pair for 15 minutes at the 5th failure, not at the 4th', () => {
    const attempts = new Map<string, Attempt>();
    failTimes(attempts, 'X', 'a@example.com', 4, T0);
    expect(attempts.get('pair:a@example.com|X')?.blockedUntil).toBe(null);
    const fifth = T0 + 10_000;
    fail(attempts, 'X', 'a@example.com', fifth);
    expect(attempts.get('pair:a@example.com|X')).toMatchObject({ failures: 5, blockedUntil: fifth + BLOCK_MS });
    expect(attempts.get('ip:X')?.blockedUntil).toBe(null);
  });

  it('blocks the IP for 15 minutes at its 20th failure, across accounts', () => {
    const attempts = new Map<string, Attempt>();
    let now = T0;
    for (let i = 0; i < 19; i++) fail(attempts, 'X', `user${i}@example.com`, (now += 1000));
    expect(attempts.get('ip:X')).toMatchObject({ failures: 19, blockedUntil: null });
    fail(attempts, 'X', 'user19@example.com', (now += 1000));
    expect(attempts.get('ip:X')).toMatchObject({ failures: 20, blockedUntil: now + BLOCK_MS });
  });

  it('never blocks the account itself, however many failures', () => {
    const attempts = new Map<string, Attempt>();
    for (let i = 0; i < 100; i++) fail(attempts, `ip${i}`, 'a@example.com', T0 + i * 1000);
    expect(attempts.get('account:a@example.com')).toMatchObject({ failures: 100, blockedUntil: null });
  });

  it('keeps a running block when a new window starts, and drops it once over', () => {
    const attempts = new Map<string, Attempt>();
    // 5 failures at the very end of a window: blocked until 15 minutes after the 5th.
    failTimes(attempts, 'X', 'a@example.com', 5, T0, 3 * MIN);
    const until = T0 + 12 * MIN + BLOCK_MS;
    expect(attempts.get('pair:a@example.com|X')?.blockedUntil).toBe(until);
    fail(attempts, 'X', 'a@example.com', T0 + 16 * MIN);
    expect(attempts.get('pair:a@example.com|X')).toEqual({ key: 'pair:a@example.com|X', failures: 1, windowStart: T0 + 16 * MIN, blockedUntil: until });
    fail(attempts, 'X', 'a@example.com', until + 1);
    expect(attempts.get('pair:a@example.com|X')?.blockedUntil).toBe(null);
  });

  it('does not change the map it was given', () => {
    const attempts = new Map<string, Attempt>([['ip:X', { key: 'ip:X', failures: 3, windowStart: T0, blockedUntil: null }]]);
    afterFailure(attempts, throttleKeys('X', 'a@example.com'), T0 + 1);
    expect(attempts.get('ip:X')).toEqual({ key: 'ip:X', failures: 3, windowStart: T0, blockedUntil: null });
    expect(attempts.size).toBe(1);
  });
});

describe('throttleDecision', () => {
  it('lets a fresh attempt through without delay', () => {
    expect(throttleDecision(new Map(), throttleKeys('X', 'a@example.com'), T0)).toEqual({ blockedUntil: null, delayMs: 0 });
  });

  it('adds 1 s per account failure from the 5th, up to 5 s', () => {
    const keys = throttleKeys('X', 'a@example.com');
    const delays: number[] = [];
    for (let failures = 0; failures <= 12; failures++) {
      const attempts = new Map<string, Attempt>([[keys.account, { key: keys.account, failures, windowStart: T0, blockedUntil: null }]]);
      delays.push(throttleDecision(attempts, keys, T0 + MIN).delayMs);
    }
    expect(delays).toEqual([0, 0, 0, 0, 0, 1000, 2000, 3000, 4000, 5000, 5000, 5000, 5000]);
  });

  it('adds no delay once the account window has passed', () => {
    const keys = throttleKeys('X', 'a@example.com');
    const attempts = new Map<string, Attempt>([[keys.account, { key: keys.account, failures: 9, windowStart: T0, blockedUntil: null }]]);
    expect(throttleDecision(attempts, keys, T0 + WINDOW_MS - 1).delayMs).toBe(5000);
    expect(throttleDecision(attempts, keys, T0 + WINDOW_MS).delayMs).toBe(0);
  });

  it('refuses until the pair block ends, and not after', () => {
    const attempts = new Map<string, Attempt>();
    failTimes(attempts, 'X', 'a@example.com', 5, T0);
    const until = T0 + 4000 + BLOCK_MS;
    const keys = throttleKeys('X', 'a@example.com');
    expect(throttleDecision(attempts, keys, T0 + 5000).blockedUntil).toBe(until);
    expect(throttleDecision(attempts, keys, until - 1).blockedUntil).toBe(until);
    expect(throttleDecision(attempts, keys, until).blockedUntil).toBe(null);
  });

  it('refuses every account from a blocked IP', () => {
    const attempts = new Map<string, Attempt>();
    for (let i = 0; i < 20; i++) fail(attempts, 'X', `user${i % 4}@example.com`, T0 + i * 1000);
    const until = T0 + 19_000 + BLOCK_MS;
    expect(throttleDecision(attempts, throttleKeys('X', 'fresh@example.com'), T0 + 20_000)).toEqual({ blockedUntil: until, delayMs: 0 });
    expect(throttleDecision(attempts, throttleKeys('Y', 'fresh@example.com'), T0 + 20_000)).toEqual({ blockedUntil: null, delayMs: 0 });
  });

  it('takes the later of an IP block and a pair block', () => {
    const keys = throttleKeys('X', 'a@example.com');
    const attempts = new Map<string, Attempt>([
      [keys.ip, { key: keys.ip, failures: 20, windowStart: T0, blockedUntil: T0 + 10 * MIN }],
      [keys.pair, { key: keys.pair, failures: 5, windowStart: T0, blockedUntil: T0 + 20 * MIN }],
    ]);
    expect(throttleDecision(attempts, keys, T0 + MIN).blockedUntil).toBe(T0 + 20 * MIN);
    expect(throttleDecision(attempts, keys, T0 + 15 * MIN).blockedUntil).toBe(T0 + 20 * MIN);
  });

  it('ignores a blockedUntil stored on the account row', () => {
    const keys = throttleKeys('X', 'a@example.com');
    const attempts = new Map<string, Attempt>([[keys.account, { key: keys.account, failures: 1, windowStart: T0, blockedUntil: T0 + 10 * MIN }]]);
    expect(throttleDecision(attempts, keys, T0 + MIN)).toEqual({ blockedUntil: null, delayMs: 0 });
  });

  it('an attacker failing on account A from IP X only slows A down from IP Y, never blocks it', () => {
    const attempts = new Map<string, Attempt>();
    failTimes(attempts, 'X', 'a@example.com', 5, T0);
    const now = T0 + 10_000;
    expect(throttleDecision(attempts, throttleKeys('X', 'a@example.com'), now)).toEqual({ blockedUntil: T0 + 4000 + BLOCK_MS, delayMs: 1000 });
    expect(throttleDecision(attempts, throttleKeys('Y', 'a@example.com'), now)).toEqual({ blockedUntil: null, delayMs: 1000 });
    // More failures from other addresses (each below its own pair limit) only raise the delay.
    failTimes(attempts, 'Z', 'a@example.com', 4, now);
    expect(throttleDecision(attempts, throttleKeys('Y', 'a@example.com'), now + 5000)).toEqual({ blockedUntil: null, delayMs: 5000 });
    // Another account from X is untouched (X has 5 failures, below the IP limit).
    expect(throttleDecision(attempts, throttleKeys('X', 'b@example.com'), now)).toEqual({ blockedUntil: null, delayMs: 0 });
  });
});
