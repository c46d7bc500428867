import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { articleTags, tags } from '../schema';
import type { TagRef } from './articles';

export function createTag(db: Db, name: string, slug: string): TagRef {
  return db.insert(tags).values({ name, slug }).returning({ id: tags.id, slug: tags.slug, name: tags.name }).get();
}

export function addArticleTags(db: Db, articleId: number, tagIds: number[]): void {
  if (tagIds.length === 0) return;
  db.insert(articleTags)
    .values(tagIds.map((tagId) => ({ articleId, tagId })))
    .onConflictDoNothing()
    .run();
}

export function getTagBySlug(db: Db, slug: string): TagRef | undefined {
  return db.select({ id: tags.id, slug: tags.slug, name: tags.name }).from(tags).where(eq(tags.slug, slug)).get();
}

export function listTagNames(db: Db): string[] {
  return db.select({ name: tags.name }).from(tags).orderBy(tags.name).all().map((t) => t.name);
}
