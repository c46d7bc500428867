import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import {
  type ArticleFields,
  countByStatus,
  ensureTags,
  freeSlug,
  getArticleForEdit,
  getRevision,
  listAdminArticles,
  listRevisions,
  nextScheduledAt,
  publishDueArticles,
  saveArticle,
  slugInUse,
  tagIdsOf,
  tagNamesOf,
} from '@/db/queries/article-admin';
import { createArticle } from '@/db/queries/articles';
import { createImage } from '@/db/queries/images';
import { createSection } from '@/db/queries/sections';
import { createTag } from '@/db/queries/tags';
import { createUser } from '@/db/queries/users';
import type { ArticleStatus } from '@/db/schema';
import { createTestDb } from './helpers/db';

const NOW = Date.UTC(2026, 4, 10, 9, 0);
const MIN = 60_000;

type Fixture = { db: Db; cleanup: () => void; sectionA: number; sectionB: number; author: number; otherAuthor: number; editor: number };

function fixture(): Fixture {
  const { db, cleanup } = createTestDb();
  return {
    db,
    cleanup,
    sectionA: createSection(db, { slug: 'politics', name: 'سياسة', position: 0 }).id,
    sectionB: createSection(db, { slug: 'sport', name: 'رياضة', position: 1 }).id,
    author: createUser(db, { email: 'author@example.com', displayName: 'كاتبة', slug: 'author', role: 'author' }).id,
    otherAuthor: createUser(db, { email: 'other@example.com', displayName: 'كاتب آخر', slug: 'other', role: 'author' }).id,
    editor: createUser(db, { email: 'editor@example.com', displayName: 'محرر', slug: 'editor', role: 'editor' }).id,
  };
}

function count(db: Db, sql: string, ...params: unknown[]): number {
  return (db.$client.prepare(sql).get(...params) as { n: number }).n;
}

function articleRow(db: Db, id: number) {
  return db.$client.prepare('select * from articles where id = ?').get(id) as Record<string, unknown>;
}

