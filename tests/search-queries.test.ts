import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { type ArticleFields, saveArticle, publishDueArticles } from '@/db/queries/article-admin';
import { createSection } from '@/db/queries/sections';
import { searchArticleIds, searchHits } from '@/db/queries/search';
import { deleteTag, mergeTags, renameTag } from '@/db/queries/tag-admin';
import { createUser } from '@/db/queries/users';
import { articles, tags } from '@/db/schema';
import { rebuildSearchIndex, withSearchIndexPaused } from '@/db/search-functions';
import { matchExpression } from '@/lib/arabic-search';
import { createTestDb } from './helpers/db';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 28, 12, 0);

let db: Db;
let cleanup: () => void;
let sectionId = 0;
let userId = 0;

const search = (query: string, now = NOW) => {
  const match = matchExpression(query);
  return match ? searchArticleIds(db, match, now).ids : [];
};

let n = 0;
function publish(fields: Partial<ArticleFields> & { title: string }, publishedAt = NOW - DAY, status: 'published' | 'draft' | 'scheduled' = 'published'): number {
  n++;
  const result = saveArticle(
    db,
    {
      id: null,
      expectedVersion: null,
      fields: { deck: '', source: '', body: 'نص عام.', excerpt: '', slug: `article-${n}`, sectionId, commentsOpen: true, tags: [], ...fields },
      status,
      publishedAt,
      userId,
    },
    NOW,
  );
  if (!result.ok) throw new Error(result.reason);
  return result.id;
}

function edit(id: number, fields: Partial<ArticleFields>, status: 'published' | 'draft' | 'trash' = 'published') {
  const row = db.select().from(articles).where(eq(articles.id, id)).get()!;
  const current = { title: row.title, deck: row.deck, source: row.source, body: row.body, excerpt: row.excerpt, slug: row.slug, sectionId: row.sectionId, commentsOpen: row.commentsOpen, tags: [] as string[] };
  const result = saveArticle(db, { id, expectedVersion: row.version, fields: { ...current, ...fields }, status, publishedAt: row.publishedAt, userId }, NOW);
  if (!result.ok) throw new Error(result.reason);
}

beforeAll(() => {
  ({ db, cleanup } = createTestDb());
  sectionId = createSection(db, { slug: 'news', name: 'أخبار', description: '', parentId: null, position: 0 }).id;
  userId = createUser(db, { email: 'e@example.com', displayName: 'محررة', slug: 'editor', role: 'editor' }).id;
});
afterAll(() => cleanup());

