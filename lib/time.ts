import { site } from './site';

// The newsroom schedules in its own time zone: a <input type="datetime-local"> value is a wall-clock
// time there, converted here to and from UTC milliseconds.

/** Like Date.UTC, without its mapping of years 0–99 to 1900–1999. */
function utcDate(y: number, monthIndex: number, d: number, h: number, mi: number, sec: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(y, monthIndex, d);
  date.setUTCHours(h, mi, sec, 0);
  return date;
}

function zoneOffsetMs(utcMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(utcMs);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = utcDate(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')).getTime();
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/** "2026-12-01T09:30" (seconds optional) in the newsroom's zone → UTC ms; null when it is not such a time. */
export function wallTimeToUtc(value: string, timeZone: string = site.timeZone): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi, sec] = m.map((part) => Number(part ?? 0)) as [number, number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 59) return null;
  const date = utcDate(y, mo - 1, d, h, mi, sec);
  // 30 February and the like roll over into the next month: not a time anyone meant.
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  const guess = date.getTime();
  // Two passes settle times near a change of offset.
  let utc = guess - zoneOffsetMs(guess, timeZone);
  utc = guess - zoneOffsetMs(utc, timeZone);
  return utc;
}

/** UTC ms → the datetime-local value in the newsroom's zone (to the minute, or to the second). */
export function utcToWallTime(utcMs: number, timeZone: string = site.timeZone, withSeconds = false): string {
  const local = new Date(utcMs + zoneOffsetMs(utcMs, timeZone));
  return local.toISOString().slice(0, withSeconds ? 19 : 16);
}
