import { describe, expect, it } from 'vitest';
import { sectionName, sectionNameAttributes } from '@/lib/section-name';

const named = { name: 'أخبار دولية', nameEn: 'World' };
const arabicOnly = { name: 'الأفق', nameEn: '' };

describe('sectionName', () => {
  it('shows the Arabic name on the Arabic interface, whatever the English one', () => {
    expect(sectionName(named, 'ar')).toBe('أخبار دولية');
    expect(sectionNameAttributes(named, 'ar')).toEqual({});
  });

  it('shows the English name on the English interface, marked as English (it often sits in Arabic content)', () => {
    expect(sectionName(named, 'en')).toBe('World');
    expect(sectionNameAttributes(named, 'en')).toEqual({ lang: 'en', dir: 'ltr' });
  });

  it('falls back to the Arabic name, marked as Arabic, when there is no English one', () => {
    expect(sectionName(arabicOnly, 'en')).toBe('الأفق');
    expect(sectionNameAttributes(arabicOnly, 'en')).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(sectionName({ name: 'صحة' }, 'en')).toBe('صحة');
  });
});
