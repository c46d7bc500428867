import { sql } from 'drizzle-orm';
import type { Db } from '../client';
import { type ArticleCard, cardsByIds } from './articles';

// Search over the FTS5 index of published articles (db/migrations/0004_search.sql). Relevance is
// bm25 with the title weighted above tags, deck and body; among the best CANDIDATES a mild boost lifts
// recent articles (×1.5 today, ×1.25 at a month, ×1.04 at a year), so a fresh story beats an old
// one of similar relevance but not a much better match. A query that matches more than
// RECENT_WINDOW articles is ranked among its newest RECENT_WINDOW matches (ids grow with time): bm25
// over every article holding two common words costs ~100 ms at 100,000 articles, this ~10 ms.

const WEIGHTS = { title: 10, deck: 4, body: 1, tags: 5 } as const;
export const CANDIDATES = 1000;
export const RECENT_WINDOW = 5000;
const DAY = 86_400_000;

export type SearchResult = { total: number; ids: number[] };

/** Ids of the matching visible articles, best first (at most CANDIDATES), and how many match in all. */
export function searchArticleIds(db: Db, match: string, now: number): SearchResult {
  const client = db.$client;
  const { total } = client.prepare('SELECT count(*) AS total FROM articles_fts WHERE articles_fts MATCH ?').get(match) as { total: number };
  if (total === 0) return { total: 0, ids: [] };
  const floor =
    total > RECENT_WINDOW
      ? (client.prepare(`SELECT min(rowid) AS floor FROM (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ${RECENT_WINDOW})`).get(match) as { floor: number }).floor
      : 0;
  const ranked = client
    .prepare(
      `SELECT f.rowid AS id, f.score, a.published_at AS publishedAt
       FROM (SELECT rowid, bm25(articles_fts, ${WEIGHTS.title}, ${WEIGHTS.deck}, ${WEIGHTS.body}, ${WEIGHTS.tags}) AS score
             FROM articles_fts WHERE articles_fts MATCH ? AND rowid >= ? ORDER BY score LIMIT ${CANDIDATES}) f
       JOIN articles a ON a.id = f.rowid
       WHERE a.status = 'published' AND a.published_at <= ?`,
    )
    .all(match, floor, now) as { id: number; score: number; publishedAt: number }[];
  const boosted = ranked
    .map((r) => ({ id: r.id, score: r.score * (1 + 0.5 / (1 + Math.max(0, now - r.publishedAt) / (30 * DAY))) }))
    .sort((a, b) => a.score - b.score || b.id - a.id);
  return { total, ids: boosted.map((r) => r.id) };
}

/** Cards and body text (Markdown source) for one page of results, in the order given. */
export function searchHits(db: Db, ids: number[]): (ArticleCard & { body: string })[] {
  if (ids.length === 0) return [];
  const bodies = new Map(
    db
      .all<{ id: number; body: string }>(sql`SELECT id, body FROM articles WHERE id IN (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`)
      .map((r) => [r.id, r.body]),
  );
  return cardsByIds(db, ids).map((card) => ({ ...card, body: bodies.get(card.id) ?? '' }));
}
