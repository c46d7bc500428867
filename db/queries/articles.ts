import { and, desc, eq, inArray, lte, ne, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { articles, articleTags, images, type NewArticle, sections, tags, users } from '../schema';
import { type ImageRef, type LeadImage, toImageRef, toLeadImage } from './images';
import { rankRelated, type RelatedCandidate } from '@/lib/related';

/** What lists and blocks show of an article. */
export type ArticleCard = {
  id: number;
  slug: string;
  title: string;
  deck: string;
  excerpt: string;
  publishedAt: number;
  viewCount: number;
  /** Approved comments. */
  commentCount: number;
  section: SectionRef;
  image: ImageRef | null;
};

/** A section as lists show it: its link and both its names (lib/section-name.ts picks one). */
export type SectionRef = { id: number; slug: string; name: string; nameEn: string };

export type TagRef = { id: number; slug: string; name: string };

/** Everything the article page shows. */
export type ArticleView = Omit<ArticleCard, 'image'> & {
  image: LeadImage | null;
  commentsOpen: boolean;
  source: string;
  body: string;
  updatedAt: number;
  author: { id: number; displayName: string; slug: string };
  tags: TagRef[];
};

/** Readers see an article when it is published and its publication time has come. */
export function isVisible(now: number) {
  return and(eq(articles.status, 'published'), lte(articles.publishedAt, now));
}

const cardColumns = {
  id: articles.id,
  slug: articles.slug,
  title: articles.title,
  deck: articles.deck,
  excerpt: articles.excerpt,
  publishedAt: articles.publishedAt,
  viewCount: articles.viewCount,
  commentCount: sql<number>`(select count(*) from comments c where c.article_id = ${articles.id} and c.status = 'approved')`,
  sectionId: sections.id,
  sectionSlug: sections.slug,
  sectionName: sections.name,
  sectionNameEn: sections.nameEn,
  imageKey: images.key,
  imageWidth: images.width,
  imageHeight: images.height,
  imageWidths: images.widths,
  imageAlt: images.alt,
};

type CardRow = {
  id: number;
  slug: string;
  title: string;
  deck: string;
  excerpt: string;
  publishedAt: number | null;
  viewCount: number;
  commentCount: number;
  sectionId: number;
  sectionSlug: string;
  sectionName: string;
  sectionNameEn: string;
  imageKey: string | null;
  imageWidth: number | null;
  imageHeight: number | null;
  imageWidths: string | null;
  imageAlt: string | null;
};

function toCard(row: CardRow): ArticleCard {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    deck: row.deck,
    excerpt: row.excerpt,
    publishedAt: row.publishedAt ?? 0,
    viewCount: row.viewCount,
    commentCount: row.commentCount,
    section: { id: row.sectionId, slug: row.sectionSlug, name: row.sectionName, nameEn: row.sectionNameEn },
    image: toImageRef({
      key: row.imageKey,
      width: row.imageWidth,
      height: row.imageHeight,
      widths: row.imageWidths,
      alt: row.imageAlt,
    }),
  };
}

function cards(db: Db) {
  return db
    .select(cardColumns)
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .leftJoin(images, eq(images.id, articles.imageId));
}

export type Page = { limit: number; offset?: number };

/** Cards for these ids, in the order given. */
export function cardsByIds(db: Db, ids: number[]): ArticleCard[] {
  if (ids.length === 0) return [];
  const byId = new Map(
    cards(db)
      .where(inArray(articles.id, ids))
      .all()
      .map((row) => [row.id, toCard(row)]),
  );
  return ids.map((id) => byId.get(id)).filter((c): c is ArticleCard => c !== undefined);
}

// Lists page through the index for ids first and read full rows only for what they show: an OFFSET
// over joined rows would read every skipped article (seconds for page 1,000 of a big section).
function newestIds(db: Db, where: ReturnType<typeof and>, page: Page): number[] {
  return db
    .select({ id: articles.id })
    .from(articles)
    .where(where)
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(page.limit)
    .offset(page.offset ?? 0)
    .all()
    .map((r) => r.id);
}

