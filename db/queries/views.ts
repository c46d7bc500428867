import { sql } from 'drizzle-orm';
import { type Db, writeTransaction } from '../client';
import { type ArticleCard, cardsByIds } from './articles';
import { HOUR_MS } from '@/lib/view-counter';

/** Adds a batch of views (article id → count) to the totals and to this hour's bucket; unknown or unpublished ids are skipped. */
export function recordViews(db: Db, batch: Map<number, number>, now: number): void {
  if (batch.size === 0) return;
  const hour = Math.floor(now / HOUR_MS);
  // Plain statements on the same connection run inside the transaction.
  writeTransaction(db, () => {
    const total = db.$client.prepare("UPDATE articles SET view_count = view_count + ? WHERE id = ? AND status = 'published'");
    const bucket = db.$client.prepare(
      `INSERT INTO article_views (hour, article_id, views) SELECT ?, id, ? FROM articles WHERE id = ? AND status = 'published'
       ON CONFLICT (hour, article_id) DO UPDATE SET views = views + excluded.views`,
    );
    for (const [id, n] of batch) {
      total.run(n, id);
      bucket.run(hour, n, id);
    }
  });
}

/** Drops hourly buckets older than the longest window shown (7 days), plus a day of margin. */
export function pruneViews(db: Db, now: number): void {
  db.run(sql`DELETE FROM article_views WHERE hour < ${Math.floor(now / HOUR_MS) - 8 * 24}`);
}

/** Ids of the most read visible articles over the last `hours` hours, most read first. */
export function mostReadIds(db: Db, now: number, hours: number, limit: number): number[] {
  return db
    .all<{ id: number }>(
      sql`SELECT v.article_id AS id FROM article_views v JOIN articles a ON a.id = v.article_id
          WHERE v.hour > ${Math.floor(now / HOUR_MS) - hours} AND a.status = 'published' AND a.published_at <= ${now}
          GROUP BY v.article_id ORDER BY sum(v.views) DESC, v.article_id DESC LIMIT ${limit}`,
    )
    .map((r) => r.id);
}

export function listMostReadSince(db: Db, now: number, hours: number, limit: number): ArticleCard[] {
  return cardsByIds(db, mostReadIds(db, now, hours, limit));
}
