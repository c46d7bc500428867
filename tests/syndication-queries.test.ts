import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { createArticle } from '@/db/queries/articles';
import { createSection } from '@/db/queries/sections';
import {
  countAuthorsWithArticles,
  countTagsWithArticles,
  countVisibleArticles,
  listArticleUrls,
  listAuthorSlugsWithArticles,
  listNewestIds,
  listPublishedSince,
  listTagSlugsWithArticles,
} from '@/db/queries/syndication';
import { addArticleTags, createTag } from '@/db/queries/tags';
import { createUser } from '@/db/queries/users';
import type { NewArticle } from '@/db/schema';
import { createTestDb } from './helpers/db';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2024, 3, 22, 12, 0);

let db: Db;
let cleanup: () => void;
const sec = { news: 0, world: 0, sport: 0 };
const author = { writer: 0, draftsOnly: 0, futureOnly: 0 };
const tag = { visible: 0, draftOnly: 0, futureOnly: 0 };
const a = { old: 0, world: 0, sport: 0, newest: 0, draft: 0, future: 0, edited: 0 };

function article(values: Partial<NewArticle> & { title: string; sectionId: number }): number {
  return createArticle(db, {
    slug: `s-${values.title}`,
    body: 'نص',
    authorId: author.writer,
    status: 'published',
    updatedAt: values.publishedAt ?? NOW,
    ...values,
  });
}

beforeAll(() => {
  ({ db, cleanup } = createTestDb());
  sec.news = createSection(db, { slug: 'news', name: 'أخبار' }).id;
  sec.world = createSection(db, { slug: 'world', name: 'دولية', parentId: sec.news }).id;
  sec.sport = createSection(db, { slug: 'sport', name: 'رياضة' }).id;
  author.writer = createUser(db, { email: 'w@example.com', displayName: 'كاتب', slug: 'writer' }).id;
  author.draftsOnly = createUser(db, { email: 'd@example.com', displayName: 'مسودات', slug: 'drafts-only' }).id;
  author.futureOnly = createUser(db, { email: 'f@example.com', displayName: 'مستقبل', slug: 'future-only' }).id;
  tag.visible = createTag(db, 'ظاهر', 'ظاهر').id;
  tag.draftOnly = createTag(db, 'مسودة', 'مسودة').id;
  tag.futureOnly = createTag(db, 'لاحق', 'لاحق').id;

  a.old = article({ title: 'old', sectionId: sec.news, publishedAt: NOW - 10 * DAY });
  a.world = article({ title: 'world', sectionId: sec.world, publishedAt: NOW - 3 * DAY });
  a.sport = article({ title: 'sport', sectionId: sec.sport, publishedAt: NOW - DAY });
  a.newest = article({ title: 'newest', sectionId: sec.world, publishedAt: NOW - HOUR });
  a.edited = article({ title: 'edited', sectionId: sec.news, publishedAt: NOW - 5 * DAY, updatedAt: NOW - 2 * HOUR });
  a.draft = article({ title: 'draft', sectionId: sec.world, status: 'draft', publishedAt: NOW - 2 * HOUR, authorId: author.draftsOnly });
  a.future = article({ title: 'future', sectionId: sec.world, publishedAt: NOW + HOUR, authorId: author.futureOnly });
  addArticleTags(db, a.world, [tag.visible]);
  addArticleTags(db, a.draft, [tag.draftOnly, tag.visible]);
  addArticleTags(db, a.future, [tag.futureOnly]);
});

afterAll(() => cleanup?.());

describe('listNewestIds', () => {
  it('lists the site’s visible articles newest first, up to the limit', () => {
    expect(listNewestIds(db, NOW, 30)).toEqual([a.newest, a.sport, a.world, a.edited, a.old]);
    expect(listNewestIds(db, NOW, 2)).toEqual([a.newest, a.sport]);
  });

  it('keeps to the sections given, and to none when given none', () => {
    expect(listNewestIds(db, NOW, 30, [sec.news, sec.world])).toEqual([a.newest, a.world, a.edited, a.old]);
    expect(listNewestIds(db, NOW, 30, [])).toEqual([]);
  });
});

describe('article sitemap rows', () => {
  it('counts and lists visible articles by id, paged', () => {
    expect(countVisibleArticles(db, NOW)).toBe(5);
    expect(listArticleUrls(db, NOW, { limit: 10 }).map((r) => r.id)).toEqual([a.old, a.world, a.sport, a.newest, a.edited]);
    expect(listArticleUrls(db, NOW, { limit: 2, offset: 2 }).map((r) => r.id)).toEqual([a.sport, a.newest]);
  });

  it('carries what a sitemap entry needs', () => {
    const edited = listArticleUrls(db, NOW, { limit: 10 }).find((r) => r.id === a.edited);
    expect(edited).toEqual({ id: a.edited, slug: 's-edited', publishedAt: NOW - 5 * DAY, updatedAt: NOW - 2 * HOUR });
  });
});

describe('listPublishedSince', () => {
  it('lists visible articles from `since` to now, newest first, up to the limit', () => {
    const rows = listPublishedSince(db, NOW - 2 * DAY, NOW, 1000);
    expect(rows.map((r) => r.id)).toEqual([a.newest, a.sport]);
    expect(rows[0]).toEqual({ id: a.newest, slug: 's-newest', title: 'newest', publishedAt: NOW - HOUR });
    expect(listPublishedSince(db, NOW - 2 * DAY, NOW, 1).map((r) => r.id)).toEqual([a.newest]);
  });
});

describe('tags and authors with a visible article', () => {
  it('leaves out tags whose articles are all drafts or not yet published', () => {
    expect(countTagsWithArticles(db, NOW)).toBe(1);
    expect(listTagSlugsWithArticles(db, NOW, { limit: 10 })).toEqual(['ظاهر']);
    expect(listTagSlugsWithArticles(db, NOW + 2 * HOUR, { limit: 10 })).toEqual(['ظاهر', 'لاحق']);
  });

  it('leaves out staff without a visible article', () => {
    expect(countAuthorsWithArticles(db, NOW)).toBe(1);
    expect(listAuthorSlugsWithArticles(db, NOW, { limit: 10 })).toEqual(['writer']);
    expect(listAuthorSlugsWithArticles(db, NOW + 2 * HOUR, { limit: 10, offset: 1 })).toEqual(['future-only']);
  });
});