export function listLatest(db: Db, now: number, page: Page): ArticleCard[] {
  return cardsByIds(db, newestIds(db, isVisible(now), page));
}

/** Newest first across a set of sections (a section and its descendants). */
export function listInSections(db: Db, sectionIds: number[], now: number, page: Page): ArticleCard[] {
  if (sectionIds.length === 0) return [];
  return cardsByIds(db, newestIds(db, and(inArray(articles.sectionId, sectionIds), isVisible(now)), page));
}

export function countInSections(db: Db, sectionIds: number[], now: number): number {
  if (sectionIds.length === 0) return 0;
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(articles)
      .where(and(inArray(articles.sectionId, sectionIds), isVisible(now)))
      .get()?.n ?? 0
  );
}

export type BreakingItem = { id: number; slug: string; title: string; until: number };

/** Visible articles marked «عاجل» until a time still to come, newest first. */
export function listBreaking(db: Db, now: number, limit: number): BreakingItem[] {
  return db
    .select({ id: articles.id, slug: articles.slug, title: articles.title, until: sql<number>`${articles.breakingUntil}` })
    .from(articles)
    .where(and(sql`${articles.breakingUntil} > ${now}`, isVisible(now)))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(limit)
    .all();
}

const withTag = (tagId: number) =>
  inArray(articles.id, sql`(select ${articleTags.articleId} from ${articleTags} where ${articleTags.tagId} = ${tagId})`);

/** Newest first among one tag's visible articles. */
export function listByTag(db: Db, tagId: number, now: number, page: Page): ArticleCard[] {
  return cardsByIds(db, newestIds(db, and(withTag(tagId), isVisible(now)), page));
}

export function countByTag(db: Db, tagId: number, now: number): number {
  return db.select({ n: sql<number>`count(*)` }).from(articles).where(and(withTag(tagId), isVisible(now))).get()?.n ?? 0;
}

/** Newest first among one author's visible articles. */
export function listByAuthor(db: Db, authorId: number, now: number, page: Page): ArticleCard[] {
  return cardsByIds(db, newestIds(db, and(eq(articles.authorId, authorId), isVisible(now)), page));
}

export function countByAuthor(db: Db, authorId: number, now: number): number {
  return db.select({ n: sql<number>`count(*)` }).from(articles).where(and(eq(articles.authorId, authorId), isVisible(now))).get()?.n ?? 0;
}

export function listTagsOf(db: Db, articleId: number): TagRef[] {
  return db
    .select({ id: tags.id, slug: tags.slug, name: tags.name })
    .from(articleTags)
    .innerJoin(tags, eq(tags.id, articleTags.tagId))
    .where(eq(articleTags.articleId, articleId))
    .orderBy(tags.name)
    .all();
}

/** A visible article with everything its page shows, or undefined for drafts, future and unknown ids. */
export function getVisibleArticle(db: Db, id: number, now: number): ArticleView | undefined {
  const row = db
    .select({
      ...cardColumns,
      source: articles.source,
      body: articles.body,
      updatedAt: articles.updatedAt,
      commentsOpen: articles.commentsOpen,
      authorId: users.id,
      authorName: users.displayName,
      authorSlug: users.slug,
      imageCaption: images.caption,
      imageCredit: images.credit,
    })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .innerJoin(users, eq(users.id, articles.authorId))
    .leftJoin(images, eq(images.id, articles.imageId))
    .where(and(eq(articles.id, id), isVisible(now)))
    .get();
  if (!row) return undefined;
  return {
    ...toCard(row),
    image: toLeadImage({ key: row.imageKey, width: row.imageWidth, height: row.imageHeight, widths: row.imageWidths, alt: row.imageAlt, caption: row.imageCaption, credit: row.imageCredit }),
    source: row.source,
    body: row.body,
    updatedAt: row.updatedAt,
    commentsOpen: row.commentsOpen,
    author: { id: row.authorId, displayName: row.authorName, slug: row.authorSlug },
    tags: listTagsOf(db, id),
  };
}

