import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { createArticle } from '@/db/queries/articles';
import {
  addSection,
  articleCountsBySection,
  moveSection,
  removeSection,
  sectionSlugTaken,
  updateSection,
} from '@/db/queries/section-admin';
import { createSection } from '@/db/queries/sections';
import { articleIdsWithTag, deleteTag, getTag, listTagsWithCounts, mergeTags, renameTag, tagNameTaken } from '@/db/queries/tag-admin';
import { addArticleTags, createTag } from '@/db/queries/tags';
import { createUser } from '@/db/queries/users';
import { createTestDb } from './helpers/db';

const NOW = Date.UTC(2026, 4, 10, 9, 0);

let db: Db;
let cleanup: () => void;
let authorId = 0;
let articleCount = 0;

beforeAll(() => {
  ({ db, cleanup } = createTestDb());
  authorId = createUser(db, { email: 'desk@example.com', displayName: 'هيئة التحرير', slug: 'desk' }).id;
});

afterAll(() => cleanup());

function article(sectionId: number): number {
  articleCount++;
  return createArticle(db, { slug: `a-${articleCount}`, title: `مقال ${articleCount}`, body: 'ن', sectionId, authorId, updatedAt: NOW });
}

type Row = { id: number; slug: string; name: string; description: string; parent_id: number | null; position: number };

function section(id: number): Row {
  return db.$client.prepare('select id, slug, name, description, parent_id, position from sections where id = ?').get(id) as Row;
}

/** Ids of a parent's children in display order. */
function childrenOf(parentId: number | null): number[] {
  const rows = (
    parentId === null
      ? db.$client.prepare('select id from sections where parent_id is null order by position, id').all()
      : db.$client.prepare('select id from sections where parent_id = ? order by position, id').all(parentId)
  ) as { id: number }[];
  return rows.map((r) => r.id);
}

function positionsOf(parentId: number | null): number[] {
  return childrenOf(parentId).map((id) => section(id).position);
}

let sectionCount = 0;
function add(parentId: number | null, name = `قسم ${++sectionCount}`): number {
  return addSection(db, { name, slug: `s-${++sectionCount}`, description: '', parentId });
}

describe('addSection', () => {
  it('appends a root section after the existing roots', () => {
    const first = add(null);
    const second = add(null);
    const roots = childrenOf(null);
    expect(roots.slice(-2)).toEqual([first, second]);
    expect(section(second).position).toBe(section(first).position + 1);
  });

  it('appends a child at the end of its siblings, starting at 0', () => {
    const parent = add(null);
    const a = addSection(db, { name: 'فرع أ', slug: 'branch-a', description: 'وصف', parentId: parent });
    const b = add(parent);
    const c = add(parent);
    expect(childrenOf(parent)).toEqual([a, b, c]);
    expect(positionsOf(parent)).toEqual([0, 1, 2]);
    expect(section(a)).toEqual({ id: a, slug: 'branch-a', name: 'فرع أ', description: 'وصف', parent_id: parent, position: 0 });
  });

  it('appends after the highest position even when positions have gaps', () => {
    const parent = add(null);
    createSection(db, { slug: 'gap-child', name: 'فجوة', parentId: parent, position: 7 });
    const next = add(parent);
    expect(section(next).position).toBe(8);
  });
});

describe('updateSection', () => {
  it('renames and describes in place, keeping the position', () => {
    const parent = add(null);
    const a = add(parent);
    const b = add(parent);
    expect(updateSection(db, a, { name: 'اسم جديد', slug: 'renamed', description: 'وصف جديد', parentId: parent })).toBe('ok');
    expect(section(a)).toEqual({ id: a, slug: 'renamed', name: 'اسم جديد', description: 'وصف جديد', parent_id: parent, position: 0 });
    expect(childrenOf(parent)).toEqual([a, b]);
  });

  it('appends a section moved to another parent at the end of its new siblings', () => {
    const from = add(null);
    const to = add(null);
    const moving = add(from);
    const stays = add(from);
    const t1 = add(to);
    const t2 = add(to);
    expect(updateSection(db, moving, { name: 'منقول', slug: 'moved', description: '', parentId: to })).toBe('ok');
    expect(childrenOf(to)).toEqual([t1, t2, moving]);
    expect(section(moving)).toMatchObject({ parent_id: to, position: 2 });
    expect(childrenOf(from)).toEqual([stays]);
  });

  it('moves a child to the root, at the end', () => {
    const parent = add(null);
    const child = add(parent);
    expect(updateSection(db, child, { name: 'جذر', slug: section(child).slug, description: '', parentId: null })).toBe('ok');
    expect(section(child).parent_id).toBe(null);
    expect(childrenOf(null).at(-1)).toBe(child);
  });

  it("refuses to move a section under itself, its child or its grandchild ('cycle') and changes nothing", () => {
    const top = add(null);
    const child = add(top);
    const grandchild = add(child);
    const before = section(top);
    for (const parentId of [top, child, grandchild]) {
      expect(updateSection(db, top, { name: 'حلقة', slug: 'cycle', description: '', parentId })).toBe('cycle');
    }
    expect(section(top)).toEqual(before);
    // Moving the child under its own child is refused as well; under a sibling branch it is fine.
    expect(updateSection(db, child, { name: 'x', slug: section(child).slug, description: '', parentId: grandchild })).toBe('cycle');
    const sibling = add(top);
    expect(updateSection(db, grandchild, { name: 'y', slug: section(grandchild).slug, description: '', parentId: sibling })).toBe('ok');
  });

  it("answers 'notFound' for an unknown section", () => {
    expect(updateSection(db, 999_999, { name: 'x', slug: 'x', description: '', parentId: null })).toBe('notFound');
  });
});

