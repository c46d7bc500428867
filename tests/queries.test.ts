import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import {
  countArticles,
  countByAuthor,
  countByTag,
  countInSections,
  createArticle,
  getVisibleArticle,
  listByAuthor,
  listByTag,
  listInSections,
  listLatest,
  listRelated,
  listTagsOf,
} from '@/db/queries/articles';
import { createImage, toImageRef } from '@/db/queries/images';
import { countSections, createSection, getSectionBySlug, listSections } from '@/db/queries/sections';
import { addArticleTags, createTag, getTagBySlug } from '@/db/queries/tags';
import { createUser, getUserBySlug } from '@/db/queries/users';
import type { NewArticle } from '@/db/schema';
import { subtreeIds } from '@/lib/section-tree';
import { createTestDb } from './helpers/db';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2024, 3, 22, 12, 0);

let db: Db;
let cleanup: () => void;

// Section tree: news › international › diplomacy; economy.
const sec = { news: 0, international: 0, diplomacy: 0, economy: 0 };
const tag = { azerbaijan: 0, russia: 0, transport: 0 };
let authorId = 0;
let imageId = 0;
// Articles by role in the fixture.
const a = {
  target: 0, // diplomacy, tags azerbaijan+russia, image
  twoTagsOtherSection: 0, // economy, both tags, old
  oneTagSameSection: 0, // diplomacy, azerbaijan
  oneTagOtherSection: 0, // economy, russia, newer than oneTagSameSection
  noTagSameSection: 0, // diplomacy
  noTagOtherNewest: 0, // international
  noTagOtherOld: 0, // economy
  draft: 0,
  draftWithPastDate: 0,
  future: 0,
};

function article(values: Partial<NewArticle> & { title: string; sectionId: number }): number {
  return createArticle(db, {
    slug: `a-${values.title}`,
    body: `نص ${values.title}`,
    authorId,
    status: 'published',
    updatedAt: values.publishedAt ?? NOW,
    ...values,
  });
}

beforeAll(() => {
  ({ db, cleanup } = createTestDb());
  sec.news = createSection(db, { slug: 'news', name: 'أخبار', position: 0 }).id;
  sec.economy = createSection(db, { slug: 'economy', name: 'اقتصاد', position: 1 }).id;
  sec.international = createSection(db, { slug: 'international', name: 'أخبار دولية', parentId: sec.news, position: 1 }).id;
  sec.diplomacy = createSection(db, {
    slug: 'international-diplomacy',
    name: 'الدبلوماسية الدولية',
    parentId: sec.international,
    position: 0,
  }).id;

  authorId = createUser(db, { email: '  Newsroom@Example.COM ', displayName: 'هيئة التحرير', slug: 'newsroom' }).id;
  imageId = createImage(db, { key: 'demo-001', width: 1200, height: 675, widths: '400,800,1200', alt: 'صورة' });

  tag.azerbaijan = createTag(db, 'أذربيجان', 'أذربيجان').id;
  tag.russia = createTag(db, 'روسيا', 'روسيا').id;
  tag.transport = createTag(db, 'النقل الدولي', 'النقل-الدولي').id;

  a.target = article({
    title: 'لقاء علييف وبوتين',
    deck: 'نحو تعزيز تدابير الثقة',
    source: 'وكالة أذرتاج',
    sectionId: sec.diplomacy,
    publishedAt: NOW - HOUR,
    updatedAt: NOW - HOUR + 5 * 60_000,
    imageId,
    viewCount: 100,
  });
  addArticleTags(db, a.target, [tag.russia, tag.azerbaijan, tag.transport]);

  a.twoTagsOtherSection = article({ title: 'b', sectionId: sec.economy, publishedAt: NOW - 10 * DAY, viewCount: 500 });
  addArticleTags(db, a.twoTagsOtherSection, [tag.azerbaijan, tag.russia]);
  a.oneTagSameSection = article({ title: 'c', sectionId: sec.diplomacy, publishedAt: NOW - 5 * DAY, viewCount: 50 });
  addArticleTags(db, a.oneTagSameSection, [tag.azerbaijan]);
  a.oneTagOtherSection = article({ title: 'd', sectionId: sec.economy, publishedAt: NOW - DAY, viewCount: 300 });
  addArticleTags(db, a.oneTagOtherSection, [tag.russia]);
  a.noTagSameSection = article({ title: 'e', sectionId: sec.diplomacy, publishedAt: NOW - 2 * DAY, viewCount: 0 });
  a.noTagOtherNewest = article({ title: 'f', sectionId: sec.international, publishedAt: NOW - 3 * HOUR, viewCount: 10 });
  a.noTagOtherOld = article({ title: 'g', sectionId: sec.economy, publishedAt: NOW - 20 * DAY, viewCount: 200 });

  // Never visible at NOW; they share every tag and the section, and have the most views.
  a.draft = article({ title: 'draft', sectionId: sec.diplomacy, status: 'draft', publishedAt: null, viewCount: 9999 });
  a.draftWithPastDate = article({
    title: 'draft-dated',
    sectionId: sec.diplomacy,
    status: 'draft',
    publishedAt: NOW - 30 * 60_000,
    viewCount: 9000,
  });
  a.future = article({ title: 'future', sectionId: sec.diplomacy, publishedAt: NOW + DAY, viewCount: 8888 });
  for (const id of [a.draft, a.draftWithPastDate, a.future]) {
    addArticleTags(db, id, [tag.azerbaijan, tag.russia, tag.transport]);
  }
});

