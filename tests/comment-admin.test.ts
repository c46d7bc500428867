import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { countByCommentStatus, deleteComments, editComment, getCommentForModeration, listForModeration, setStatuses } from '@/db/queries/comment-admin';
import { createArticle } from '@/db/queries/articles';
import { insertComment } from '@/db/queries/comments';
import { createSection } from '@/db/queries/sections';
import { createUser } from '@/db/queries/users';
import type { CommentStatus, NewComment } from '@/db/schema';
import { hashBody } from '@/lib/signing';
import { createTestDb } from './helpers/db';

const NOW = Date.UTC(2026, 4, 10, 9, 0);

let db: Db;
let cleanup: () => void;
let sectionId = 0;
let authorId = 0;
let articleCount = 0;
let commentCount = 0;

function newArticle(title = `مقال ${articleCount + 1}`): number {
  articleCount++;
  return createArticle(db, { slug: `article-${articleCount}`, title, body: 'نص', sectionId, authorId, status: 'published', publishedAt: NOW - 3_600_000, updatedAt: NOW });
}

function add(articleId: number, patch: Partial<Omit<NewComment, 'parentKey'>> = {}): number {
  commentCount++;
  const body = patch.body ?? `تعليق ${commentCount}`;
  const result = insertComment(db, {
    articleId,
    parentId: null,
    depth: 0,
    authorName: 'قارئ',
    authorEmail: `reader${commentCount}@example.com`,
    authorUrl: null,
    body,
    bodyHash: hashBody(body),
    status: 'pending',
    ipHash: 'iphash',
    createdAt: NOW + commentCount,
    ...patch,
  });
  if (!result.ok) throw new Error(result.reason);
  return result.id;
}

function row(id: number) {
  return db.$client.prepare('select * from comments where id = ?').get(id) as Record<string, unknown> | undefined;
}

beforeAll(() => {
  ({ db, cleanup } = createTestDb());
  sectionId = createSection(db, { slug: 'news', name: 'أخبار', position: 0 }).id;
  authorId = createUser(db, { email: 'desk@example.com', displayName: 'هيئة التحرير', slug: 'desk' }).id;
});

afterAll(() => cleanup());

describe('countByCommentStatus', () => {
  it('counts every status, zero included', () => {
    const { db: own, cleanup: done } = createTestDb();
    try {
      expect(countByCommentStatus(own)).toEqual({ pending: 0, approved: 0, spam: 0, trash: 0 });
      const s = createSection(own, { slug: 's', name: 'ق', position: 0 }).id;
      const u = createUser(own, { email: 'u@example.com', displayName: 'م', slug: 'u' }).id;
      const a = createArticle(own, { slug: 'a', title: 'ع', body: 'ن', sectionId: s, authorId: u, updatedAt: NOW });
      const statuses: CommentStatus[] = ['pending', 'pending', 'pending', 'approved', 'approved', 'spam'];
      statuses.forEach((status, i) =>
        insertComment(own, { articleId: a, parentId: null, depth: 0, authorName: 'ق', authorEmail: `r${i}@example.com`, body: `ت${i}`, bodyHash: hashBody(`ت${i}`), status, ipHash: 'h', createdAt: NOW }),
      );
      expect(countByCommentStatus(own)).toEqual({ pending: 3, approved: 2, spam: 1, trash: 0 });
    } finally {
      done();
    }
  });
});

describe('listForModeration', () => {
  it('lists one status, newest first, with the article title and slug', () => {
    const first = newArticle('المقال الأول');
    const second = newArticle('المقال الثاني');
    const old = add(first, { status: 'spam', createdAt: NOW - 2000, body: 'رسالة مزعجة قديمة', authorName: 'مرسل', authorUrl: 'https://spam.example/' });
    const recent = add(second, { status: 'spam', createdAt: NOW - 1000, body: 'رسالة مزعجة حديثة' });
    add(first, { status: 'pending', createdAt: NOW - 1500 });
    const spam = listForModeration(db, 'spam', { limit: 10, offset: 0 });
    expect(spam.map((c) => c.id)).toEqual([recent, old]);
    expect(spam[1]).toEqual({
      id: old,
      articleId: first,
      articleTitle: 'المقال الأول',
      articleSlug: `article-${articleCount - 1}`,
      parentId: null,
      depth: 0,
      authorName: 'مرسل',
      authorEmail: expect.stringMatching(/@example\.com$/),
      authorUrl: 'https://spam.example/',
      body: 'رسالة مزعجة قديمة',
      status: 'spam',
      createdAt: NOW - 2000,
      isStaff: false,
    });
    expect(spam[0]).toMatchObject({ articleTitle: 'المقال الثاني', articleId: second });
  });

  it('breaks ties on time by the newest id and paginates', () => {
    const a = newArticle();
    const ids = [1, 2, 3, 4].map((i) => add(a, { status: 'trash', createdAt: NOW + 10_000, body: `سلة ${i}` }));
    const all = listForModeration(db, 'trash', { limit: 10, offset: 0 }).map((c) => c.id);
    expect(all).toEqual([...ids].reverse());
    expect(listForModeration(db, 'trash', { limit: 2, offset: 1 }).map((c) => c.id)).toEqual([ids[2], ids[1]]);
  });

  it('marks staff replies and shows reply structure', () => {
    const a = newArticle();
    const parent = add(a, { status: 'approved', createdAt: NOW + 20_000 });
    const reply = add(a, { status: 'approved', parentId: parent, depth: 1, userId: authorId, authorName: 'هيئة التحرير', createdAt: NOW + 20_001 });
    const [top, second] = listForModeration(db, 'approved', { limit: 2, offset: 0 });
    expect(top).toMatchObject({ id: reply, parentId: parent, depth: 1, isStaff: true });
    expect(second).toMatchObject({ id: parent, parentId: null, isStaff: false });
  });
});

