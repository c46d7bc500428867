import { asc, eq, sql } from 'drizzle-orm';
import { type Db, writeTransaction } from '../client';
import { articleTags, tags } from '../schema';

export function listTagsWithCounts(db: Db) {
  return db
    .select({ id: tags.id, name: tags.name, slug: tags.slug, articles: sql<number>`(select count(*) from article_tags at where at.tag_id = ${tags.id})` })
    .from(tags)
    .orderBy(asc(tags.name))
    .all();
}

export function getTag(db: Db, id: number) {
  return db.select().from(tags).where(eq(tags.id, id)).get();
}

export function getTagByName(db: Db, name: string) {
  return db.select().from(tags).where(eq(tags.name, name)).get();
}

export function tagNameTaken(db: Db, name: string, exceptId: number): boolean {
  const other = getTagByName(db, name);
  return !!other && other.id !== exceptId;
}

export function articleIdsWithTag(db: Db, tagId: number): number[] {
  return db.select({ id: articleTags.articleId }).from(articleTags).where(eq(articleTags.tagId, tagId)).all().map((r) => r.id);
}

/** Renames a tag; its address (slug) stays, so links to it keep working. */
export function renameTag(db: Db, id: number, name: string): void {
  db.update(tags).set({ name }).where(eq(tags.id, id)).run();
}

/** Moves every article of `sourceId` to `targetId` and deletes the source, in one transaction. */
export function mergeTags(db: Db, sourceId: number, targetId: number): void {
  writeTransaction(db, (tx) => {
    tx.run(sql`insert or ignore into article_tags (article_id, tag_id) select article_id, ${targetId} from article_tags where tag_id = ${sourceId}`);
    tx.delete(tags).where(eq(tags.id, sourceId)).run();
  });
}

export function deleteTag(db: Db, id: number): void {
  db.delete(tags).where(eq(tags.id, id)).run();
}