describe('moveSection', () => {
  it('swaps a section with its neighbour above or below', () => {
    const parent = add(null);
    const [a, b, c] = [add(parent), add(parent), add(parent)];
    moveSection(db, c, -1);
    expect(childrenOf(parent)).toEqual([a, c, b]);
    moveSection(db, a, 1);
    expect(childrenOf(parent)).toEqual([c, a, b]);
    expect(positionsOf(parent)).toEqual([0, 1, 2]);
  });

  it('does nothing at the ends', () => {
    const parent = add(null);
    const [a, b, c] = [add(parent), add(parent), add(parent)];
    expect(moveSection(db, a, -1)).toBe(false);
    expect(moveSection(db, c, 1)).toBe(false);
    expect(childrenOf(parent)).toEqual([a, b, c]);
    expect(positionsOf(parent)).toEqual([0, 1, 2]);
  });

  it('renumbers siblings with equal or gapped positions before swapping', () => {
    const parent = add(null);
    const a = createSection(db, { slug: 'eq-a', name: 'أ', parentId: parent, position: 5 }).id;
    const b = createSection(db, { slug: 'eq-b', name: 'ب', parentId: parent, position: 5 }).id;
    const c = createSection(db, { slug: 'eq-c', name: 'ج', parentId: parent, position: 9 }).id;
    moveSection(db, c, -1);
    expect(childrenOf(parent)).toEqual([a, c, b]);
    expect(positionsOf(parent)).toEqual([0, 1, 2]);
  });

  it('only touches the siblings of the moved section', () => {
    const p1 = add(null);
    const p2 = add(null);
    const [a, b] = [add(p1), add(p1)];
    const [x, y] = [add(p2), add(p2)];
    expect(moveSection(db, b, -1)).toBe(true);
    expect(childrenOf(p1)).toEqual([b, a]);
    expect(childrenOf(p2)).toEqual([x, y]);
  });

  it('ignores an unknown section', () => {
    expect(moveSection(db, 999_999, 1)).toBe(false);
  });
});

describe('removeSection', () => {
  it("refuses a section with articles ('notEmpty'), then deletes it once they moved", () => {
    const s = add(null);
    const other = add(null);
    const id = article(s);
    expect(removeSection(db, s)).toBe('notEmpty');
    expect(section(s)).toBeDefined();
    db.$client.prepare('update articles set section_id = ? where id = ?').run(other, id);
    expect(removeSection(db, s)).toBe('ok');
    expect(section(s)).toBeUndefined();
  });

  it("refuses a section with subsections ('notEmpty')", () => {
    const s = add(null);
    const child = add(s);
    expect(removeSection(db, s)).toBe('notEmpty');
    expect(removeSection(db, child)).toBe('ok');
    expect(removeSection(db, s)).toBe('ok');
  });

  it('counts trashed articles as articles', () => {
    const s = add(null);
    createArticle(db, { slug: `trash-${s}`, title: 'م', body: 'ن', sectionId: s, authorId, updatedAt: NOW, status: 'trash' });
    expect(removeSection(db, s)).toBe('notEmpty');
  });

  it("answers 'notFound' for an unknown section", () => {
    expect(removeSection(db, 999_999)).toBe('notFound');
  });
});

describe('sectionSlugTaken and articleCountsBySection', () => {
  it('sees a slug used by another section, not by the section itself', () => {
    const s = addSection(db, { name: 'فريد', slug: 'unique-slug', description: '', parentId: null });
    expect(sectionSlugTaken(db, 'unique-slug')).toBe(true);
    expect(sectionSlugTaken(db, 'unique-slug', s)).toBe(false);
    expect(sectionSlugTaken(db, 'unique-slug', s + 1)).toBe(true);
    expect(sectionSlugTaken(db, 'free-slug')).toBe(false);
  });

  it('counts articles per section', () => {
    const s = add(null);
    const empty = add(null);
    article(s);
    article(s);
    const counts = articleCountsBySection(db);
    expect(counts.get(s)).toBe(2);
    expect(counts.get(empty)).toBeUndefined();
  });
});