describe('saveArticle', () => {
  let f: Fixture;
  let n = 0;
  beforeAll(() => {
    f = fixture();
  });
  afterAll(() => f.cleanup());

  function fields(patch: Partial<ArticleFields> = {}): ArticleFields {
    n++;
    return {
      title: `عنوان ${n}`,
      deck: 'مقدمة',
      source: 'وكالات',
      body: 'نص المقال',
      excerpt: 'ملخص',
      slug: `save-${n}`,
      sectionId: f.sectionA,
      commentsOpen: true,
      tags: [],
      ...patch,
    };
  }

  function create(patch: Partial<ArticleFields> = {}, status: ArticleStatus = 'draft', publishedAt: number | null = null, at = NOW) {
    const result = saveArticle(f.db, { id: null, expectedVersion: null, fields: fields(patch), status, publishedAt, userId: f.author }, at);
    if (!result.ok) throw new Error(result.reason);
    return result;
  }

  it('creates an article at version 1 with one revision and its tags', () => {
    const result = saveArticle(
      f.db,
      {
        id: null,
        expectedVersion: null,
        fields: fields({ title: 'مقال جديد', slug: 'new-article', tags: ['اقتصاد', 'نقل'], commentsOpen: false }),
        status: 'review',
        publishedAt: null,
        userId: f.author,
      },
      NOW,
    );
    expect(result).toEqual({ ok: true, id: expect.any(Number), version: 1, before: null });
    const id = (result as { id: number }).id;
    expect(articleRow(f.db, id)).toMatchObject({
      title: 'مقال جديد',
      slug: 'new-article',
      deck: 'مقدمة',
      source: 'وكالات',
      body: 'نص المقال',
      excerpt: 'ملخص',
      section_id: f.sectionA,
      author_id: f.author,
      status: 'review',
      published_at: null,
      comments_open: 0,
      version: 1,
      created_at: NOW,
      updated_at: NOW,
    });
    expect(count(f.db, 'select count(*) n from article_revisions where article_id = ?', id)).toBe(1);
    expect(f.db.$client.prepare('select * from article_revisions where article_id = ?').get(id)).toMatchObject({
      user_id: f.author,
      version: 1,
      title: 'مقال جديد',
      slug: 'new-article',
      section_id: f.sectionA,
      tags: JSON.stringify(['اقتصاد', 'نقل']),
      body: 'نص المقال',
      created_at: NOW,
    });
    expect(tagNamesOf(f.db, id)).toEqual(['اقتصاد', 'نقل']);
    expect(f.db.$client.prepare("select slug from tags where name = 'اقتصاد'").get()).toEqual({ slug: 'اقتصاد' });
  });

  it('sets the author given by an editor, and the saving user on the revision', () => {
    const result = saveArticle(f.db, { id: null, expectedVersion: null, fields: fields(), status: 'draft', publishedAt: null, userId: f.editor, authorId: f.otherAuthor }, NOW);
    const id = (result as { id: number }).id;
    expect(articleRow(f.db, id).author_id).toBe(f.otherAuthor);
    expect(listRevisions(f.db, id)).toEqual([{ id: expect.any(Number), version: 1, createdAt: NOW, userName: 'محرر', title: expect.any(String) }]);
  });

  it('updates with the right expectedVersion: version 2, two revisions, tags replaced', () => {
    const created = create({ tags: ['قديم', 'مشترك'], title: 'قبل' });
    const oldTagIds = tagIdsOf(f.db, created.id);
    const result = saveArticle(
      f.db,
      {
        id: created.id,
        expectedVersion: 1,
        fields: fields({ title: 'بعد', slug: 'after-update', sectionId: f.sectionB, tags: ['مشترك', 'جديد'] }),
        status: 'published',
        publishedAt: NOW + MIN,
        userId: f.editor,
      },
      NOW + MIN,
    );
    expect(result).toEqual({
      ok: true,
      id: created.id,
      version: 2,
      before: { sectionId: f.sectionA, status: 'draft', tagIds: oldTagIds, visible: false },
    });
    expect(articleRow(f.db, created.id)).toMatchObject({
      title: 'بعد',
      slug: 'after-update',
      section_id: f.sectionB,
      status: 'published',
      published_at: NOW + MIN,
      updated_at: NOW + MIN,
      created_at: NOW,
      author_id: f.author,
      version: 2,
    });
    expect(tagNamesOf(f.db, created.id)).toEqual(['جديد', 'مشترك']);
    // The old tag loses the article but still exists.
    expect(count(f.db, "select count(*) n from tags where name = 'قديم'")).toBe(1);
    const revisions = listRevisions(f.db, created.id);
    expect(revisions.map((r) => [r.version, r.title, r.userName])).toEqual([
      [2, 'بعد', 'محرر'],
      [1, 'قبل', 'كاتبة'],
    ]);
  });

  it('removes every tag when saved with none', () => {
    const created = create({ tags: ['أ', 'ب'] });
    saveArticle(f.db, { id: created.id, expectedVersion: 1, fields: fields({ tags: [] }), status: 'draft', publishedAt: null, userId: f.author }, NOW);
    expect(tagIdsOf(f.db, created.id)).toEqual([]);
  });

  it('returns before.visible for an article that was published and visible', () => {
    const created = create({ tags: ['ظاهر'] }, 'published', NOW - MIN);
    const tagIds = tagIdsOf(f.db, created.id);
    expect(tagIds).toHaveLength(1);
    const result = saveArticle(f.db, { id: created.id, expectedVersion: 1, fields: fields({ sectionId: f.sectionB }), status: 'draft', publishedAt: null, userId: f.editor }, NOW);
    expect(result).toEqual({ ok: true, id: created.id, version: 2, before: { status: 'published', sectionId: f.sectionA, tagIds, visible: true } });
    expect(tagIdsOf(f.db, created.id)).toEqual([]);
  });

  it('returns before.visible false for a published article whose time has not come', () => {
    const created = create({}, 'published', NOW + 10 * MIN);
    const result = saveArticle(f.db, { id: created.id, expectedVersion: 1, fields: fields(), status: 'published', publishedAt: NOW + 10 * MIN, userId: f.editor }, NOW);
    expect(result).toMatchObject({ ok: true, before: { status: 'published', visible: false } });
  });

  it('refuses a stale expectedVersion with conflict and changes nothing', () => {
    const created = create({ title: 'الأصل', tags: ['أصل'] });
    const first = saveArticle(f.db, { id: created.id, expectedVersion: 1, fields: fields({ title: 'تعديل أول', tags: ['أول'] }), status: 'draft', publishedAt: null, userId: f.author }, NOW + MIN);
    expect(first).toMatchObject({ ok: true, version: 2 });
    const rowBefore = articleRow(f.db, created.id);
    const tagsBefore = tagNamesOf(f.db, created.id);

    const stale = saveArticle(
      f.db,
      { id: created.id, expectedVersion: 1, fields: fields({ title: 'تعديل قديم', tags: ['قديمة'] }), status: 'published', publishedAt: NOW, userId: f.editor },
      NOW + 2 * MIN,
    );
    expect(stale).toEqual({ ok: false, reason: 'conflict' });
    expect(articleRow(f.db, created.id)).toEqual(rowBefore);
    expect(rowBefore).toMatchObject({ title: 'تعديل أول', version: 2, status: 'draft', updated_at: NOW + MIN });
    expect(tagNamesOf(f.db, created.id)).toEqual(tagsBefore);
    expect(count(f.db, 'select count(*) n from article_revisions where article_id = ?', created.id)).toBe(2);
    expect(count(f.db, "select count(*) n from tags where name = 'قديمة'")).toBe(0);
  });

  it('refuses an update without an expected version, and one from the future', () => {
    const created = create();
    expect(saveArticle(f.db, { id: created.id, expectedVersion: null, fields: fields(), status: 'draft', publishedAt: null, userId: f.author }, NOW)).toEqual({ ok: false, reason: 'conflict' });
    expect(saveArticle(f.db, { id: created.id, expectedVersion: 5, fields: fields(), status: 'draft', publishedAt: null, userId: f.author }, NOW)).toEqual({ ok: false, reason: 'conflict' });
    expect(articleRow(f.db, created.id).version).toBe(1);
  });

  it('answers notFound for an unknown id', () => {
    expect(saveArticle(f.db, { id: 999_999, expectedVersion: 1, fields: fields(), status: 'draft', publishedAt: null, userId: f.author }, NOW)).toEqual({ ok: false, reason: 'notFound' });
  });

  it('refuses a slug used by another article with slugTaken and changes nothing', () => {
    const a = create({ slug: 'taken-slug' });
    const b = create({ title: 'ب الأصلي' });
    const rowBefore = articleRow(f.db, b.id);
    const result = saveArticle(f.db, { id: b.id, expectedVersion: 1, fields: fields({ slug: 'taken-slug', title: 'ب الجديد', tags: ['لن-يُنشأ'] }), status: 'draft', publishedAt: null, userId: f.author }, NOW + MIN);
    expect(result).toEqual({ ok: false, reason: 'slugTaken' });
    expect(articleRow(f.db, b.id)).toEqual(rowBefore);
    expect(count(f.db, 'select count(*) n from article_revisions where article_id = ?', b.id)).toBe(1);
    expect(count(f.db, "select count(*) n from tags where name = 'لن-يُنشأ'")).toBe(0);
    expect(articleRow(f.db, a.id).slug).toBe('taken-slug');
  });

  it('refuses to create an article with a taken slug, inserting nothing', () => {
    create({ slug: 'taken-on-create' });
    const articles = count(f.db, 'select count(*) n from articles');
    const revisions = count(f.db, 'select count(*) n from article_revisions');
    const result = saveArticle(f.db, { id: null, expectedVersion: null, fields: fields({ slug: 'taken-on-create', tags: ['وسم-مرفوض'] }), status: 'draft', publishedAt: null, userId: f.author }, NOW);
    expect(result).toEqual({ ok: false, reason: 'slugTaken' });
    expect(count(f.db, 'select count(*) n from articles')).toBe(articles);
    expect(count(f.db, 'select count(*) n from article_revisions')).toBe(revisions);
    expect(count(f.db, "select count(*) n from tags where name = 'وسم-مرفوض'")).toBe(0);
  });

  it('refuses a section that does not exist with sectionMissing, creating or changing nothing', () => {
    const b = create({ title: 'قسم قائم' });
    const rowBefore = articleRow(f.db, b.id);
    const articles = count(f.db, 'select count(*) n from articles');
    const revisions = count(f.db, 'select count(*) n from article_revisions');
    for (const sectionId of [999_999, 0, -1]) {
      const created = saveArticle(f.db, { id: null, expectedVersion: null, fields: fields({ sectionId, tags: ['وسم-يتيم'] }), status: 'draft', publishedAt: null, userId: f.author }, NOW);
      expect(created).toEqual({ ok: false, reason: 'sectionMissing' });
      const updated = saveArticle(f.db, { id: b.id, expectedVersion: 1, fields: fields({ sectionId }), status: 'draft', publishedAt: null, userId: f.author }, NOW + MIN);
      expect(updated).toEqual({ ok: false, reason: 'sectionMissing' });
    }
    expect(articleRow(f.db, b.id)).toEqual(rowBefore);
    expect(count(f.db, 'select count(*) n from articles')).toBe(articles);
    expect(count(f.db, 'select count(*) n from article_revisions')).toBe(revisions);
    expect(count(f.db, "select count(*) n from tags where name = 'وسم-يتيم'")).toBe(0);
  });

  it('lets an article keep its own slug', () => {
    const created = create({ slug: 'own-slug' });
    expect(saveArticle(f.db, { id: created.id, expectedVersion: 1, fields: fields({ slug: 'own-slug' }), status: 'draft', publishedAt: null, userId: f.author }, NOW)).toMatchObject({ ok: true, version: 2 });
  });

  it('keeps the image when imageId is undefined, sets it, and removes it with null; revisions record it', () => {
    const imageId = createImage(f.db, { key: 'img-1', width: 1200, height: 800, widths: '400,800,1200', alt: 'صورة' });
    const created = create({ imageId });
    expect(articleRow(f.db, created.id).image_id).toBe(imageId);
    expect(getArticleForEdit(f.db, created.id)?.image).toEqual({ key: 'img-1', width: 1200, height: 800, widths: [400, 800, 1200], alt: 'صورة', caption: '', credit: '' });
    saveArticle(f.db, { id: created.id, expectedVersion: 1, fields: fields(), status: 'draft', publishedAt: null, userId: f.author }, NOW);
    expect(articleRow(f.db, created.id).image_id).toBe(imageId);
    saveArticle(f.db, { id: created.id, expectedVersion: 2, fields: fields({ imageId: null }), status: 'draft', publishedAt: null, userId: f.author }, NOW);
    expect(articleRow(f.db, created.id).image_id).toBe(null);
    const versions = f.db.$client.prepare('select version, image_id from article_revisions where article_id = ? order by version').all(created.id);
    expect(versions).toEqual([
      { version: 1, image_id: imageId },
      { version: 2, image_id: imageId },
      { version: 3, image_id: null },
    ]);
  });

  it('writes a new image and new texts with the article, and neither when the save is refused', () => {
    const upload = { key: 'up-new', width: 800, height: 600, widths: '400,800', alt: 'وصف', caption: 'تعليق', credit: 'وكالة' };
    const images = () => count(f.db, "select count(*) n from images where key = 'up-new'");
    create({ slug: 'taken-by-other' });
    const refused = saveArticle(f.db, { id: null, expectedVersion: null, fields: fields({ slug: 'taken-by-other', newImage: upload }), status: 'draft', publishedAt: null, userId: f.author }, NOW);
    expect(refused).toEqual({ ok: false, reason: 'slugTaken' });
    expect(images()).toBe(0);

    const created = create({ slug: 'with-upload', newImage: upload });
    expect(images()).toBe(1);
    expect(getArticleForEdit(f.db, created.id)?.image).toMatchObject({ key: 'up-new', alt: 'وصف', caption: 'تعليق', credit: 'وكالة' });
    const imageId = articleRow(f.db, created.id).image_id as number;
    const imageText = { id: imageId, alt: 'وصف آخر', caption: 'تعليق آخر', credit: 'مصور آخر' };
    const stale = saveArticle(f.db, { id: created.id, expectedVersion: 7, fields: fields({ slug: 'with-upload', imageText }), status: 'draft', publishedAt: null, userId: f.author }, NOW);
    expect(stale).toEqual({ ok: false, reason: 'conflict' });
    expect(getArticleForEdit(f.db, created.id)?.image).toMatchObject({ alt: 'وصف', caption: 'تعليق', credit: 'وكالة' });
    saveArticle(f.db, { id: created.id, expectedVersion: 1, fields: fields({ slug: 'with-upload', imageText }), status: 'draft', publishedAt: null, userId: f.author }, NOW);
    expect(getArticleForEdit(f.db, created.id)?.image).toMatchObject({ alt: 'وصف آخر', caption: 'تعليق آخر', credit: 'مصور آخر' });
  });

  it('gives an article its own copy of an image row another article shares before changing its texts', () => {
    const shared = createImage(f.db, { key: 'img-shared', width: 1200, height: 800, widths: '400,1200', alt: 'مشتركة' });
    const mine = create({ slug: 'shares-mine', imageId: shared });
    const theirs = create({ slug: 'shares-theirs', imageId: shared });
    const text = { alt: 'وصفي', caption: 'تعليقي', credit: 'مصوري' };
    saveArticle(f.db, { id: mine.id, expectedVersion: 1, fields: fields({ slug: 'shares-mine', imageText: { id: shared, ...text } }), status: 'draft', publishedAt: null, userId: f.author }, NOW);
    const copy = articleRow(f.db, mine.id).image_id as number;
    expect(copy).not.toBe(shared);
    expect(getArticleForEdit(f.db, mine.id)?.image).toMatchObject({ key: 'img-shared', widths: [400, 1200], ...text });
    // The other story keeps the row and its words.
    expect(articleRow(f.db, theirs.id).image_id).toBe(shared);
    expect(getArticleForEdit(f.db, theirs.id)?.image).toMatchObject({ alt: 'مشتركة', caption: '', credit: '' });
    // Its own row is then changed in place: no copy per save.
    const images = count(f.db, 'select count(*) n from images');
    saveArticle(f.db, { id: mine.id, expectedVersion: 2, fields: fields({ slug: 'shares-mine', imageText: { id: copy, ...text, caption: 'تعليق ثان' } }), status: 'draft', publishedAt: null, userId: f.author }, NOW);
    expect(articleRow(f.db, mine.id).image_id).toBe(copy);
    expect(count(f.db, 'select count(*) n from images')).toBe(images);
    expect(getArticleForEdit(f.db, mine.id)?.image?.caption).toBe('تعليق ثان');
  });

  it('getArticleForEdit returns the fields, version and sorted tag names', () => {
    const created = create({ title: 'للتحرير', slug: 'for-edit', tags: ['ي', 'أ'] }, 'scheduled', NOW + 60 * MIN);
    expect(getArticleForEdit(f.db, created.id)).toMatchObject({
      id: created.id,
      title: 'للتحرير',
      slug: 'for-edit',
      status: 'scheduled',
      publishedAt: NOW + 60 * MIN,
      version: 1,
      commentsOpen: true,
      image: null,
      tags: ['أ', 'ي'],
    });
    expect(getArticleForEdit(f.db, 999_999)).toBeUndefined();
  });
});