afterAll(() => cleanup?.());

const hidden = () => [a.draft, a.draftWithPastDate, a.future];
const ids = (list: { id: number }[]) => list.map((x) => x.id);

describe('listLatest', () => {
  it('lists visible articles newest first, without drafts or future ones', () => {
    expect(ids(listLatest(db, NOW, { limit: 20 }))).toEqual([
      a.target,
      a.noTagOtherNewest,
      a.oneTagOtherSection,
      a.noTagSameSection,
      a.oneTagSameSection,
      a.twoTagsOtherSection,
      a.noTagOtherOld,
    ]);
  });

  it('applies limit and offset', () => {
    expect(ids(listLatest(db, NOW, { limit: 2 }))).toEqual([a.target, a.noTagOtherNewest]);
    expect(ids(listLatest(db, NOW, { limit: 2, offset: 2 }))).toEqual([a.oneTagOtherSection, a.noTagSameSection]);
  });

  it('shows a scheduled article once its time has come (inclusive)', () => {
    const latest = listLatest(db, NOW + DAY, { limit: 1 });
    expect(ids(latest)).toEqual([a.future]);
    expect(ids(listLatest(db, NOW + DAY - 1, { limit: 1 }))).toEqual([a.target]);
  });

  it('returns cards with section and image', () => {
    const [card] = listLatest(db, NOW, { limit: 1 });
    expect(card).toMatchObject({
      id: a.target,
      title: 'لقاء علييف وبوتين',
      deck: 'نحو تعزيز تدابير الثقة',
      publishedAt: NOW - HOUR,
      viewCount: 100,
      section: { id: sec.diplomacy, slug: 'international-diplomacy', name: 'الدبلوماسية الدولية' },
      image: { key: 'demo-001', width: 1200, height: 675, widths: [400, 800, 1200], alt: 'صورة' },
    });
    expect(listLatest(db, NOW, { limit: 2 })[1]!.image).toBeNull();
  });
});

