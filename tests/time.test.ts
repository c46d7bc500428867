import { describe, expect, it } from 'vitest';
import { site } from '@/lib/site';
import { utcToWallTime, wallTimeToUtc } from '@/lib/time';

const ZONE = 'Africa/Casablanca';
const HOUR = 3_600_000;

/** The zone's offset at a UTC instant as Intl reports it ("GMT", "GMT+1"), in hours. */
function intlOffsetHours(utcMs: number, timeZone = ZONE): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'shortOffset' })
    .formatToParts(utcMs)
    .find((p) => p.type === 'timeZoneName')!.value;
  const m = /^GMT(?:([+-]\d+)(?::(\d+))?)?$/.exec(name)!;
  return m[1] ? Number(m[1]) + Math.sign(Number(m[1])) * Number(m[2] ?? 0) / 60 : 0;
}

describe('the newsroom zone', () => {
  it('is Africa/Casablanca and the default of both functions', () => {
    expect(site.timeZone).toBe(ZONE);
    expect(wallTimeToUtc('2026-06-01T12:00')).toBe(wallTimeToUtc('2026-06-01T12:00', ZONE));
    expect(utcToWallTime(Date.UTC(2026, 5, 1, 11))).toBe(utcToWallTime(Date.UTC(2026, 5, 1, 11), ZONE));
  });

  it('is UTC+1 most of the year and UTC+0 during Ramadan 2026 (as Intl says)', () => {
    expect(intlOffsetHours(Date.UTC(2026, 0, 15, 12))).toBe(1);
    expect(intlOffsetHours(Date.UTC(2026, 2, 1, 12))).toBe(0);
    expect(intlOffsetHours(Date.UTC(2026, 5, 1, 12))).toBe(1);
  });
});

describe('wallTimeToUtc', () => {
  it('subtracts one hour outside Ramadan', () => {
    expect(wallTimeToUtc('2026-06-01T12:00')).toBe(Date.UTC(2026, 5, 1, 11, 0));
    expect(wallTimeToUtc('2026-12-01T09:30')).toBe(Date.UTC(2026, 11, 1, 8, 30));
    expect(wallTimeToUtc('2026-01-01T00:15')).toBe(Date.UTC(2025, 11, 31, 23, 15));
  });

  it('keeps the time as it is during Ramadan 2026', () => {
    expect(wallTimeToUtc('2026-03-01T12:00')).toBe(Date.UTC(2026, 2, 1, 12, 0));
    expect(wallTimeToUtc('2026-02-20T00:00')).toBe(Date.UTC(2026, 1, 20, 0, 0));
  });

  it('agrees with Intl on both sides of the changes of 15 February and 22 March 2026', () => {
    // 03:00 (+1) became 02:00 (+0) on 15 Feb; 02:00 (+0) became 03:00 (+1) on 22 Mar.
    expect(wallTimeToUtc('2026-02-15T01:30')).toBe(Date.UTC(2026, 1, 15, 0, 30));
    expect(wallTimeToUtc('2026-02-15T04:00')).toBe(Date.UTC(2026, 1, 15, 4, 0));
    expect(wallTimeToUtc('2026-03-22T01:30')).toBe(Date.UTC(2026, 2, 22, 1, 30));
    expect(wallTimeToUtc('2026-03-22T04:00')).toBe(Date.UTC(2026, 2, 22, 3, 0));
    for (const value of ['2026-02-15T01:30', '2026-02-15T04:00', '2026-03-22T01:30', '2026-03-22T04:00']) {
      const utc = wallTimeToUtc(value)!;
      const [date, time] = value.split('T') as [string, string];
      const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
      const [h, mi] = time.split(':').map(Number) as [number, number];
      expect(utc).toBe(Date.UTC(y, mo - 1, d, h, mi) - intlOffsetHours(utc) * HOUR);
    }
  });

  it('gives one of the two instants for a time that happened twice (15 February, 02:30)', () => {
    expect([Date.UTC(2026, 1, 15, 1, 30), Date.UTC(2026, 1, 15, 2, 30)]).toContain(wallTimeToUtc('2026-02-15T02:30'));
  });

  it('settles times just after a change in a zone behind UTC (New York, 8 March 2026)', () => {
    // Clocks went from 02:00 EST (-5) to 03:00 EDT (-4) at 07:00Z.
    expect(wallTimeToUtc('2026-03-08T01:30', 'America/New_York')).toBe(Date.UTC(2026, 2, 8, 6, 30));
    expect(wallTimeToUtc('2026-03-08T03:30', 'America/New_York')).toBe(Date.UTC(2026, 2, 8, 7, 30));
    expect(wallTimeToUtc('2026-03-08T05:00', 'America/New_York')).toBe(Date.UTC(2026, 2, 8, 9, 0));
    expect(utcToWallTime(Date.UTC(2026, 2, 8, 7, 30), 'America/New_York')).toBe('2026-03-08T03:30');
  });

  it('converts in another zone when asked', () => {
    expect(wallTimeToUtc('2026-06-01T12:00', 'UTC')).toBe(Date.UTC(2026, 5, 1, 12));
    expect(wallTimeToUtc('2026-01-15T12:00', 'Asia/Riyadh')).toBe(Date.UTC(2026, 0, 15, 9));
  });

  it('accepts a leap day in a leap year', () => {
    const utc = wallTimeToUtc('2028-02-29T10:00')!;
    expect(utc).toBe(Date.UTC(2028, 1, 29, 10, 0) - intlOffsetHours(utc) * HOUR);
    expect(utcToWallTime(utc)).toBe('2028-02-29T10:00');
  });

  it('accepts optional seconds (an input with step=1)', () => {
    expect(wallTimeToUtc('2026-06-01T12:00:00')).toBe(Date.UTC(2026, 5, 1, 11, 0, 0));
    expect(wallTimeToUtc('2026-06-01T12:00:30')).toBe(Date.UTC(2026, 5, 1, 11, 0, 30));
    expect(wallTimeToUtc('2026-03-01T12:00:59')).toBe(Date.UTC(2026, 2, 1, 12, 0, 59));
  });

  it.each([
    '',
    'not a date',
    '2026-06-01',
    '2026-06-01 12:00',
    '2026-06-01T12:00:60',
    '2026-06-01T12:00:0',
    '2026-06-01T12:00:00.000',
    '2026-06-01T12:00Z',
    '2026-6-1T12:00',
    '2026-06-01T1:00',
    '2026-00-10T10:00',
    '2026-13-10T10:00',
    '2026-06-00T10:00',
    '2026-06-32T10:00',
    '2026-06-01T24:00',
    '2026-06-01T12:60',
    ' 2026-06-01T12:00',
    '2026-06-01T12:00\n',
    '٢٠٢٦-٠٦-٠١T12:00',
  ])('returns null for %j', (value) => {
    expect(wallTimeToUtc(value)).toBe(null);
  });

  it('returns null for 30 February', () => {
    expect(wallTimeToUtc('2026-02-30T10:00')).toBe(null);
  });

  it('returns null for 31 April', () => {
    expect(wallTimeToUtc('2026-04-31T10:00')).toBe(null);
  });

  it('returns null for 29 February in a common year', () => {
    expect(wallTimeToUtc('2027-02-29T10:00')).toBe(null);
  });

  it('round-trips a year below 100 instead of moving it to the 1900s', () => {
    expect(utcToWallTime(wallTimeToUtc('0050-01-01T12:00')!)).toBe('0050-01-01T12:00');
  });
});