describe('slugInUse and freeSlug', () => {
  let f: Fixture;
  let a = 0;
  beforeAll(() => {
    f = fixture();
    a = createArticle(f.db, { slug: 'gaza', title: 'أ', body: 'ن', sectionId: f.sectionA, authorId: f.author, updatedAt: NOW });
    createArticle(f.db, { slug: 'gaza-2', title: 'ب', body: 'ن', sectionId: f.sectionA, authorId: f.author, updatedAt: NOW });
  });
  afterAll(() => f.cleanup());

  it('slugInUse sees other articles, not the article itself', () => {
    expect(slugInUse(f.db, 'gaza')).toBe(true);
    expect(slugInUse(f.db, 'gaza', a)).toBe(false);
    expect(slugInUse(f.db, 'gaza-2', a)).toBe(true);
    expect(slugInUse(f.db, 'free')).toBe(false);
  });

  it('freeSlug returns the wanted slug when free, else the first free numbered one', () => {
    expect(freeSlug(f.db, 'free')).toBe('free');
    expect(freeSlug(f.db, 'gaza')).toBe('gaza-3');
    expect(freeSlug(f.db, 'gaza', a)).toBe('gaza');
    expect(freeSlug(f.db, 'gaza-2')).toBe('gaza-2-2');
  });
});