describe('listInSections / countInSections', () => {
  it('lists a section subtree newest first with limit and offset', () => {
    const newsTree = subtreeIds(listSections(db), sec.news);
    expect(newsTree.sort()).toEqual([sec.news, sec.international, sec.diplomacy].sort());
    expect(ids(listInSections(db, newsTree, NOW, { limit: 2 }))).toEqual([a.target, a.noTagOtherNewest]);
    expect(ids(listInSections(db, newsTree, NOW, { limit: 2, offset: 2 }))).toEqual([
      a.noTagSameSection,
      a.oneTagSameSection,
    ]);
    expect(listInSections(db, newsTree, NOW, { limit: 2, offset: 4 })).toEqual([]);
  });

  it('never lists drafts or future articles', () => {
    const listed = ids(listInSections(db, [sec.diplomacy], NOW, { limit: 50 }));
    expect(listed).toEqual([a.target, a.noTagSameSection, a.oneTagSameSection]);
    for (const id of hidden()) expect(listed).not.toContain(id);
  });

  it('counts only visible articles in the given sections', () => {
    expect(countInSections(db, [sec.diplomacy], NOW)).toBe(3);
    expect(countInSections(db, [sec.news, sec.international, sec.diplomacy], NOW)).toBe(4);
    expect(countInSections(db, [sec.economy], NOW)).toBe(3);
    expect(countInSections(db, [sec.news], NOW)).toBe(0);
    expect(countInSections(db, [], NOW)).toBe(0);
    expect(countInSections(db, [sec.diplomacy], NOW + DAY)).toBe(4);
  });

  it('returns nothing for no sections', () => {
    expect(listInSections(db, [], NOW, { limit: 10 })).toEqual([]);
  });
});

describe('listByTag / countByTag', () => {
  it('lists a tag\'s visible articles newest first, with limit and offset, never hidden ones', () => {
    expect(ids(listByTag(db, tag.azerbaijan, NOW, { limit: 10 }))).toEqual([a.target, a.oneTagSameSection, a.twoTagsOtherSection]);
    expect(ids(listByTag(db, tag.azerbaijan, NOW, { limit: 1, offset: 1 }))).toEqual([a.oneTagSameSection]);
    expect(countByTag(db, tag.azerbaijan, NOW)).toBe(3);
    expect(countByTag(db, tag.transport, NOW)).toBe(1);
  });

  it('includes a scheduled article once its time has come', () => {
    expect(ids(listByTag(db, tag.transport, NOW + 2 * DAY, { limit: 10 }))).toEqual([a.future, a.target]);
  });
});

describe('listByAuthor / countByAuthor', () => {
  it('lists an author\'s visible articles newest first and counts them', () => {
    const list = ids(listByAuthor(db, authorId, NOW, { limit: 3 }));
    expect(list).toEqual([a.target, a.noTagOtherNewest, a.oneTagOtherSection]);
    expect(countByAuthor(db, authorId, NOW)).toBe(7);
    for (const id of hidden()) expect(ids(listByAuthor(db, authorId, NOW, { limit: 100 }))).not.toContain(id);
  });

  it('gives nothing for someone without articles', () => {
    const other = createUser(db, { email: 'x@example.com', displayName: 'بلا مقالات', slug: 'no-articles' }).id;
    expect(listByAuthor(db, other, NOW, { limit: 10 })).toEqual([]);
    expect(countByAuthor(db, other, NOW)).toBe(0);
  });
});

describe('getVisibleArticle', () => {
  it('returns the article with author, section, sorted tags and image', () => {
    const view = getVisibleArticle(db, a.target, NOW)!;
    expect(view).toBeDefined();
    expect(view).toMatchObject({
      id: a.target,
      title: 'لقاء علييف وبوتين',
      source: 'وكالة أذرتاج',
      body: 'نص لقاء علييف وبوتين',
      publishedAt: NOW - HOUR,
      updatedAt: NOW - HOUR + 5 * 60_000,
      author: { id: authorId, displayName: 'هيئة التحرير', slug: 'newsroom' },
      section: { id: sec.diplomacy, slug: 'international-diplomacy', name: 'الدبلوماسية الدولية' },
      image: { key: 'demo-001', widths: [400, 800, 1200] },
    });
    expect(view.tags.map((t) => t.name)).toEqual(['أذربيجان', 'النقل الدولي', 'روسيا'].sort());
    expect(view.tags.find((t) => t.name === 'النقل الدولي')!.slug).toBe('النقل-الدولي');
  });

  it('returns undefined for drafts (with or without a date), future articles and unknown ids', () => {
    for (const id of hidden()) expect(getVisibleArticle(db, id, NOW)).toBeUndefined();
    expect(getVisibleArticle(db, 999_999, NOW)).toBeUndefined();
  });

  it('returns a scheduled article once published, but never a draft', () => {
    expect(getVisibleArticle(db, a.future, NOW + DAY)?.id).toBe(a.future);
    expect(getVisibleArticle(db, a.draftWithPastDate, NOW + 365 * DAY)).toBeUndefined();
  });
});

