import { desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { articles, comments, type CommentStatus, commentStatuses } from '../schema';

// Moderation: what the comment queue reads and writes.

export function countByCommentStatus(db: Db): Record<CommentStatus, number> {
  const rows = db.select({ status: comments.status, n: sql<number>`count(*)` }).from(comments).groupBy(comments.status).all();
  const counts = Object.fromEntries(commentStatuses.map((s) => [s, 0])) as Record<CommentStatus, number>;
  for (const row of rows) counts[row.status] = row.n;
  return counts;
}

export function listForModeration(db: Db, status: CommentStatus, page: { limit: number; offset: number }) {
  return db
    .select({
      id: comments.id,
      articleId: comments.articleId,
      articleTitle: articles.title,
      articleSlug: articles.slug,
      parentId: comments.parentId,
      depth: comments.depth,
      authorName: comments.authorName,
      authorEmail: comments.authorEmail,
      authorUrl: comments.authorUrl,
      body: comments.body,
      status: comments.status,
      createdAt: comments.createdAt,
      isStaff: sql<boolean>`${comments.userId} is not null`.mapWith(Boolean),
    })
    .from(comments)
    .innerJoin(articles, eq(articles.id, comments.articleId))
    .where(eq(comments.status, status))
    .orderBy(desc(comments.createdAt), desc(comments.id))
    .limit(page.limit)
    .offset(page.offset)
    .all();
}

export function getCommentForModeration(db: Db, id: number) {
  return db.select().from(comments).where(eq(comments.id, id)).get();
}

/** What a moderation changed: the comments that exist, and the articles whose pages show them. */
export type Moderated = { commentIds: number[]; articleIds: number[] };

function moderated(rows: { id: number; articleId: number }[]): Moderated {
  return { commentIds: rows.map((r) => r.id), articleIds: [...new Set(rows.map((r) => r.articleId))] };
}

/** Sets the status of several comments. */
export function setStatuses(db: Db, ids: number[], status: CommentStatus): Moderated {
  if (ids.length === 0) return moderated([]);
  const rows = db
    .update(comments)
    .set({ status, approvedAt: status === 'approved' ? Date.now() : null })
    .where(inArray(comments.id, ids))
    .returning({ id: comments.id, articleId: comments.articleId })
    .all();
  return moderated(rows);
}

/** Deletes for good; replies move up (parent_id is set null by the foreign key). */
export function deleteComments(db: Db, ids: number[]): Moderated {
  if (ids.length === 0) return moderated([]);
  return moderated(db.delete(comments).where(inArray(comments.id, ids)).returning({ id: comments.id, articleId: comments.articleId }).all());
}

export function editComment(db: Db, id: number, values: { authorName: string; authorUrl: string | null; body: string; bodyHash: string }) {
  return db.update(comments).set(values).where(eq(comments.id, id)).returning({ articleId: comments.articleId, status: comments.status }).get();
}