describe('utcToWallTime', () => {
  it('adds one hour outside Ramadan and nothing during it', () => {
    expect(utcToWallTime(Date.UTC(2026, 5, 1, 11, 0))).toBe('2026-06-01T12:00');
    expect(utcToWallTime(Date.UTC(2026, 2, 1, 12, 0))).toBe('2026-03-01T12:00');
    expect(utcToWallTime(Date.UTC(2025, 11, 31, 23, 15))).toBe('2026-01-01T00:15');
  });

  it('shows both sides of each change', () => {
    expect(utcToWallTime(Date.UTC(2026, 1, 15, 1, 59))).toBe('2026-02-15T02:59');
    expect(utcToWallTime(Date.UTC(2026, 1, 15, 2, 0))).toBe('2026-02-15T02:00');
    expect(utcToWallTime(Date.UTC(2026, 2, 22, 1, 59))).toBe('2026-03-22T01:59');
    expect(utcToWallTime(Date.UTC(2026, 2, 22, 2, 0))).toBe('2026-03-22T03:00');
  });
});

describe('round trip', () => {
  it('wall time → UTC → wall time is the identity every 10 minutes around both changes of 2026', () => {
    const mismatches: string[] = [];
    for (const change of [Date.UTC(2026, 1, 15, 2), Date.UTC(2026, 2, 22, 2)]) {
      for (let t = change - 24 * HOUR; t < change + 24 * HOUR; t += 10 * 60_000) {
        const wall = utcToWallTime(t);
        const back = wallTimeToUtc(wall);
        // Wall times of the repeated hour on 15 February have two instants; either is right.
        const ambiguous = wall.startsWith('2026-02-15T02:');
        if (back === null || utcToWallTime(back) !== wall || (!ambiguous && back !== t)) mismatches.push(wall);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it.each(['2026-06-01T00:00', '2026-03-10T23:59', '2030-01-31T18:45', '2026-10-25T02:30'])('%s survives the round trip', (wall) => {
    expect(utcToWallTime(wallTimeToUtc(wall)!)).toBe(wall);
  });
});

describe('utcToWallTime with seconds', () => {
  it('keeps the seconds for inputs with step=1', () => {
    const ms = wallTimeToUtc('2026-06-01T09:30:45')!;
    expect(utcToWallTime(ms, undefined, true)).toBe('2026-06-01T09:30:45');
    expect(utcToWallTime(ms)).toBe('2026-06-01T09:30');
  });
});
