import { describe, expect, it } from 'vitest';
import { HOUR_MS, isBot, parseBeacon, ViewCounter } from '@/lib/view-counter';

const DAY = 24 * HOUR_MS;
const NOW = Date.UTC(2026, 10, 28, 10, 0);
const PHONE = 'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36';

describe('isBot', () => {
  it.each(['Googlebot/2.1 (+http://www.google.com/bot.html)', 'Mozilla/5.0 (compatible; bingbot/2.0)', 'facebookexternalhit/1.1', 'curl/8.5.0', 'python-requests/2.31', 'Mozilla/5.0 HeadlessChrome/120', 'WhatsApp/2.23', ''])(
    'ignores %s',
    (ua) => expect(isBot(ua)).toBe(true),
  );
  it('ignores a missing user agent', () => expect(isBot(undefined)).toBe(true));
  it('counts phones and desktop browsers', () => {
    expect(isBot(PHONE)).toBe(false);
    expect(isBot('Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0')).toBe(false);
  });
});

describe('parseBeacon', () => {
  it('reads a positive article id', () => {
    expect(parseBeacon('42')).toBe(42);
    expect(parseBeacon(' 7\n')).toBe(7);
  });
  it.each(['', '0', '-1', '4.2', '1e3', '٤٢', 'abc', '12345678901', '{"id":1}'])('refuses %j', (body) => expect(parseBeacon(body)).toBeNull());
});

describe('ViewCounter', () => {
  it('counts each reader once per article per day', () => {
    const c = new ViewCounter();
    expect(c.add(1, 'a', NOW)).toBe(true);
    expect(c.add(1, 'a', NOW + HOUR_MS)).toBe(false);
    expect(c.add(2, 'a', NOW)).toBe(true);
    expect(c.add(1, 'b', NOW)).toBe(true);
    expect(c.take()).toEqual(new Map([[1, 2], [2, 1]]));
    // The next day the same reader counts again.
    expect(c.add(1, 'a', NOW + DAY)).toBe(true);
    expect(c.take()).toEqual(new Map([[1, 1]]));
  });

  it('hands over a batch once, and takes it back after a failed write', () => {
    const c = new ViewCounter();
    for (let i = 0; i < 1000; i++) c.add(5, `reader-${i}`, NOW);
    const batch = c.take();
    expect(batch.get(5)).toBe(1000);
    expect(c.take().size).toBe(0);
    c.add(5, 'late', NOW);
    c.restore(batch);
    expect(c.take().get(5)).toBe(1001);
  });
});
