import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { type Db, writeTransaction } from '../client';
import { articles, sections } from '../schema';
import { subtreeIds } from '@/lib/section-tree';

export function articleCountsBySection(db: Db): Map<number, number> {
  const rows = db.select({ id: articles.sectionId, n: sql<number>`count(*)` }).from(articles).groupBy(articles.sectionId).all();
  return new Map(rows.map((r) => [r.id, r.n]));
}

export function sectionSlugTaken(db: Db, slug: string, exceptId?: number): boolean {
  const other = db.select({ id: sections.id }).from(sections).where(eq(sections.slug, slug)).get();
  return !!other && other.id !== exceptId;
}

/** Siblings of a parent, in order. */
function siblings(db: Db, parentId: number | null) {
  return db
    .select({ id: sections.id, position: sections.position })
    .from(sections)
    .where(parentId === null ? isNull(sections.parentId) : eq(sections.parentId, parentId))
    .orderBy(asc(sections.position), asc(sections.id))
    .all();
}

export type SectionValues = { name: string; nameEn?: string; slug: string; description: string; parentId: number | null };

export function addSection(db: Db, values: SectionValues): number {
  return writeTransaction(db, (tx) => {
    const last = siblings(tx, values.parentId).at(-1);
    return tx.insert(sections).values({ ...values, position: (last?.position ?? -1) + 1 }).returning({ id: sections.id }).get().id;
  });
}

/** Updates a section; a move under itself or one of its descendants is refused ('cycle'). */
export function updateSection(db: Db, id: number, values: SectionValues): 'ok' | 'cycle' | 'notFound' {
  return writeTransaction(db, (tx) => {
    const rows = tx.select({ id: sections.id, slug: sections.slug, name: sections.name, nameEn: sections.nameEn, description: sections.description, parentId: sections.parentId, position: sections.position }).from(sections).all();
    const current = rows.find((r) => r.id === id);
    if (!current) return 'notFound';
    if (values.parentId !== null && subtreeIds(rows, id).includes(values.parentId)) return 'cycle';
    const moved = values.parentId !== current.parentId;
    const position = moved ? (siblings(tx, values.parentId).at(-1)?.position ?? -1) + 1 : current.position;
    tx.update(sections).set({ ...values, position }).where(eq(sections.id, id)).run();
    return 'ok';
  });
}

/** Swaps a section with its neighbour above (-1) or below (+1); false when there is none. */
export function moveSection(db: Db, id: number, direction: -1 | 1): boolean {
  return writeTransaction(db, (tx) => {
    const current = tx.select({ parentId: sections.parentId }).from(sections).where(eq(sections.id, id)).get();
    if (!current) return false;
    const list = siblings(tx, current.parentId);
    const index = list.findIndex((s) => s.id === id);
    const other = list[index + direction];
    if (index < 0 || !other) return false;
    // Renumber the siblings so positions are distinct, then swap the two.
    list.forEach((s, i) => tx.update(sections).set({ position: i }).where(eq(sections.id, s.id)).run());
    tx.update(sections).set({ position: index + direction }).where(eq(sections.id, id)).run();
    tx.update(sections).set({ position: index }).where(eq(sections.id, other.id)).run();
    return true;
  });
}

/** Deletes an empty section; one with articles or subsections stays ('notEmpty'). */
export function removeSection(db: Db, id: number): 'ok' | 'notEmpty' | 'notFound' {
  return writeTransaction(db, (tx) => {
    if (!tx.select({ id: sections.id }).from(sections).where(eq(sections.id, id)).get()) return 'notFound';
    const hasArticles = tx.select({ id: articles.id }).from(articles).where(eq(articles.sectionId, id)).limit(1).get();
    const hasChildren = tx.select({ id: sections.id }).from(sections).where(and(eq(sections.parentId, id))).limit(1).get();
    if (hasArticles || hasChildren) return 'notEmpty';
    tx.delete(sections).where(eq(sections.id, id)).run();
    return 'ok';
  });
}
