// Ranking of related articles: more shared tags first, then the same section, then the newer one.

import { foldArabic } from './arabic-search';

export type RelatedCandidate = {
  id: number;
  sharedTags: number;
  sameSection: boolean;
  publishedAt: number;
};

export function compareRelated(a: RelatedCandidate, b: RelatedCandidate): number {
  return (
    b.sharedTags - a.sharedTags ||
    Number(b.sameSection) - Number(a.sameSection) ||
    b.publishedAt - a.publishedAt ||
    b.id - a.id
  );
}

export function rankRelated<T extends RelatedCandidate>(candidates: T[], limit: number): T[] {
  const seen = new Set<number>();
  return candidates
    .slice()
    .sort(compareRelated)
    .filter((c) => !seen.has(c.id) && seen.add(c.id))
    .slice(0, limit);
}

/**
 * Two stories under the same headline read as one story listed twice (a recurring report, a
 * correction published anew): keep the first of each headline, and none with the article's own.
 * Headlines compare as search does (hamza forms, harakat and spacing do not count).
 */
export function withDistinctTitles<T extends { title: string }>(cards: T[], ownTitle: string, limit: number): T[] {
  const key = (title: string) => foldArabic(title).replace(/\s+/g, ' ').trim();
  const seen = new Set([key(ownTitle)]);
  return cards
    .filter((card) => {
      const k = key(card.title);
      return !seen.has(k) && seen.add(k);
    })
    .slice(0, limit);
}
