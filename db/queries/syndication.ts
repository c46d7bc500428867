import { and, asc, desc, eq, exists, gte, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { articles, articleTags, tags, users } from '../schema';
import { isVisible, type Page } from './articles';

// What feeds and sitemaps list: visible articles, and the tags and authors that have at least one.

/** Ids of the newest visible articles, across the site or within a set of sections. */
export function listNewestIds(db: Db, now: number, limit: number, sectionIds?: number[]): number[] {
  if (sectionIds?.length === 0) return [];
  return db
    .select({ id: articles.id })
    .from(articles)
    .where(and(isVisible(now), sectionIds ? inArray(articles.sectionId, sectionIds) : undefined))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(limit)
    .all()
    .map((r) => r.id);
}

export type ArticleUrlRow = { id: number; slug: string; publishedAt: number; updatedAt: number };

export function countVisibleArticles(db: Db, now: number): number {
  return db.select({ n: sql<number>`count(*)` }).from(articles).where(isVisible(now)).get()?.n ?? 0;
}

/** In id order (ids grow with time): new articles land in the last chunk of a sitemap. */
export function listArticleUrls(db: Db, now: number, page: Page): ArticleUrlRow[] {
  return db
    .select({ id: articles.id, slug: articles.slug, publishedAt: sql<number>`${articles.publishedAt}`, updatedAt: articles.updatedAt })
    .from(articles)
    .where(isVisible(now))
    .orderBy(asc(articles.id))
    .limit(page.limit)
    .offset(page.offset ?? 0)
    .all();
}

export type RecentArticleRow = { id: number; slug: string; title: string; publishedAt: number };

/** Visible articles published at or after `since`, newest first. */
export function listPublishedSince(db: Db, since: number, now: number, limit: number): RecentArticleRow[] {
  return db
    .select({ id: articles.id, slug: articles.slug, title: articles.title, publishedAt: sql<number>`${articles.publishedAt}` })
    .from(articles)
    .where(and(isVisible(now), gte(articles.publishedAt, since)))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(limit)
    .all();
}

// CROSS JOIN keeps SQLite from walking every visible article looking for one with the tag: it reads
// the tag's articles through its index and stops at the first visible one.
function tagHasVisibleArticle(db: Db, now: number) {
  return exists(
    db
      .select({ one: sql`1` })
      .from(articleTags)
      .crossJoin(articles)
      .where(and(eq(articleTags.tagId, tags.id), eq(articles.id, articleTags.articleId), isVisible(now))),
  );
}

export function countTagsWithArticles(db: Db, now: number): number {
  return db.select({ n: sql<number>`count(*)` }).from(tags).where(tagHasVisibleArticle(db, now)).get()?.n ?? 0;
}

export function listTagSlugsWithArticles(db: Db, now: number, page: Page): string[] {
  return db
    .select({ slug: tags.slug })
    .from(tags)
    .where(tagHasVisibleArticle(db, now))
    .orderBy(asc(tags.id))
    .limit(page.limit)
    .offset(page.offset ?? 0)
    .all()
    .map((r) => r.slug);
}

function authorHasVisibleArticle(db: Db, now: number) {
  return exists(
    db
      .select({ one: sql`1` })
      .from(articles)
      .where(and(eq(articles.authorId, users.id), isVisible(now))),
  );
}

export function countAuthorsWithArticles(db: Db, now: number): number {
  return db.select({ n: sql<number>`count(*)` }).from(users).where(authorHasVisibleArticle(db, now)).get()?.n ?? 0;
}

export function listAuthorSlugsWithArticles(db: Db, now: number, page: Page): string[] {
  return db
    .select({ slug: users.slug })
    .from(users)
    .where(authorHasVisibleArticle(db, now))
    .orderBy(asc(users.id))
    .limit(page.limit)
    .offset(page.offset ?? 0)
    .all()
    .map((r) => r.slug);
}
