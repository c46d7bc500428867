import { and, asc, desc, eq, gte, inArray, or, sql } from 'drizzle-orm';
import { type Db, writeTransaction } from '../client';
import { articles, comments, type CommentStatus, type NewComment } from '../schema';

/** What readers see of a comment: never the email address or the IP hash. */
export type PublicComment = {
  id: number;
  parentId: number | null;
  depth: number;
  authorName: string;
  authorUrl: string | null;
  body: string;
  createdAt: number;
  isStaff: boolean;
};

const publicColumns = {
  id: comments.id,
  parentId: comments.parentId,
  depth: comments.depth,
  authorName: comments.authorName,
  authorUrl: comments.authorUrl,
  body: comments.body,
  createdAt: comments.createdAt,
  isStaff: sql<boolean>`${comments.userId} is not null`.mapWith(Boolean),
};

/** What the comment form needs to know about the article it is posted on. */
export function getCommentTarget(db: Db, articleId: number) {
  return db
    .select({
      id: articles.id,
      status: articles.status,
      publishedAt: articles.publishedAt,
      commentsOpen: articles.commentsOpen,
      sectionId: articles.sectionId,
      authorId: articles.authorId,
    })
    .from(articles)
    .where(eq(articles.id, articleId))
    .get();
}

/** An approved comment of this article that a reply may attach to. */
export function getReplyParent(db: Db, articleId: number, parentId: number) {
  return db
    .select({ id: comments.id, depth: comments.depth, parentId: comments.parentId, authorName: comments.authorName })
    .from(comments)
    .where(and(eq(comments.id, parentId), eq(comments.articleId, articleId), eq(comments.status, 'approved')))
    .get();
}

/** The newest comment time from this address or this email, for the flood rule. */
export function lastCommentAt(db: Db, sender: { ipHash: string; email: string }, since: number): number | undefined {
  return db
    .select({ at: comments.createdAt })
    .from(comments)
    .where(and(or(eq(comments.ipHash, sender.ipHash), eq(comments.authorEmail, sender.email)), gte(comments.createdAt, since)))
    .orderBy(desc(comments.createdAt))
    .limit(1)
    .get()?.at;
}

export function hasApprovedComment(db: Db, email: string): boolean {
  return !!db
    .select({ id: comments.id })
    .from(comments)
    .where(and(eq(comments.authorEmail, email), eq(comments.status, 'approved')))
    .limit(1)
    .get();
}

export type InsertResult = { ok: true; id: number } | { ok: false; reason: 'duplicate' };

/** Stores one comment; the unique index turns a second identical one into 'duplicate'. */
export function insertComment(db: Db, values: Omit<NewComment, 'parentKey'>): InsertResult {
  try {
    const id = writeTransaction(db, (tx) =>
      tx
        .insert(comments)
        .values({ ...values, parentKey: values.parentId ?? 0, approvedAt: values.status === 'approved' ? Date.now() : null })
        .returning({ id: comments.id })
        .get().id,
    );
    return { ok: true, id };
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') return { ok: false, reason: 'duplicate' };
    throw error;
  }
}

/** Approved comments of an article, oldest first (threads are assembled by the page). */
export function listApprovedComments(db: Db, articleId: number): PublicComment[] {
  return db
    .select(publicColumns)
    .from(comments)
    .where(and(eq(comments.articleId, articleId), eq(comments.status, 'approved')))
    .orderBy(asc(comments.createdAt), asc(comments.id))
    .all();
}

/** A browser's own comments still awaiting review (ids come from its signed cookie). */
export function listPendingByIds(db: Db, articleId: number, ids: number[]): PublicComment[] {
  if (ids.length === 0) return [];
  return db
    .select(publicColumns)
    .from(comments)
    .where(and(inArray(comments.id, ids), eq(comments.articleId, articleId), eq(comments.status, 'pending')))
    .orderBy(asc(comments.createdAt))
    .all();
}

/** Moderation: sets a comment's status; returns its article, or undefined when it does not exist. */
export function setCommentStatus(db: Db, id: number, status: CommentStatus): { articleId: number } | undefined {
  return db
    .update(comments)
    .set({ status, approvedAt: status === 'approved' ? Date.now() : null })
    .where(eq(comments.id, id))
    .returning({ articleId: comments.articleId })
    .get();
}

export function countComments(db: Db, where?: { articleId?: number; status?: CommentStatus }): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(comments)
      .where(
        and(
          where?.articleId === undefined ? undefined : eq(comments.articleId, where.articleId),
          where?.status === undefined ? undefined : eq(comments.status, where.status),
        ),
      )
      .get()?.n ?? 0
  );
}

