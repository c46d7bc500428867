import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { createArticle } from '@/db/queries/articles';
import { createSection } from '@/db/queries/sections';
import { createUser } from '@/db/queries/users';
import { listMostReadSince, mostReadIds, pruneViews, recordViews } from '@/db/queries/views';
import { articles, articleViews } from '@/db/schema';
import { HOUR_MS } from '@/lib/view-counter';
import { createTestDb } from './helpers/db';

const NOW = Date.UTC(2026, 10, 28, 12, 30);
let db: Db;
let cleanup: () => void;
const ids: Record<string, number> = {};

beforeAll(() => {
  ({ db, cleanup } = createTestDb());
  const sectionId = createSection(db, { slug: 'news', name: 'أخبار', position: 0 }).id;
  const authorId = createUser(db, { email: 'a@example.com', displayName: 'كاتب', slug: 'writer' }).id;
  const make = (name: string, status: 'published' | 'draft' = 'published', publishedAt = NOW - 10 * 24 * HOUR_MS) =>
    (ids[name] = createArticle(db, { slug: name, title: name, body: 'نص', sectionId, authorId, status, publishedAt, updatedAt: publishedAt }));
  make('old-favourite');
  make('today');
  make('draft', 'draft');
  make('future', 'published', NOW + HOUR_MS);
});
afterAll(() => cleanup());

const total = (id: number) => db.select().from(articles).where(eq(articles.id, id)).get()!.viewCount;

describe('recordViews', () => {
  it('adds a batch to the totals and to the hour bucket, for published articles only', () => {
    recordViews(db, new Map([[ids.today!, 3], [ids.draft!, 5], [999_999, 2]]), NOW);
    recordViews(db, new Map([[ids.today!, 2]]), NOW + 60_000);
    expect(total(ids.today!)).toBe(5);
    expect(total(ids.draft!)).toBe(0);
    const buckets = db.select().from(articleViews).all();
    expect(buckets).toEqual([{ hour: Math.floor(NOW / HOUR_MS), articleId: ids.today, views: 5 }]);
  });
});

describe('most read', () => {
  it('ranks over the window asked: 24 hours and 7 days differ', () => {
    // Three days ago the old favourite was read a lot; today the other story leads.
    recordViews(db, new Map([[ids['old-favourite']!, 50]]), NOW - 3 * 24 * HOUR_MS);
    recordViews(db, new Map([[ids['old-favourite']!, 1]]), NOW - HOUR_MS);
    expect(mostReadIds(db, NOW, 24, 5)).toEqual([ids.today, ids['old-favourite']]);
    expect(mostReadIds(db, NOW, 24 * 7, 5)).toEqual([ids['old-favourite'], ids.today]);
    expect(listMostReadSince(db, NOW, 24, 1).map((c) => c.id)).toEqual([ids.today]);
  });

  it('leaves out what is not visible now', () => {
    db.insert(articleViews).values({ hour: Math.floor(NOW / HOUR_MS), articleId: ids.future!, views: 999 }).run();
    expect(mostReadIds(db, NOW, 24, 5)).not.toContain(ids.future);
    expect(mostReadIds(db, NOW + 2 * HOUR_MS, 24, 5)[0]).toBe(ids.future);
  });

  it('prunes buckets older than 8 days', () => {
    recordViews(db, new Map([[ids.today!, 1]]), NOW - 9 * 24 * HOUR_MS);
    pruneViews(db, NOW);
    const oldest = Math.min(...db.select().from(articleViews).all().map((r) => r.hour));
    expect(oldest).toBeGreaterThanOrEqual(Math.floor(NOW / HOUR_MS) - 8 * 24);
  });
});
