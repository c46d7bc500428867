import { and, asc, desc, eq, inArray, ne, notInArray, sql } from 'drizzle-orm';
import { type Db, writeTransaction } from '../client';
import {
  type ArticleStatus,
  articleRevisions,
  articles,
  articleStatuses,
  articleTags,
  images,
  type NewImage,
  sections,
  tags,
  users,
} from '../schema';
import { createImage, type ImageText, setImageTextFor, toLeadImage } from './images';
import { slugify } from '@/lib/slug';

// What the newsroom reads and writes about articles. Every write runs in one IMMEDIATE transaction
// that checks the version the editor started from, keeps a revision and leaves nothing half-done.

export type AdminFilters = { status?: ArticleStatus; sectionId?: number; authorId?: number; q?: string };
export type AdminSort = 'updated' | 'published' | 'title';

export function countByStatus(db: Db, authorId?: number): Record<ArticleStatus, number> {
  const rows = db
    .select({ status: articles.status, n: sql<number>`count(*)` })
    .from(articles)
    .where(authorId === undefined ? undefined : eq(articles.authorId, authorId))
    .groupBy(articles.status)
    .all();
  const counts = Object.fromEntries(articleStatuses.map((s) => [s, 0])) as Record<ArticleStatus, number>;
  for (const row of rows) counts[row.status] = row.n;
  return counts;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function adminWhere(filters: AdminFilters) {
  const q = filters.q?.trim();
  return and(
    // The trash is shown only when asked for.
    filters.status ? eq(articles.status, filters.status) : ne(articles.status, 'trash'),
    filters.sectionId ? eq(articles.sectionId, filters.sectionId) : undefined,
    filters.authorId ? eq(articles.authorId, filters.authorId) : undefined,
    q ? sql`${articles.title} like ${`%${escapeLike(q)}%`} escape '\\'` : undefined,
  );
}

export function listAdminArticles(db: Db, filters: AdminFilters, sort: AdminSort, page: { limit: number; offset: number }) {
  const order =
    sort === 'title'
      ? [asc(articles.title)]
      : sort === 'published'
        ? [desc(sql`coalesce(${articles.publishedAt}, 0)`), desc(articles.id)]
        : [desc(articles.updatedAt), desc(articles.id)];
  const rows = db
    .select({
      id: articles.id,
      slug: articles.slug,
      title: articles.title,
      status: articles.status,
      publishedAt: articles.publishedAt,
      updatedAt: articles.updatedAt,
      authorId: articles.authorId,
      authorName: users.displayName,
      sectionName: sections.name,
    })
    .from(articles)
    .innerJoin(users, eq(users.id, articles.authorId))
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(adminWhere(filters))
    .orderBy(...order)
    .limit(page.limit)
    .offset(page.offset)
    .all();
  const total = db.select({ n: sql<number>`count(*)` }).from(articles).where(adminWhere(filters)).get()?.n ?? 0;
  return { rows, total };
}

export type EditableArticle = NonNullable<ReturnType<typeof getArticleForEdit>>;

export function getArticleForEdit(db: Db, id: number) {
  const row = db
    .select({
      id: articles.id,
      slug: articles.slug,
      title: articles.title,
      deck: articles.deck,
      source: articles.source,
      body: articles.body,
      excerpt: articles.excerpt,
      sectionId: articles.sectionId,
      authorId: articles.authorId,
      imageId: articles.imageId,
      status: articles.status,
      publishedAt: articles.publishedAt,
      updatedAt: articles.updatedAt,
      commentsOpen: articles.commentsOpen,
      version: articles.version,
      breakingUntil: articles.breakingUntil,
      imageKey: images.key,
      imageWidth: images.width,
      imageHeight: images.height,
      imageWidths: images.widths,
      imageAlt: images.alt,
      imageCaption: images.caption,
      imageCredit: images.credit,
    })
    .from(articles)
    .leftJoin(images, eq(images.id, articles.imageId))
    .where(eq(articles.id, id))
    .get();
  if (!row) return undefined;
  const { imageKey, imageWidth, imageHeight, imageWidths, imageAlt, imageCaption, imageCredit, ...article } = row;
  return {
    ...article,
    image: toLeadImage({ key: imageKey, width: imageWidth, height: imageHeight, widths: imageWidths, alt: imageAlt, caption: imageCaption, credit: imageCredit }),
    tags: tagNamesOf(db, id),
  };
}

export function tagNamesOf(db: Db, articleId: number): string[] {
  return db
    .select({ name: tags.name })
    .from(articleTags)
    .innerJoin(tags, eq(tags.id, articleTags.tagId))
    .where(eq(articleTags.articleId, articleId))
    .orderBy(asc(tags.name))
    .all()
    .map((t) => t.name);
}

export function tagIdsOf(db: Db, articleId: number): number[] {
  return db.select({ id: articleTags.tagId }).from(articleTags).where(eq(articleTags.articleId, articleId)).all().map((t) => t.id);
}

/** Ids of these tags, creating the missing ones (names compared after NFC and trimming). */
export function ensureTags(db: Db, names: string[]): number[] {
  const ids: number[] = [];
  for (const raw of names) {
    const name = raw.normalize('NFC').trim();
    if (!name) continue;
    const existing = db.select({ id: tags.id }).from(tags).where(eq(tags.name, name)).get();
    if (existing) {
      ids.push(existing.id);
      continue;
    }
    let slug = slugify(name);
    for (let n = 2; db.select({ id: tags.id }).from(tags).where(eq(tags.slug, slug)).get(); n++) slug = `${slugify(name)}-${n}`;
    ids.push(db.insert(tags).values({ name, slug }).returning({ id: tags.id }).get().id);
  }
  return [...new Set(ids)];
}

export function slugInUse(db: Db, slug: string, exceptId?: number): boolean {
  return !!db
    .select({ id: articles.id })
    .from(articles)
    .where(and(eq(articles.slug, slug), exceptId ? ne(articles.id, exceptId) : undefined))
    .get();
}

/** A free slug: the wanted one, or the wanted one with a number. */
export function freeSlug(db: Db, wanted: string, exceptId?: number): string {
  let slug = wanted;
  for (let n = 2; slugInUse(db, slug, exceptId); n++) slug = `${wanted}-${n}`;
  return slug;
}

export type ArticleFields = {
  title: string;
  deck: string;
  source: string;
  body: string;
  excerpt: string;
  slug: string;
  sectionId: number;
  commentsOpen: boolean;
  tags: string[];
  /** undefined keeps the current image; null removes it. */
  imageId?: number | null;
  /** A newly uploaded image (its files already stored): it becomes the article's image. */
  newImage?: NewImage;
  /** New description, caption or credit for the image the article keeps. */
  imageText?: ImageText & { id: number };
  /** undefined keeps the current «عاجل» time; null ends it. */
  breakingUntil?: number | null;
};

export type SaveResult =
  | { ok: true; id: number; version: number; before: { sectionId: number; status: ArticleStatus; tagIds: number[]; visible: boolean } | null }
  | { ok: false; reason: 'conflict' | 'slugTaken' | 'notFound' | 'sectionMissing' };

/**
 * Creates (id null) or updates an article with its tags and status, keeps a revision, and bumps
 * the version. An update from a stale copy (expectedVersion behind) changes nothing: 'conflict'.
 */
export function saveArticle(
  db: Db,
  input: { id: number | null; expectedVersion: number | null; fields: ArticleFields; status: ArticleStatus; publishedAt: number | null; userId: number; authorId?: number },
  now = Date.now(),
): SaveResult {
  return writeTransaction(db, (tx) => {
    const { fields } = input;
    let before: Extract<SaveResult, { ok: true }>['before'] = null;
    if (input.id !== null) {
      const current = tx
        .select({ version: articles.version, sectionId: articles.sectionId, status: articles.status, publishedAt: articles.publishedAt })
        .from(articles)
        .where(eq(articles.id, input.id))
        .get();
      if (!current) return { ok: false, reason: 'notFound' } as const;
      if (input.expectedVersion !== current.version) return { ok: false, reason: 'conflict' } as const;
      before = {
        sectionId: current.sectionId,
        status: current.status,
        tagIds: tagIdsOf(tx, input.id),
        visible: current.status === 'published' && (current.publishedAt ?? Infinity) <= now,
      };
    }
    if (slugInUse(tx, fields.slug, input.id ?? undefined)) return { ok: false, reason: 'slugTaken' } as const;
    // A forged or since-deleted section id is refused here, not by the foreign key mid-write.
    if (!tx.select({ id: sections.id }).from(sections).where(eq(sections.id, fields.sectionId)).get()) {
      return { ok: false, reason: 'sectionMissing' } as const;
    }

    // The image row and its texts are written with the article, so a refused save leaves neither.
    let imageId = fields.imageId;
    if (fields.newImage) imageId = createImage(tx, fields.newImage);
    if (fields.imageText) {
      const { id, ...text } = fields.imageText;
      imageId = setImageTextFor(tx, id, text, input.id);
    }

    const values = {
      title: fields.title,
      deck: fields.deck,
      source: fields.source,
      body: fields.body,
      excerpt: fields.excerpt,
      slug: fields.slug,
      sectionId: fields.sectionId,
      commentsOpen: fields.commentsOpen,
      status: input.status,
      publishedAt: input.publishedAt,
      updatedAt: now,
      ...(imageId === undefined ? {} : { imageId }),
      ...(fields.breakingUntil === undefined ? {} : { breakingUntil: fields.breakingUntil }),
    };
    let id: number;
    let version: number;
    if (input.id === null) {
      const created = tx
        .insert(articles)
        .values({ ...values, authorId: input.authorId ?? input.userId, version: 1, createdAt: now })
        .returning({ id: articles.id })
        .get();
      id = created.id;
      version = 1;
    } else {
      id = input.id;
      version = (input.expectedVersion ?? 0) + 1;
      tx.update(articles).set({ ...values, version }).where(eq(articles.id, id)).run();
    }

    const tagIds = ensureTags(tx, fields.tags);
    tx.delete(articleTags).where(and(eq(articleTags.articleId, id), tagIds.length ? notInArray(articleTags.tagId, tagIds) : undefined)).run();
    if (tagIds.length) tx.insert(articleTags).values(tagIds.map((tagId) => ({ articleId: id, tagId }))).onConflictDoNothing().run();

    const savedImageId = tx.select({ imageId: articles.imageId }).from(articles).where(eq(articles.id, id)).get()!.imageId;
    tx.insert(articleRevisions)
      .values({
        articleId: id,
        userId: input.userId,
        version,
        title: fields.title,
        deck: fields.deck,
        source: fields.source,
        excerpt: fields.excerpt,
        slug: fields.slug,
        sectionId: fields.sectionId,
        imageId: savedImageId,
        tags: JSON.stringify(fields.tags),
        body: fields.body,
        createdAt: now,
      })
      .run();
    return { ok: true, id, version, before } as const;
  });
}

/** Scheduled articles whose time has come become published; returns them for revalidation. */
export function publishDueArticles(db: Db, now: number): { id: number; sectionId: number; tagIds: number[] }[] {
  return writeTransaction(db, (tx) => {
    const due = tx
      .select({ id: articles.id, sectionId: articles.sectionId })
      .from(articles)
      .where(and(eq(articles.status, 'scheduled'), sql`${articles.publishedAt} <= ${now}`))
      .all();
    if (due.length === 0) return [];
    tx.update(articles)
      .set({ status: 'published' })
      .where(inArray(articles.id, due.map((d) => d.id)))
      .run();
    return due.map((d) => ({ ...d, tagIds: tagIdsOf(tx, d.id) }));
  });
}

export function listRevisions(db: Db, articleId: number) {
  return db
    .select({ id: articleRevisions.id, version: articleRevisions.version, createdAt: articleRevisions.createdAt, userName: users.displayName, title: articleRevisions.title })
    .from(articleRevisions)
    .leftJoin(users, eq(users.id, articleRevisions.userId))
    .where(eq(articleRevisions.articleId, articleId))
    .orderBy(desc(articleRevisions.id))
    .all();
}

export function getRevision(db: Db, articleId: number, revisionId: number) {
  return db
    .select()
    .from(articleRevisions)
    .where(and(eq(articleRevisions.id, revisionId), eq(articleRevisions.articleId, articleId)))
    .get();
}

export function nextScheduledAt(db: Db): number | undefined {
  return (
    db
      .select({ at: sql<number>`min(${articles.publishedAt})` })
      .from(articles)
      .where(eq(articles.status, 'scheduled'))
      .get()?.at ?? undefined
  );
}

export function listAuthors(db: Db) {
  return db.select({ id: users.id, displayName: users.displayName }).from(users).orderBy(asc(users.displayName)).all();
}

