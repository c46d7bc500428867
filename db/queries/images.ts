import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../client';
import { articleRevisions, articles, images, type NewImage } from '../schema';

/** What a page needs to render an image: files are `<key>-<width>.webp` under /media. */
export type ImageRef = { key: string; width: number; height: number; widths: number[]; alt: string };

export function toImageRef(row: {
  key: string | null;
  width: number | null;
  height: number | null;
  widths: string | null;
  alt: string | null;
}): ImageRef | null {
  if (!row.key || !row.width || !row.height || !row.widths) return null;
  return {
    key: row.key,
    width: row.width,
    height: row.height,
    widths: row.widths.split(',').map(Number),
    alt: row.alt ?? '',
  };
}

/** An article's own image: also the caption and credit shown under it. */
export type LeadImage = ImageRef & { caption: string; credit: string };

export function toLeadImage(row: Parameters<typeof toImageRef>[0] & { caption: string | null; credit: string | null }): LeadImage | null {
  const image = toImageRef(row);
  return image && { ...image, caption: row.caption ?? '', credit: row.credit ?? '' };
}

export function createImage(db: Db, values: NewImage): number {
  return db.insert(images).values(values).returning({ id: images.id }).get().id;
}

export type ImageText = { alt: string; caption: string; credit: string };

/**
 * New texts for the image of article `articleId`; answers the image row the article should use. A
 * row another article (or one of its revisions) also uses is left as it is, and the article gets a
 * copy of it with the new texts (same files): a caption must not appear under someone else's story.
 */
export function setImageTextFor(db: Db, id: number, text: ImageText, articleId: number | null): number {
  const byOther = articleId === null ? [undefined, undefined] : [ne(articles.id, articleId), ne(articleRevisions.articleId, articleId)];
  const sharedByArticle = db.select({ id: articles.id }).from(articles).where(and(eq(articles.imageId, id), byOther[0])).limit(1).get();
  const sharedByRevision = db.select({ id: articleRevisions.id }).from(articleRevisions).where(and(eq(articleRevisions.imageId, id), byOther[1])).limit(1).get();
  if (!sharedByArticle && !sharedByRevision) {
    db.update(images).set(text).where(eq(images.id, id)).run();
    return id;
  }
  const source = db.select({ key: images.key, width: images.width, height: images.height, widths: images.widths }).from(images).where(eq(images.id, id)).get();
  if (!source) return id;
  return createImage(db, { ...source, ...text });
}

/** Whether an image row uses the files stored under this key. */
export function imageKeyInUse(db: Db, key: string): boolean {
  return !!db.select({ id: images.id }).from(images).where(eq(images.key, key)).get();
}
