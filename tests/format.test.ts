import { describe, expect, it } from 'vitest';
import {
  countWords,
  formatDate,
  formatDateTime,
  formatNumber,
  isMeaningfullyUpdated,
  readingMinutes,
} from '@/lib/format';

const ARABIC_INDIC = /[\u0660-\u0669\u06F0-\u06F9]/;
const SAMPLE_PUBLISHED = Date.UTC(2024, 3, 22, 11, 0);

describe('formatDate / formatDateTime (Arabic)', () => {
  it('writes the Arabic month name with Western digits', () => {
    const text = formatDate(SAMPLE_PUBLISHED, 'ar');
    expect(text).toContain('22 أبريل 2024');
    expect(text).not.toMatch(ARABIC_INDIC);
  });

  it('accepts a Date as well as a timestamp', () => {
    expect(formatDate(new Date(SAMPLE_PUBLISHED), 'ar')).toBe(formatDate(SAMPLE_PUBLISHED, 'ar'));
  });

  it('shows the time in Casablanca (UTC+1 outside Ramadan) with Western digits', () => {
    const text = formatDateTime(SAMPLE_PUBLISHED, 'ar');
    expect(text).toContain('22 أبريل 2024');
    expect(text).toContain('12:00');
    expect(text).not.toMatch(ARABIC_INDIC);
  });

  it('uses a 24-hour clock', () => {
    expect(formatDateTime(Date.UTC(2024, 3, 22, 16, 5), 'ar')).toContain('17:05');
  });

  it('puts a time shortly before midnight UTC on the next Casablanca day', () => {
    expect(formatDate(Date.UTC(2024, 0, 1, 23, 30), 'ar')).toContain('2 يناير 2024');
    expect(formatDate(Date.UTC(2024, 11, 31, 23, 30), 'ar')).toContain('1 يناير 2025');
    expect(formatDateTime(Date.UTC(2024, 0, 1, 23, 30), 'ar')).toContain('00:30');
  });

  it('keeps a time shortly after midnight UTC on the same Casablanca day', () => {
    expect(formatDate(Date.UTC(2024, 0, 2, 0, 30), 'ar')).toContain('2 يناير 2024');
  });

  it('names every month as Moroccan readers write it, without Arabic-Indic digits', () => {
    // The Moroccan names, as Moroccan papers print them.
    const months = ['يناير', 'فبراير', 'مارس', 'أبريل', 'ماي', 'يونيو', 'يوليوز', 'غشت', 'شتنبر', 'أكتوبر', 'نونبر', 'دجنبر'];
    months.forEach((name, m) => {
      const text = formatDate(Date.UTC(2024, m, 15, 12), 'ar');
      expect(text).toBe(`15 ${name} 2024`);
    });
  });
});

describe('formatDate / formatDateTime (English)', () => {
  it('uses en-GB day-month-year order', () => {
    expect(formatDate(SAMPLE_PUBLISHED, 'en')).toBe('22 April 2024');
  });

  it('shows the Casablanca time', () => {
    const text = formatDateTime(SAMPLE_PUBLISHED, 'en');
    expect(text).toContain('22 April 2024');
    expect(text).toContain('12:00');
  });

  it('moves late UTC evenings to the next Casablanca day', () => {
    expect(formatDate(Date.UTC(2024, 0, 1, 23, 30), 'en')).toBe('2 January 2024');
  });
});

describe('formatNumber', () => {
  it('uses Western digits with grouping in Arabic', () => {
    const text = formatNumber(1234567, 'ar');
    expect(text).not.toMatch(ARABIC_INDIC);
    expect(text.replace(/[^0-9]/g, '')).toBe('1234567');
    expect(text.length).toBeGreaterThan(7); // grouped
  });

  it('uses en-GB grouping in English', () => {
    expect(formatNumber(1234567, 'en')).toBe('1,234,567');
    expect(formatNumber(0, 'en')).toBe('0');
  });

});

describe('countWords', () => {
  it('counts Arabic words separated by any whitespace', () => {
    expect(countWords('جرى اليوم الإثنين بمسكو')).toBe(4);
    expect(countWords('  جرى\tاليوم\n\nالإثنين   بمسكو  ')).toBe(4);
  });

  it('ignores standalone punctuation and counts numbers', () => {
    expect(countWords('مرحبا - بكم — في الرباط ، 2024')).toBe(5);
  });

  it('splits on zero-width and bidi marks', () => {
    expect(countWords('أخبار\u200Fدولية')).toBe(2);
  });

  it('is 0 for empty text', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('   ')).toBe(0);
    expect(countWords('- ، .')).toBe(0);
  });
});

describe('readingMinutes', () => {
  const words = (n: number) => Array.from({ length: n }, () => 'كلمة').join(' ');

  it('is never below one minute', () => {
    expect(readingMinutes('')).toBe(1);
    expect(readingMinutes('كلمة')).toBe(1);
  });

  it('reads 180 words per minute, rounding to the nearest minute', () => {
    expect(readingMinutes(words(180))).toBe(1);
    expect(readingMinutes(words(269))).toBe(1);
    expect(readingMinutes(words(270))).toBe(2);
    expect(readingMinutes(words(360))).toBe(2);
    expect(readingMinutes(words(900))).toBe(5);
  });
});

describe('isMeaningfullyUpdated', () => {
  const published = SAMPLE_PUBLISHED;

  it('is false for the same time or a few seconds later', () => {
    expect(isMeaningfullyUpdated(published, published)).toBe(false);
    expect(isMeaningfullyUpdated(published, published + 59_999)).toBe(false);
  });

  it('is true from one minute after publication', () => {
    expect(isMeaningfullyUpdated(published, published + 60_000)).toBe(true);
    expect(isMeaningfullyUpdated(published, published + 3_600_000)).toBe(true);
  });

  it('is false when the update time is before publication', () => {
    expect(isMeaningfullyUpdated(published, published - 3_600_000)).toBe(false);
  });
});