describe('setStatuses', () => {
  it('returns the changed comments and their distinct articles', () => {
    const a = newArticle();
    const b = newArticle();
    const ids = [add(a), add(a), add(b)];
    const { commentIds, articleIds } = setStatuses(db, [...ids, 999_999], 'spam');
    expect([...commentIds].sort((x, y) => x - y)).toEqual(ids);
    expect([...articleIds].sort((x, y) => x - y)).toEqual([a, b]);
    expect(ids.map((id) => row(id)?.status)).toEqual(['spam', 'spam', 'spam']);
  });

  it('sets approvedAt when approving, and clears it for any other status', () => {
    const a = newArticle();
    const id = add(a);
    expect(row(id)?.approved_at).toBe(null);
    const before = Date.now();
    setStatuses(db, [id], 'approved');
    const approvedAt = row(id)?.approved_at as number;
    expect(approvedAt).toBeGreaterThanOrEqual(before);
    expect(approvedAt).toBeLessThanOrEqual(Date.now());
    for (const status of ['pending', 'spam', 'trash'] as const) {
      setStatuses(db, [id], 'approved');
      setStatuses(db, [id], status);
      expect(row(id)).toMatchObject({ status, approved_at: null });
    }
  });

  it('changes only the given comments', () => {
    const a = newArticle();
    const [x, y, z] = [add(a), add(a), add(a)];
    setStatuses(db, [x, z], 'trash');
    expect([x, y, z].map((id) => row(id)?.status)).toEqual(['trash', 'pending', 'trash']);
  });

  it('does nothing and returns no article for no ids or unknown ids', () => {
    expect(setStatuses(db, [], 'approved')).toEqual({ commentIds: [], articleIds: [] });
    expect(setStatuses(db, [999_999], 'approved')).toEqual({ commentIds: [], articleIds: [] });
  });
});

describe('deleteComments', () => {
  it('deletes for good and moves the direct replies up (parent_id null), keeping deeper ones', () => {
    const a = newArticle();
    const parent = add(a, { status: 'approved' });
    const reply = add(a, { status: 'approved', parentId: parent, depth: 1 });
    const nested = add(a, { status: 'approved', parentId: reply, depth: 2 });
    const other = add(a, { status: 'approved' });
    expect(deleteComments(db, [parent])).toEqual({ commentIds: [parent], articleIds: [a] });
    expect(row(parent)).toBeUndefined();
    expect(row(reply)).toMatchObject({ parent_id: null, status: 'approved' });
    expect(row(nested)).toMatchObject({ parent_id: reply });
    expect(row(other)).toBeDefined();
  });

  it('returns the distinct articles of several deleted comments', () => {
    const a = newArticle();
    const b = newArticle();
    const ids = [add(a), add(a), add(b)];
    expect([...deleteComments(db, ids).articleIds].sort((x, y) => x - y)).toEqual([a, b]);
    expect(ids.map((id) => row(id))).toEqual([undefined, undefined, undefined]);
    expect(deleteComments(db, [])).toEqual({ commentIds: [], articleIds: [] });
    expect(deleteComments(db, [999_999])).toEqual({ commentIds: [], articleIds: [] });
  });
});

describe('editComment', () => {
  it('changes name, URL and body and returns the article and status', () => {
    const a = newArticle();
    const id = add(a, { status: 'approved', authorName: 'قبل', authorUrl: 'https://before.example/', body: 'نص قديم' });
    const result = editComment(db, id, { authorName: 'بعد', authorUrl: null, body: 'نص مصحح', bodyHash: hashBody('نص مصحح') });
    expect(result).toEqual({ articleId: a, status: 'approved' });
    expect(row(id)).toMatchObject({ author_name: 'بعد', author_url: null, body: 'نص مصحح', body_hash: hashBody('نص مصحح'), status: 'approved', article_id: a });
    expect(getCommentForModeration(db, id)).toMatchObject({ id, authorName: 'بعد', body: 'نص مصحح' });
  });

  it('returns undefined for an unknown comment', () => {
    expect(editComment(db, 999_999, { authorName: 'x', authorUrl: null, body: 'y', bodyHash: hashBody('y') })).toBeUndefined();
    expect(getCommentForModeration(db, 999_999)).toBeUndefined();
  });
});