describe('ensureTags', () => {
  let f: Fixture;
  beforeAll(() => {
    f = fixture();
  });
  afterAll(() => f.cleanup());

  it('reuses an existing tag by name and creates the missing ones', () => {
    const existing = createTag(f.db, 'المغرب', 'morocco').id;
    const ids = ensureTags(f.db, ['المغرب', 'الرباط']);
    expect(ids[0]).toBe(existing);
    expect(ids).toHaveLength(2);
    expect(f.db.$client.prepare('select name, slug from tags order by id').all()).toEqual([
      { name: 'المغرب', slug: 'morocco' },
      { name: 'الرباط', slug: 'الرباط' },
    ]);
    expect(ensureTags(f.db, ['الرباط'])).toEqual([ids[1]]);
  });

  it('gives unique slugs to names that slugify alike', () => {
    const ids = ensureTags(f.db, ['كأس العالم', 'كأس-العالم', 'كأس العالم!']);
    const slugs = ids.map((id) => (f.db.$client.prepare('select slug from tags where id = ?').get(id) as { slug: string }).slug);
    expect(slugs).toEqual(['كأس-العالم', 'كأس-العالم-2', 'كأس-العالم-3']);
  });

  it('returns each id once for repeated names, and nothing for no names', () => {
    const ids = ensureTags(f.db, ['تكرار', 'تكرار']);
    expect(ids).toHaveLength(1);
    expect(count(f.db, "select count(*) n from tags where name = 'تكرار'")).toBe(1);
    expect(ensureTags(f.db, [])).toEqual([]);
  });

  // Doc mismatch: ensureTags' comment says names are "compared after NFC and trimming", but it
  // compares them as given. Harmless while every caller passes parseTags() output.
  it('reuses a tag whose name differs only by Unicode form or outer spaces', () => {
    const id = ensureTags(f.db, ['آمن'])[0];
    expect(ensureTags(f.db, [' \u0627\u0653من '])).toEqual([id]);
  });
});