describe('listRelated', () => {
  const target = () => ({ id: a.target, sectionId: sec.diplomacy });

  it('ranks by shared tags, then same section, then recency', () => {
    expect(ids(listRelated(db, target(), NOW, 3))).toEqual([
      a.twoTagsOtherSection, // 2 shared tags, although older and in another section
      a.oneTagSameSection, // 1 tag, same section
      a.oneTagOtherSection, // 1 tag, other section (newer, but section wins)
    ]);
  });

  it('fills from the same section first, then from other sections by recency', () => {
    expect(ids(listRelated(db, target(), NOW, 6))).toEqual([
      a.twoTagsOtherSection,
      a.oneTagSameSection,
      a.oneTagOtherSection,
      a.noTagSameSection,
      a.noTagOtherNewest,
      a.noTagOtherOld,
    ]);
  });

  it('respects small limits', () => {
    expect(ids(listRelated(db, target(), NOW, 1))).toEqual([a.twoTagsOtherSection]);
    expect(listRelated(db, target(), NOW, 0)).toEqual([]);
  });

  it('never returns the article itself, drafts or future articles', () => {
    const related = ids(listRelated(db, target(), NOW, 50));
    expect(related).not.toContain(a.target);
    for (const id of hidden()) expect(related).not.toContain(id);
    expect(related).toHaveLength(6);
    expect(new Set(related).size).toBe(related.length);
  });

  it('works for an article without tags: same section first, then the newest elsewhere', () => {
    expect(ids(listRelated(db, { id: a.noTagSameSection, sectionId: sec.diplomacy }, NOW, 4))).toEqual([
      a.target,
      a.oneTagSameSection,
      a.noTagOtherNewest,
      a.oneTagOtherSection,
    ]);
  });

  it('returns full cards', () => {
    const [first] = listRelated(db, target(), NOW, 1);
    expect(first).toMatchObject({ id: a.twoTagsOtherSection, title: 'b', section: { slug: 'economy' }, image: null });
  });
});

describe('tags', () => {
  it('finds a tag by its Arabic slug', () => {
    expect(getTagBySlug(db, 'النقل-الدولي')).toEqual({ id: tag.transport, slug: 'النقل-الدولي', name: 'النقل الدولي' });
    expect(getTagBySlug(db, 'missing')).toBeUndefined();
  });

  it('ignores duplicate article tags and empty lists', () => {
    addArticleTags(db, a.noTagOtherOld, [tag.transport, tag.transport]);
    addArticleTags(db, a.noTagOtherOld, [tag.transport]);
    addArticleTags(db, a.noTagOtherOld, []);
    expect(listTagsOf(db, a.noTagOtherOld).map((t) => t.id)).toEqual([tag.transport]);
    // restore the fixture for the other tests
    db.$client.prepare('DELETE FROM article_tags WHERE article_id = ?').run(a.noTagOtherOld);
    expect(listTagsOf(db, a.noTagOtherOld)).toEqual([]);
  });

  it('rejects a duplicate tag slug', () => {
    expect(() => createTag(db, 'روسيا 2', 'روسيا')).toThrow();
  });
});

describe('users', () => {
  it('stores the email trimmed and lowercased', () => {
    const row = db.$client.prepare('SELECT email FROM users WHERE id = ?').get(authorId) as { email: string };
    expect(row.email).toBe('newsroom@example.com');
  });

  it('rejects an email that differs only in case and spaces', () => {
    expect(() => createUser(db, { email: 'NEWSROOM@example.com ', displayName: 'x', slug: 'other' })).toThrow();
  });

  it('finds a user by slug', () => {
    expect(getUserBySlug(db, 'newsroom')).toEqual({ id: authorId, displayName: 'هيئة التحرير', slug: 'newsroom', bio: '' });
    expect(getUserBySlug(db, 'nobody')).toBeUndefined();
  });
});