describe('tags', () => {
  let sectionId = 0;
  beforeAll(() => {
    sectionId = add(null);
  });

  const tagIdsOfArticle = (articleId: number) =>
    (db.$client.prepare('select tag_id from article_tags where article_id = ? order by tag_id').all(articleId) as { tag_id: number }[]).map((r) => r.tag_id);

  it('mergeTags moves the articles to the target, without duplicates, and deletes the source', () => {
    const source = createTag(db, 'كرة', 'kora').id;
    const target = createTag(db, 'كرة القدم', 'football').id;
    const onlySource = article(sectionId);
    const both = article(sectionId);
    const onlyTarget = article(sectionId);
    addArticleTags(db, onlySource, [source]);
    addArticleTags(db, both, [source, target]);
    addArticleTags(db, onlyTarget, [target]);

    mergeTags(db, source, target);

    expect(getTag(db, source)).toBeUndefined();
    expect(articleIdsWithTag(db, target).sort((a, b) => a - b)).toEqual([onlySource, both, onlyTarget]);
    expect(tagIdsOfArticle(both)).toEqual([target]);
    expect((db.$client.prepare('select count(*) n from article_tags where tag_id = ?').get(source) as { n: number }).n).toBe(0);
    expect(getTag(db, target)).toMatchObject({ name: 'كرة القدم', slug: 'football' });
  });

  it('mergeTags leaves other tags of the articles alone', () => {
    const source = createTag(db, 'مصدر', 'merge-src').id;
    const target = createTag(db, 'هدف', 'merge-dst').id;
    const unrelated = createTag(db, 'آخر', 'merge-other').id;
    const id = article(sectionId);
    addArticleTags(db, id, [source, unrelated]);
    mergeTags(db, source, target);
    expect(tagIdsOfArticle(id)).toEqual([target, unrelated].sort((a, b) => a - b));
  });

  it('renameTag changes the name and keeps the slug', () => {
    const id = createTag(db, 'اسم قديم', 'old-name').id;
    const articleId = article(sectionId);
    addArticleTags(db, articleId, [id]);
    renameTag(db, id, 'اسم جديد');
    expect(getTag(db, id)).toMatchObject({ id, name: 'اسم جديد', slug: 'old-name' });
    expect(articleIdsWithTag(db, id)).toEqual([articleId]);
  });

  it('tagNameTaken sees another tag with the name, not the tag itself', () => {
    const id = createTag(db, 'انتخابات', 'elections').id;
    expect(tagNameTaken(db, 'انتخابات', id)).toBe(false);
    expect(tagNameTaken(db, 'انتخابات', id + 1000)).toBe(true);
    expect(tagNameTaken(db, 'غير موجود', id)).toBe(false);
  });

  it('deleteTag removes the tag and its links, not the articles', () => {
    const id = createTag(db, 'مؤقت', 'temporary').id;
    const articleId = article(sectionId);
    addArticleTags(db, articleId, [id]);
    deleteTag(db, id);
    expect(getTag(db, id)).toBeUndefined();
    expect(tagIdsOfArticle(articleId)).toEqual([]);
    expect(db.$client.prepare('select id from articles where id = ?').get(articleId)).toEqual({ id: articleId });
  });

  it('listTagsWithCounts lists every tag by name with its number of articles', () => {
    const { db: own, cleanup: done } = createTestDb();
    try {
      const user = createUser(own, { email: 'x@example.com', displayName: 'س', slug: 'x' }).id;
      const s = createSection(own, { slug: 's', name: 'ق', position: 0 }).id;
      const art = (n: number) => createArticle(own, { slug: `t-${n}`, title: 'ع', body: 'ن', sectionId: s, authorId: user, updatedAt: NOW });
      const b = createTag(own, 'ب', 'b').id;
      const a = createTag(own, 'أ', 'a').id;
      const unused = createTag(own, 'ت', 't').id;
      const [x, y, z] = [art(1), art(2), art(3)];
      addArticleTags(own, x, [a, b]);
      addArticleTags(own, y, [a]);
      addArticleTags(own, z, [a]);
      expect(listTagsWithCounts(own)).toEqual([
        { id: a, name: 'أ', slug: 'a', articles: 3 },
        { id: b, name: 'ب', slug: 'b', articles: 1 },
        { id: unused, name: 'ت', slug: 't', articles: 0 },
      ]);
    } finally {
      done();
    }
  });
});
