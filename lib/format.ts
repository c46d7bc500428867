import { site } from './site';

// Dates and numbers for readers: Arabic month names with Western digits (as the newsroom writes
// them), always in the newsroom's time zone so the server and every reader see the same date.

export type UiLocale = 'ar' | 'en';

// ar-MA: the month names Moroccan papers print (ماي، يوليوز، غشت، شتنبر، نونبر، دجنبر).
const intlLocale: Record<UiLocale, string> = { ar: 'ar-MA-u-nu-latn', en: 'en-GB' };

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: UiLocale, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}:${withTime}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale[locale], {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' as const } : {}),
      timeZone: site.timeZone,
    });
    dateFormats.set(key, format);
  }
  return format;
}

/** "22 أبريل 2024" */
export function formatDate(date: Date | number, locale: UiLocale): string {
  return dateFormat(locale, false).format(date);
}

/** "22 أبريل 2024 في 12:30" */
export function formatDateTime(date: Date | number, locale: UiLocale): string {
  return dateFormat(locale, true).format(date);
}

export function formatNumber(value: number, locale: UiLocale): string {
  return new Intl.NumberFormat(intlLocale[locale]).format(value);
}

const WORDS_PER_MINUTE = 180;

export function countWords(text: string): number {
  return text.split(/[\s\u200B-\u200F]+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Whole minutes to read a text at an unhurried Arabic reading pace; never less than one. */
export function readingMinutes(text: string): number {
  return Math.max(1, Math.round(countWords(text) / WORDS_PER_MINUTE));
}

/** An article counts as updated only when the edit came noticeably after publication. */
export function isMeaningfullyUpdated(publishedAt: number, updatedAt: number): boolean {
  return updatedAt - publishedAt >= 60_000;
}
