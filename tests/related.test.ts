import { describe, expect, it } from 'vitest';
import { compareRelated, rankRelated, type RelatedCandidate, withDistinctTitles } from '@/lib/related';

const day = 86_400_000;
const base = Date.UTC(2024, 3, 22);

function c(id: number, sharedTags: number, sameSection: boolean, daysAgo: number): RelatedCandidate {
  return { id, sharedTags, sameSection, publishedAt: base - daysAgo * day };
}

const ids = (list: RelatedCandidate[]) => list.map((x) => x.id);

describe('compareRelated', () => {
  it('puts more shared tags first, whatever the section or date', () => {
    expect(compareRelated(c(1, 3, false, 30), c(2, 1, true, 0))).toBeLessThan(0);
    expect(compareRelated(c(2, 1, true, 0), c(1, 3, false, 30))).toBeGreaterThan(0);
  });

  it('prefers the same section when shared tags tie', () => {
    expect(compareRelated(c(1, 2, true, 30), c(2, 2, false, 0))).toBeLessThan(0);
  });

  it('prefers the newer article when tags and section tie', () => {
    expect(compareRelated(c(1, 2, true, 1), c(2, 2, true, 5))).toBeLessThan(0);
  });

  it('breaks a complete tie by higher id, and is 0 only for the same id', () => {
    expect(compareRelated(c(9, 1, true, 1), c(3, 1, true, 1))).toBeLessThan(0);
    expect(compareRelated(c(3, 1, true, 1), c(3, 1, true, 1))).toBe(0);
  });
});

describe('rankRelated', () => {
  it('ranks shared tags, then same section, then recency', () => {
    const ranked = rankRelated(
      [
        c(1, 0, false, 0), // newest, nothing in common
        c(2, 0, true, 5), // same section only
        c(3, 1, false, 2), // one tag, other section
        c(4, 1, true, 10), // one tag, same section, old
        c(5, 1, true, 3), // one tag, same section, newer
        c(6, 2, false, 40), // two tags, old
      ],
      10,
    );
    expect(ids(ranked)).toEqual([6, 5, 4, 3, 2, 1]);
  });

  it('keeps only the first (best) copy of a duplicated id', () => {
    const ranked = rankRelated([c(7, 0, false, 1), c(7, 2, true, 1), c(8, 1, true, 1)], 10);
    expect(ids(ranked)).toEqual([7, 8]);
    expect(ranked[0]!.sharedTags).toBe(2);
  });

  it('applies the limit after dedupe', () => {
    const ranked = rankRelated([c(1, 3, true, 0), c(1, 3, true, 0), c(2, 2, true, 0), c(3, 1, true, 0)], 2);
    expect(ids(ranked)).toEqual([1, 2]);
  });

  it('returns an empty list for no candidates or a zero limit', () => {
    expect(rankRelated([], 4)).toEqual([]);
    expect(rankRelated([c(1, 1, true, 0)], 0)).toEqual([]);
  });

  it('does not mutate the input', () => {
    const input = [c(1, 0, false, 0), c(2, 3, true, 0)];
    const before = ids(input);
    rankRelated(input, 4);
    expect(ids(input)).toEqual(before);
  });

  it('keeps extra fields on the returned items', () => {
    const ranked = rankRelated([{ ...c(1, 1, true, 0), title: 'أ' }], 4);
    expect(ranked[0]!.title).toBe('أ');
  });
});

describe('withDistinctTitles', () => {
  const card = (id: number, title: string) => ({ id, title });

  it('keeps the first of each headline and none with the article\'s own, up to the limit', () => {
    const cards = [card(1, 'زيارة رسمية إلى موسكو'), card(2, 'زيارة رسمية الى موسكو'), card(3, 'خبر آخر'), card(4, 'المقال نفسه'), card(5, 'ثالث'), card(6, 'رابع')];
    expect(withDistinctTitles(cards, 'المقال  نفسه', 3).map((c) => c.id)).toEqual([1, 3, 5]);
  });

  it('compares headlines as search does: harakat, hamza forms and spacing do not count', () => {
    const cards = [card(1, 'قِمَّة   الاتحاد'), card(2, 'قمة الإتحاد'), card(3, 'قمة الاتحاد الإفريقي')];
    expect(withDistinctTitles(cards, '', 4).map((c) => c.id)).toEqual([1, 3]);
  });

  it('leaves distinct headlines in their order', () => {
    const cards = [card(3, 'ج'), card(1, 'أ'), card(2, 'ب')];
    expect(withDistinctTitles(cards, 'د', 4)).toEqual(cards);
  });
});