describe('sections', () => {
  it('lists sections by position then id, and counts them', () => {
    expect(listSections(db).map((s) => s.slug)).toEqual(['news', 'international-diplomacy', 'economy', 'international']);
    expect(countSections(db)).toBe(4);
  });

  it('finds a section by slug', () => {
    expect(getSectionBySlug(db, 'international')).toMatchObject({ id: sec.international, parentId: sec.news, name: 'أخبار دولية' });
    expect(getSectionBySlug(db, 'nope')).toBeUndefined();
  });

  it('counts all articles, hidden ones included', () => {
    expect(countArticles(db)).toBe(10);
  });
});

describe('images', () => {
  it('turns a stored row into an image reference with numeric widths', () => {
    expect(toImageRef({ key: 'k', width: 800, height: 450, widths: '400,800', alt: null })).toEqual({
      key: 'k',
      width: 800,
      height: 450,
      widths: [400, 800],
      alt: '',
    });
  });

  it('returns null when the join found no image', () => {
    expect(toImageRef({ key: null, width: null, height: null, widths: null, alt: null })).toBeNull();
  });

  it('lets the same picture (same key, same files) be used twice, each with its own alt', () => {
    const first = createImage(db, { key: 'up-shared', width: 10, height: 10, widths: '10', alt: 'صورة أولى' });
    const second = createImage(db, { key: 'up-shared', width: 10, height: 10, widths: '10', alt: 'صورة ثانية' });
    expect(second).not.toBe(first);
    const alts = db.$client.prepare("select alt from images where key = 'up-shared' order by id").all();
    expect(alts).toEqual([{ alt: 'صورة أولى' }, { alt: 'صورة ثانية' }]);
  });
});

describe('listRelated with a busy tag', () => {
  // Drafts and scheduled articles are never related, so they must not crowd a visible tag match
  // out of the candidates, however many of them share the tag and however new their ids are.
  // Bug in the current listRelated: each tag's candidate pool is its newest RELATED_POOL_PER_TAG
  // (200) rows by article id, taken BEFORE the visibility filter, so 250 newer hidden articles
  // push the real match out; it comes back only as an "other section" filler with 0 shared tags.
  it('still finds a visible tag match behind 250 newer drafts with the same tag', () => {
    const t = createTestDb();
    try {
      const d = t.db;
      const section = createSection(d, { slug: 'diplomacy', name: 'الدبلوماسية الدولية' }).id;
      const other = createSection(d, { slug: 'economy', name: 'اقتصاد' }).id;
      const author = createUser(d, { email: 'a@example.com', displayName: 'أ', slug: 'a' }).id;
      const russia = createTag(d, 'روسيا', 'روسيا').id;
      const make = (title: string, sectionId: number, status: 'draft' | 'published', publishedAt: number | null) =>
        createArticle(d, { slug: title, title, body: title, sectionId, authorId: author, status, publishedAt, updatedAt: NOW });

      const match = make('match', other, 'published', NOW - 30 * DAY);
      addArticleTags(d, match, [russia]);
      const sameSectionNoTag = make('same-section', section, 'published', NOW - DAY);
      const target = make('target', section, 'published', NOW - HOUR);
      addArticleTags(d, target, [russia]);
      d.$client.transaction(() => {
        for (let i = 0; i < 250; i++) {
          // half drafts, half scheduled for tomorrow
          const hiddenId = make(`hidden-${i}`, section, i % 2 ? 'draft' : 'published', i % 2 ? null : NOW + DAY);
          addArticleTags(d, hiddenId, [russia]);
        }
      })();

      expect(ids(listRelated(d, { id: target, sectionId: section }, NOW, 2))).toEqual([match, sameSectionNoTag]);
    } finally {
      t.cleanup();
    }
  });
});
