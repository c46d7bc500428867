// Ranking of related articles: more shared tags first, then the same section, then the newer one.

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