describe('the index follows every write', () => {
  it('finds a published article by any spelling of its words', () => {
    const id = publish({ title: 'لقاء في أذربيجان', body: 'تعزيز الدبلوماسية بين البلدين.' });
    for (const q of ['أذربيجان', 'اذربيجان', 'آذربيجان', 'الدبلوماسية', 'والدبلوماسية', 'دبلوماسيه', 'ٱلدِّبْلُومَاسِيَّة']) {
      expect(search(q), q).toContain(id);
    }
  });

  it('does not index drafts; publishing adds the article, unpublishing and trash remove it', () => {
    const id = publish({ title: 'مسودة عن الزعفران' }, NOW - DAY, 'draft');
    expect(search('الزعفران')).toEqual([]);
    edit(id, {}, 'published');
    expect(search('الزعفران')).toEqual([id]);
    edit(id, {}, 'draft');
    expect(search('الزعفران')).toEqual([]);
    edit(id, {}, 'published');
    edit(id, {}, 'trash');
    expect(search('الزعفران')).toEqual([]);
  });

  it('an edit replaces the old words with the new ones', () => {
    const id = publish({ title: 'مهرجان السينما', body: 'افتتاح المهرجان.' });
    edit(id, { title: 'مهرجان الموسيقى', body: 'اختتام المهرجان.' });
    expect(search('السينما')).toEqual([]);
    expect(search('الموسيقى')).toEqual([id]);
    expect(search('اختتام')).toEqual([id]);
  });

  it('a scheduled article enters the index when its time comes', () => {
    const id = publish({ title: 'قمة الطاقة المتجددة' }, NOW + DAY, 'scheduled');
    expect(search('المتجددة', NOW + 2 * DAY)).toEqual([]);
    publishDueArticles(db, NOW + 2 * DAY);
    expect(search('المتجددة', NOW + 2 * DAY)).toEqual([id]);
  });

  it('finds articles by their tags, through renames, merges and deletions', () => {
    const id = publish({ title: 'خبر بلا كلمة مميزة', tags: ['الأرغان'] });
    expect(search('أرغان')).toEqual([id]);
    const tagId = db.select().from(tags).where(eq(tags.name, 'الأرغان')).get()!.id;
    renameTag(db, tagId, 'شجرة الأركان');
    expect(search('أرغان')).toEqual([]);
    expect(search('الأركان')).toEqual([id]);

    const other = publish({ title: 'خبر آخر', tags: ['تعاونيات'] });
    const otherTag = db.select().from(tags).where(eq(tags.name, 'تعاونيات')).get()!.id;
    mergeTags(db, otherTag, tagId);
    expect(search('تعاونيات')).toEqual([]);
    expect(search('الأركان').sort()).toEqual([id, other].sort());

    deleteTag(db, tagId);
    expect(search('الأركان')).toEqual([]);
  });

  it('never shows an article whose publication time has not come', () => {
    const id = publish({ title: 'خبر من المستقبل القريب' }, NOW + DAY);
    expect(search('القريب')).toEqual([]);
    expect(search('القريب', NOW + 2 * DAY)).toEqual([id]);
  });
});

describe('ranking', () => {
  it('puts a title match above a body match', () => {
    const inBody = publish({ title: 'أخبار متفرقة', body: 'ورد ذكر الفوسفاط مرة واحدة.' });
    const inTitle = publish({ title: 'صادرات الفوسفاط ترتفع', body: 'نص قصير.' });
    expect(search('الفوسفاط')).toEqual([inTitle, inBody]);
  });

  it('lifts a recent article above an old one of the same relevance', () => {
    const old = publish({ title: 'موسم الحصاد', body: 'نص.' }, NOW - 400 * DAY);
    const recent = publish({ title: 'موسم الحصاد', body: 'نص.' }, NOW - DAY);
    expect(search('الحصاد')).toEqual([recent, old]);
  });

  it('counts every match and requires every word', () => {
    const a = publish({ title: 'ميناء طنجة المتوسط' });
    publish({ title: 'ميناء الداخلة' });
    expect(search('ميناء طنجة')).toEqual([a]);
    const result = searchArticleIds(db, matchExpression('ميناء')!, NOW);
    expect(result.total).toBe(2);
  });
});

describe('hits and rebuilds', () => {
  it('returns cards with their body for the snippets, in the order asked', () => {
    const a = publish({ title: 'أول', body: 'نص الأول' });
    const b = publish({ title: 'ثان', body: 'نص الثاني' });
    expect(searchHits(db, [b, a]).map((h) => [h.id, h.body])).toEqual([
      [b, 'نص الثاني'],
      [a, 'نص الأول'],
    ]);
    expect(searchHits(db, [])).toEqual([]);
  });

  it('a paused connection skips the triggers and rebuilds the whole index at the end', () => {
    let id = 0;
    withSearchIndexPaused(db.$client, () => {
      id = publish({ title: 'كتاب عن الخزف' });
      expect(search('الخزف')).toEqual([]);
    });
    expect(search('الخزف')).toEqual([id]);
    rebuildSearchIndex(db.$client);
    expect(search('الخزف')).toEqual([id]);
  });

  it('reads FTS5 syntax as plain words and never throws', () => {
    for (const q of ['"', '*', 'NEAR(a b)', '-x', '^y', '(()', '%', "'", 'a OR b', 'a AND NOT b', '{title}:x', 'title:x', '\u0000']) {
      expect(() => search(q), q).not.toThrow();
    }
  });
});
