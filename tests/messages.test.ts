import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import ar from '@/messages/ar.json';
import en from '@/messages/en.json';

const ARABIC_INDIC = /[\u0660-\u0669\u06F0-\u06F9]/;

const t = createTranslator({ locale: 'ar', messages: ar });

describe('Section.articleCount in Arabic', () => {
  it.each([
    [0, 'لا توجد مقالات'],
    [1, 'مقال واحد'],
    [2, 'مقالان'],
    [3, '3 مقالات'],
    [10, '10 مقالات'],
    [11, '11 مقالًا'],
    [99, '99 مقالًا'],
    [100, '100 مقال'],
    [101, '101 مقال'],
    [103, '103 مقالات'],
    [111, '111 مقالًا'],
  ])('%i → %s', (count, expected) => {
    const text = t('Section.articleCount', { count });
    expect(text).toBe(expected);
    expect(text).not.toMatch(ARABIC_INDIC);
  });
});

describe('Article.readingTime in Arabic', () => {
  it.each([
    [1, 'دقيقة واحدة للقراءة'],
    [2, 'دقيقتان للقراءة'],
    [3, '3 دقائق للقراءة'],
    [10, '10 دقائق للقراءة'],
    [11, '11 دقيقة للقراءة'],
    [99, '99 دقيقة للقراءة'],
    [100, '100 دقيقة للقراءة'],
    [101, '101 دقيقة للقراءة'],
  ])('%i → %s', (minutes, expected) => {
    const text = t('Article.readingTime', { minutes });
    expect(text).toBe(expected);
    expect(text).not.toMatch(ARABIC_INDIC);
  });

  it('0 falls back to the numeric form with a Western digit', () => {
    // readingMinutes never returns 0, but the message must still render sensibly.
    expect(t('Article.readingTime', { minutes: 0 })).toBe('0 دقيقة للقراءة');
  });
});

describe('the six Arabic plural forms are all distinct for articleCount', () => {
  it('0, 1, 2, 3, 11 and 100 read six different ways', () => {
    const forms = [0, 1, 2, 3, 11, 100].map((count) =>
      t('Section.articleCount', { count }).replace(/[0-9]+/g, '#'),
    );
    expect(new Set(forms).size).toBe(6);
  });
});

describe('English messages', () => {
  const te = createTranslator({ locale: 'en', messages: en });

  it('pluralizes articleCount', () => {
    expect(te('Section.articleCount', { count: 0 })).toBe('No articles');
    expect(te('Section.articleCount', { count: 1 })).toBe('1 article');
    expect(te('Section.articleCount', { count: 2 })).toBe('2 articles');
  });
});

type Tree = { [key: string]: string | Tree };

function keyPaths(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keyPaths(value, `${prefix}${key}.`),
  );
}

function placeholders(message: string): string[] {
  // Top-level ICU argument names: `{name}` or `{name, plural, …}`.
  return [...message.matchAll(/\{\s*([A-Za-z_][\w]*)\s*[,}]/g)].map((m) => m[1]!).sort();
}

describe('message catalogues', () => {
  const arKeys = keyPaths(ar as Tree).sort();
  const enKeys = keyPaths(en as Tree).sort();

  it('en.json has exactly the same keys as ar.json', () => {
    expect(arKeys.length).toBeGreaterThan(20);
    expect(enKeys).toEqual(arKeys);
  });

  it('has no empty messages', () => {
    const get = (tree: Tree, path: string) =>
      path.split('.').reduce<string | Tree>((node, k) => (node as Tree)[k]!, tree) as string;
    for (const key of arKeys) {
      expect(get(ar as Tree, key).trim(), `ar ${key}`).not.toBe('');
      expect(get(en as Tree, key).trim(), `en ${key}`).not.toBe('');
    }
  });

  it('uses the same placeholders in both languages', () => {
    const get = (tree: Tree, path: string) =>
      path.split('.').reduce<string | Tree>((node, k) => (node as Tree)[k]!, tree) as string;
    for (const key of arKeys) {
      expect(new Set(placeholders(get(en as Tree, key))), key).toEqual(new Set(placeholders(get(ar as Tree, key))));
    }
  });

  it('every Arabic message formats without throwing', () => {
    const values = { count: 3, minutes: 3, year: 2024, name: 'جريدة', section: 'أخبار', page: 2, total: 5, network: 'X', email: 'a@b.co', title: 'عنوان', status: 'منشور', date: '22 أبريل 2024', version: 2, role: 'محرر', query: 'أذربيجان', shown: 1000, tag: 'روسيا', site: 'جريدة', digest: '12345' };
    for (const key of arKeys) {
      const text = t(key as never, values as never) as string;
      expect(text, key).not.toMatch(/^[A-Z][A-Za-z]+\.[A-Za-z.]+$/); // not the fallback key
      expect(text, key).not.toMatch(ARABIC_INDIC);
    }
  });
});