describe('countByStatus and listAdminArticles', () => {
  let f: Fixture;
  const ids: Record<string, number> = {};
  beforeAll(() => {
    f = fixture();
    const add = (key: string, title: string, status: ArticleStatus, authorId: number, sectionId: number, updatedAt: number, publishedAt: number | null) => {
      ids[key] = createArticle(f.db, { slug: key, title, body: 'ن', status, authorId, sectionId, updatedAt, publishedAt });
    };
    add('d1', 'بداية المشروع', 'draft', f.author, f.sectionA, NOW + 1, null);
    add('d2', 'نسبة 50% من الأصوات', 'draft', f.otherAuthor, f.sectionB, NOW + 2, null);
    add('r1', 'مراجعة الميزانية', 'review', f.author, f.sectionA, NOW + 3, null);
    add('s1', 'موعد لاحق', 'scheduled', f.editor, f.sectionB, NOW + 4, NOW + 100 * MIN);
    add('p1', 'خبر منشور a_b', 'published', f.author, f.sectionB, NOW + 5, NOW - 10 * MIN);
    add('p2', 'خبر منشور axb', 'published', f.otherAuthor, f.sectionA, NOW + 5, NOW - 20 * MIN);
    add('p3', 'نسبة 50 في المائة', 'published', f.editor, f.sectionA, NOW + 0, NOW - 5 * MIN);
    add('t1', 'محذوف من المشروع', 'trash', f.author, f.sectionA, NOW + 9, null);
  });
  afterAll(() => f.cleanup());

  const keysOf = (rows: { id: number }[]) => rows.map((r) => Object.keys(ids).find((k) => ids[k] === r.id));
  const all = { limit: 50, offset: 0 };

  it('countByStatus counts every status, zero included, overall and per author', () => {
    expect(countByStatus(f.db)).toEqual({ draft: 2, review: 1, scheduled: 1, published: 3, trash: 1 });
    expect(countByStatus(f.db, f.author)).toEqual({ draft: 1, review: 1, scheduled: 0, published: 1, trash: 1 });
    expect(countByStatus(f.db, 999)).toEqual({ draft: 0, review: 0, scheduled: 0, published: 0, trash: 0 });
  });

  it('leaves out the trash unless asked, newest update first by default', () => {
    const { rows, total } = listAdminArticles(f.db, {}, 'updated', all);
    // p1 and p2 share updatedAt: the higher id first.
    expect(keysOf(rows)).toEqual(['p2', 'p1', 's1', 'r1', 'd2', 'd1', 'p3']);
    expect(total).toBe(7);
    expect(keysOf(listAdminArticles(f.db, { status: 'trash' }, 'updated', all).rows)).toEqual(['t1']);
  });

  it('returns the author and section names with each row', () => {
    const { rows } = listAdminArticles(f.db, { status: 'scheduled' }, 'updated', all);
    expect(rows).toEqual([
      {
        id: ids.s1,
        slug: 's1',
        title: 'موعد لاحق',
        status: 'scheduled',
        publishedAt: NOW + 100 * MIN,
        updatedAt: NOW + 4,
        authorId: f.editor,
        authorName: 'محرر',
        sectionName: 'رياضة',
      },
    ]);
  });

  it('filters by status, section and author, alone and together', () => {
    expect(keysOf(listAdminArticles(f.db, { status: 'draft' }, 'updated', all).rows)).toEqual(['d2', 'd1']);
    expect(keysOf(listAdminArticles(f.db, { sectionId: f.sectionB }, 'updated', all).rows)).toEqual(['p1', 's1', 'd2']);
    expect(keysOf(listAdminArticles(f.db, { authorId: f.author }, 'updated', all).rows)).toEqual(['p1', 'r1', 'd1']);
    const combined = listAdminArticles(f.db, { status: 'published', sectionId: f.sectionA, authorId: f.editor }, 'updated', all);
    expect(keysOf(combined.rows)).toEqual(['p3']);
    expect(combined.total).toBe(1);
  });

  it('searches titles by text, trimmed', () => {
    expect(keysOf(listAdminArticles(f.db, { q: 'المشروع' }, 'updated', all).rows)).toEqual(['d1']);
    expect(keysOf(listAdminArticles(f.db, { q: '  المشروع  ', status: 'trash' }, 'updated', all).rows)).toEqual(['t1']);
    expect(listAdminArticles(f.db, { q: '   ' }, 'updated', all).total).toBe(7);
    expect(listAdminArticles(f.db, { q: 'لا يوجد' }, 'updated', all)).toEqual({ rows: [], total: 0 });
  });

  it('treats % and _ in the search literally', () => {
    expect(keysOf(listAdminArticles(f.db, { q: '50%' }, 'updated', all).rows)).toEqual(['d2']);
    expect(keysOf(listAdminArticles(f.db, { q: '%' }, 'updated', all).rows)).toEqual(['d2']);
    expect(keysOf(listAdminArticles(f.db, { q: 'a_b' }, 'updated', all).rows)).toEqual(['p1']);
    expect(keysOf(listAdminArticles(f.db, { q: '_' }, 'updated', all).rows)).toEqual(['p1']);
    expect(listAdminArticles(f.db, { q: '\\' }, 'updated', all).total).toBe(0);
  });

  it('sorts by publication time (unpublished last) and by title', () => {
    expect(keysOf(listAdminArticles(f.db, {}, 'published', all).rows)).toEqual(['s1', 'p3', 'p1', 'p2', 'r1', 'd2', 'd1']);
    const titles = listAdminArticles(f.db, {}, 'title', all).rows.map((r) => r.title);
    expect(titles).toEqual([...titles].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
    expect(titles).toHaveLength(7);
  });

  it('paginates while counting the whole filtered list', () => {
    const page1 = listAdminArticles(f.db, {}, 'updated', { limit: 3, offset: 0 });
    const page2 = listAdminArticles(f.db, {}, 'updated', { limit: 3, offset: 3 });
    const page3 = listAdminArticles(f.db, {}, 'updated', { limit: 3, offset: 6 });
    expect(keysOf(page1.rows)).toEqual(['p2', 'p1', 's1']);
    expect(keysOf(page2.rows)).toEqual(['r1', 'd2', 'd1']);
    expect(keysOf(page3.rows)).toEqual(['p3']);
    expect([page1.total, page2.total, page3.total]).toEqual([7, 7, 7]);
    expect(listAdminArticles(f.db, {}, 'updated', { limit: 3, offset: 30 })).toEqual({ rows: [], total: 7 });
  });
});

describe('publishDueArticles and nextScheduledAt', () => {
  let f: Fixture;
  beforeAll(() => {
    f = fixture();
  });
  afterAll(() => f.cleanup());

  it('has no next time when nothing is scheduled', () => {
    expect(nextScheduledAt(f.db)).toBeUndefined();
    expect(publishDueArticles(f.db, NOW)).toEqual([]);
  });

  it('publishes only scheduled articles whose time has come, and reports them with their tags', () => {
    const add = (slug: string, status: ArticleStatus, publishedAt: number | null, sectionId = f.sectionA) =>
      createArticle(f.db, { slug, title: slug, body: 'ن', status, publishedAt, sectionId, authorId: f.author, updatedAt: NOW - 60 * MIN });
    const past = add('due-past', 'scheduled', NOW - MIN, f.sectionB);
    const exact = add('due-now', 'scheduled', NOW);
    const future = add('due-later', 'scheduled', NOW + 1);
    const draft = add('draft-past', 'draft', NOW - MIN);
    const review = add('review-past', 'review', NOW - MIN);
    const trash = add('trash-past', 'trash', NOW - MIN);
    const tag = createTag(f.db, 'مجدول', 'scheduled-tag').id;
    f.db.$client.prepare('insert into article_tags (article_id, tag_id) values (?, ?)').run(past, tag);

    expect(nextScheduledAt(f.db)).toBe(NOW - MIN);
    const published = publishDueArticles(f.db, NOW);
    expect([...published].sort((a, b) => a.id - b.id)).toEqual([
      { id: past, sectionId: f.sectionB, tagIds: [tag] },
      { id: exact, sectionId: f.sectionA, tagIds: [] },
    ]);
    const status = (id: number) => articleRow(f.db, id).status;
    expect([past, exact, future, draft, review, trash].map(status)).toEqual(['published', 'published', 'scheduled', 'draft', 'review', 'trash']);
    // Publication time and last update are left as they were.
    expect(articleRow(f.db, past)).toMatchObject({ published_at: NOW - MIN, updated_at: NOW - 60 * MIN });

    expect(nextScheduledAt(f.db)).toBe(NOW + 1);
    expect(publishDueArticles(f.db, NOW)).toEqual([]);
    expect(publishDueArticles(f.db, NOW + 1)).toEqual([{ id: future, sectionId: f.sectionA, tagIds: [] }]);
    expect(nextScheduledAt(f.db)).toBeUndefined();
  });
});

describe('listRevisions and getRevision', () => {
  let f: Fixture;
  let first = 0;
  let second = 0;
  beforeAll(() => {
    f = fixture();
    const base: ArticleFields = { title: 'ن1', deck: '', source: '', body: 'نص 1', excerpt: '', slug: 'rev-a', sectionId: f.sectionA, commentsOpen: true, tags: ['وسم'] };
    first = (saveArticle(f.db, { id: null, expectedVersion: null, fields: base, status: 'draft', publishedAt: null, userId: f.author }, NOW) as { id: number }).id;
    saveArticle(f.db, { id: first, expectedVersion: 1, fields: { ...base, title: 'ن2', body: 'نص 2' }, status: 'draft', publishedAt: null, userId: f.editor }, NOW + MIN);
    saveArticle(f.db, { id: first, expectedVersion: 2, fields: { ...base, title: 'ن3', body: 'نص 3', tags: [] }, status: 'review', publishedAt: null, userId: f.author }, NOW + 2 * MIN);
    second = (saveArticle(f.db, { id: null, expectedVersion: null, fields: { ...base, slug: 'rev-b', title: 'آخر' }, status: 'draft', publishedAt: null, userId: f.otherAuthor }, NOW) as { id: number }).id;
  });
  afterAll(() => f.cleanup());

  it('lists an article’s revisions newest first with the name of who saved them', () => {
    expect(listRevisions(f.db, first).map(({ version, createdAt, userName, title }) => ({ version, createdAt, userName, title }))).toEqual([
      { version: 3, createdAt: NOW + 2 * MIN, userName: 'كاتبة', title: 'ن3' },
      { version: 2, createdAt: NOW + MIN, userName: 'محرر', title: 'ن2' },
      { version: 1, createdAt: NOW, userName: 'كاتبة', title: 'ن1' },
    ]);
    expect(listRevisions(f.db, second)).toHaveLength(1);
    expect(listRevisions(f.db, 999_999)).toEqual([]);
  });

  it('getRevision returns the full copy of a revision of that article', () => {
    const middle = listRevisions(f.db, first)[1]!;
    expect(getRevision(f.db, first, middle.id)).toMatchObject({ id: middle.id, articleId: first, version: 2, title: 'ن2', body: 'نص 2', tags: '["وسم"]', slug: 'rev-a', userId: f.editor });
    expect(getRevision(f.db, first, listRevisions(f.db, first)[0]!.id)).toMatchObject({ version: 3, tags: '[]' });
  });

  it('getRevision does not return a revision of another article', () => {
    const other = listRevisions(f.db, second)[0]!;
    expect(getRevision(f.db, first, other.id)).toBeUndefined();
    expect(getRevision(f.db, second, other.id)).toMatchObject({ articleId: second, title: 'آخر' });
    expect(getRevision(f.db, first, 999_999)).toBeUndefined();
  });
});
