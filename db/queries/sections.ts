import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { type NewSection, sections } from '../schema';
import type { SectionNode } from '@/lib/section-tree';

const sectionColumns = {
  id: sections.id,
  slug: sections.slug,
  name: sections.name,
  nameEn: sections.nameEn,
  description: sections.description,
  parentId: sections.parentId,
  position: sections.position,
};

/** Every section; the tree is small and callers walk it with lib/section-tree. */
export function listSections(db: Db): SectionNode[] {
  return db.select(sectionColumns).from(sections).orderBy(asc(sections.position), asc(sections.id)).all();
}

export function getSectionBySlug(db: Db, slug: string): SectionNode | undefined {
  return db.select(sectionColumns).from(sections).where(eq(sections.slug, slug)).get();
}

export function createSection(db: Db, values: NewSection): SectionNode {
  return db.insert(sections).values(values).returning(sectionColumns).get();
}

export function countSections(db: Db): number {
  return db.select({ n: sql<number>`count(*)` }).from(sections).get()?.n ?? 0;
}