/** How many of each tag's newest articles are considered when looking for related ones. */
export const RELATED_POOL_PER_TAG = 200;

/**
 * Other visible articles ranked by shared tags, then same section, then recency. Candidates are the
 * newest visible articles of each of the article's tags, newest by id (ids grow with time), which
 * keeps this a few index lookups even when a tag has tens of thousands of articles. The section and the newest articles
 * fill in when tags alone give too few.
 */
export function listRelatedIds(
  db: Db,
  article: { id: number; sectionId: number },
  now: number,
  limit: number,
): number[] {
  const shared = new Map<number, number>();
  for (const { tagId } of db
    .select({ tagId: articleTags.tagId })
    .from(articleTags)
    .where(eq(articleTags.articleId, article.id))
    .all()) {
    const newest = db
      .select({ articleId: articleTags.articleId })
      .from(articleTags)
      .innerJoin(articles, eq(articles.id, articleTags.articleId))
      .where(and(eq(articleTags.tagId, tagId), ne(articleTags.articleId, article.id), isVisible(now)))
      .orderBy(desc(articleTags.articleId))
      .limit(RELATED_POOL_PER_TAG)
      .all();
    for (const { articleId } of newest) shared.set(articleId, (shared.get(articleId) ?? 0) + 1);
  }

  const candidates: RelatedCandidate[] = shared.size
    ? db
        .select({ id: articles.id, sectionId: articles.sectionId, publishedAt: articles.publishedAt })
        .from(articles)
        .where(and(inArray(articles.id, [...shared.keys()]), isVisible(now)))
        .all()
        .map((r) => ({
          id: r.id,
          sharedTags: shared.get(r.id) ?? 0,
          sameSection: r.sectionId === article.sectionId,
          publishedAt: r.publishedAt ?? 0,
        }))
    : [];

  let ranked = rankRelated(candidates, limit);
  if (ranked.length < limit) {
    const exclude = [article.id, ...ranked.map((c) => c.id)];
    const fill = (where: ReturnType<typeof and>, sameSection: boolean) =>
      db
        .select({ id: articles.id, publishedAt: articles.publishedAt })
        .from(articles)
        .where(and(where, notInArray(articles.id, exclude), isVisible(now)))
        .orderBy(desc(articles.publishedAt))
        .limit(limit)
        .all()
        .map((r) => ({ id: r.id, sharedTags: 0, sameSection, publishedAt: r.publishedAt ?? 0 }));
    const more = fill(eq(articles.sectionId, article.sectionId), true);
    if (ranked.length + more.length < limit) more.push(...fill(ne(articles.sectionId, article.sectionId), false));
    ranked = rankRelated([...ranked, ...more], limit);
  }

  return ranked.map((r) => r.id);
}

export function listRelated(db: Db, article: { id: number; sectionId: number }, now: number, limit: number): ArticleCard[] {
  return cardsByIds(db, listRelatedIds(db, article, now, limit));
}

/** One article's card if readers may see it. */
export function getVisibleCard(db: Db, id: number, now: number): ArticleCard | undefined {
  return cardsByIds(db, newestIds(db, and(eq(articles.id, id), isVisible(now)), { limit: 1 }))[0];
}

export function createArticle(db: Db, values: NewArticle): number {
  return db.insert(articles).values(values).returning({ id: articles.id }).get().id;
}

export function countArticles(db: Db): number {
  return db.select({ n: sql<number>`count(*)` }).from(articles).get()?.n ?? 0;
}

export function articleIdsByAuthor(db: Db, authorId: number): number[] {
  return db.select({ id: articles.id }).from(articles).where(eq(articles.authorId, authorId)).all().map((r) => r.id);
}
