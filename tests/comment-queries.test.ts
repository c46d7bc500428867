import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { createArticle } from '@/db/queries/articles';
import {
  countComments,
  getCommentTarget,
  getReplyParent,
  hasApprovedComment,
  insertComment,
  lastCommentAt,
  listApprovedComments,
  listPendingByIds,
  setCommentStatus,
} from '@/db/queries/comments';
import { createSection } from '@/db/queries/sections';
import { createUser } from '@/db/queries/users';
import type { NewComment } from '@/db/schema';
import { hashBody } from '@/lib/signing';
import { createTestDb } from './helpers/db';

const NOW = Date.UTC(2024, 3, 22, 12, 0);
const SEC = 1000;

let db: Db;
let cleanup: () => void;
let sectionId = 0;
let authorId = 0;
let articleCount = 0;

function newArticle(values: { status?: 'draft' | 'published'; publishedAt?: number | null; commentsOpen?: boolean } = {}): number {
  articleCount++;
  return createArticle(db, {
    slug: `article-${articleCount}`,
    title: `مقال ${articleCount}`,
    body: 'نص المقال',
    sectionId,
    authorId,
    status: values.status ?? 'published',
    publishedAt: values.publishedAt === undefined ? NOW - 3_600_000 : values.publishedAt,
    updatedAt: NOW,
    ...(values.commentsOpen === undefined ? {} : { commentsOpen: values.commentsOpen }),
  });
}

type CommentValues = Omit<NewComment, 'parentKey'>;

function comment(articleId: number, patch: Partial<CommentValues> = {}): CommentValues {
  const body = patch.body ?? 'تعليق عادي';
  return {
    articleId,
    parentId: null,
    depth: 0,
    authorName: 'قارئ',
    authorEmail: 'reader@example.com',
    authorUrl: null,
    body,
    bodyHash: hashBody(body),
    status: 'pending',
    ipHash: 'iphash-default',
    createdAt: NOW,
    ...patch,
  };
}

function add(articleId: number, patch: Partial<CommentValues> = {}): number {
  const result = insertComment(db, comment(articleId, patch));
  if (!result.ok) throw new Error(`unexpected ${result.reason}`);
  return result.id;
}

function row(id: number): Record<string, unknown> | undefined {
  return db.$client.prepare('select * from comments where id = ?').get(id) as Record<string, unknown> | undefined;
}

beforeAll(() => {
  ({ db, cleanup } = createTestDb());
  sectionId = createSection(db, { slug: 'international', name: 'أخبار دولية', position: 0 }).id;
  authorId = createUser(db, { email: 'newsroom@example.com', displayName: 'هيئة التحرير', slug: 'newsroom' }).id;
});

afterAll(() => cleanup());

describe('insertComment', () => {
  it('stores the comment and returns its id', () => {
    const articleId = newArticle();
    const result = insertComment(
      db,
      comment(articleId, {
        authorName: 'سعاد',
        authorEmail: 'souad@example.com',
        authorUrl: 'https://souad.example.com/',
        body: 'تعليق أول',
        bodyHash: hashBody('تعليق أول'),
        ipHash: 'abc123',
        userAgent: 'Mozilla/5.0',
        createdAt: NOW + 5,
      }),
    );
    expect(result).toEqual({ ok: true, id: expect.any(Number) });
    const id = (result as { id: number }).id;
    expect(row(id)).toMatchObject({
      id,
      article_id: articleId,
      parent_id: null,
      parent_key: 0,
      depth: 0,
      author_name: 'سعاد',
      author_email: 'souad@example.com',
      author_url: 'https://souad.example.com/',
      user_id: null,
      body: 'تعليق أول',
      body_hash: hashBody('تعليق أول'),
      status: 'pending',
      ip_hash: 'abc123',
      user_agent: 'Mozilla/5.0',
      created_at: NOW + 5,
      approved_at: null,
    });
  });

  it('gives successive comments increasing ids', () => {
    const articleId = newArticle();
    const a = add(articleId, { body: 'واحد' });
    const b = add(articleId, { body: 'اثنان' });
    expect(b).toBeGreaterThan(a);
  });

  it('stores the parent as parent_key for a reply and sets approvedAt for an approved comment', () => {
    const articleId = newArticle();
    const parent = add(articleId, { status: 'approved' });
    const before = Date.now();
    const reply = add(articleId, { parentId: parent, depth: 1, body: 'رد', status: 'approved' });
    const after = Date.now();
    expect(row(reply)).toMatchObject({ parent_id: parent, parent_key: parent, depth: 1, status: 'approved' });
    const approvedAt = row(reply)!.approved_at as number;
    expect(approvedAt).toBeGreaterThanOrEqual(before);
    expect(approvedAt).toBeLessThanOrEqual(after);
  });

  it('refuses a second identical top-level comment as a duplicate; exactly one row exists', () => {
    const articleId = newArticle();
    const values = comment(articleId, { authorEmail: 'dup@example.com', body: 'نفس النص' });
    expect(insertComment(db, values)).toMatchObject({ ok: true });
    expect(insertComment(db, { ...values, createdAt: NOW + 60_000, ipHash: 'other-ip', authorName: 'اسم آخر' })).toEqual({
      ok: false,
      reason: 'duplicate',
    });
    expect(countComments(db, { articleId })).toBe(1);
  });

  it('refuses an identical reply under the same parent', () => {
    const articleId = newArticle();
    const parent = add(articleId, { status: 'approved', authorEmail: 'p@example.com' });
    const values = comment(articleId, { parentId: parent, depth: 1, authorEmail: 'dup2@example.com', body: 'رد مكرر' });
    expect(insertComment(db, values).ok).toBe(true);
    expect(insertComment(db, values)).toEqual({ ok: false, reason: 'duplicate' });
    expect(countComments(db, { articleId })).toBe(2);
  });

  it('is a duplicate whatever the status of the first copy', () => {
    const articleId = newArticle();
    add(articleId, { status: 'spam', body: 'مزعج' });
    expect(insertComment(db, comment(articleId, { status: 'pending', body: 'مزعج' }))).toEqual({ ok: false, reason: 'duplicate' });
  });

  it('is not a duplicate under a different parent, article, email or text', () => {
    const articleId = newArticle();
    const otherArticle = newArticle();
    const p1 = add(articleId, { status: 'approved', authorEmail: 'p1@example.com' });
    const p2 = add(articleId, { status: 'approved', authorEmail: 'p2@example.com' });
    const base = comment(articleId, { authorEmail: 'same@example.com', body: 'النص نفسه' });
    expect(insertComment(db, base).ok).toBe(true);
    expect(insertComment(db, { ...base, parentId: p1, depth: 1 }).ok).toBe(true);
    expect(insertComment(db, { ...base, parentId: p2, depth: 1 }).ok).toBe(true);
    expect(insertComment(db, { ...base, articleId: otherArticle }).ok).toBe(true);
    expect(insertComment(db, { ...base, authorEmail: 'else@example.com' }).ok).toBe(true);
    expect(insertComment(db, { ...base, body: 'نص آخر', bodyHash: hashBody('نص آخر') }).ok).toBe(true);
    expect(countComments(db, { articleId })).toBe(2 + 5);
  });

  it('rethrows errors other than the duplicate rule', () => {
    expect(() => insertComment(db, comment(999_999))).toThrow();
  });
});

describe('getCommentTarget', () => {
  it('returns what the form needs to know about a published article', () => {
    const id = newArticle({ publishedAt: NOW - 1000 });
    expect(getCommentTarget(db, id)).toEqual({ id, status: 'published', publishedAt: NOW - 1000, commentsOpen: true, sectionId, authorId });
  });

  it('reports drafts and the closed switch', () => {
    const draft = newArticle({ status: 'draft', publishedAt: null });
    const closed = newArticle({ commentsOpen: false });
    expect(getCommentTarget(db, draft)).toMatchObject({ status: 'draft', publishedAt: null, commentsOpen: true });
    expect(getCommentTarget(db, closed)).toMatchObject({ status: 'published', commentsOpen: false });
  });

  it('returns undefined for an unknown article', () => {
    expect(getCommentTarget(db, 987_654)).toBeUndefined();
  });
});

describe('getReplyParent', () => {
  let articleId = 0;
  let otherArticle = 0;
  const ids = { approved: 0, reply: 0, pending: 0, spam: 0, otherApproved: 0 };

  beforeAll(() => {
    articleId = newArticle();
    otherArticle = newArticle();
    ids.approved = add(articleId, { status: 'approved', authorName: 'كريم', body: 'أصل' });
    ids.reply = add(articleId, { status: 'approved', parentId: ids.approved, depth: 1, authorName: 'ليلى', body: 'رد' });
    ids.pending = add(articleId, { status: 'pending', body: 'معلق' });
    ids.spam = add(articleId, { status: 'spam', body: 'مزعج' });
    ids.otherApproved = add(otherArticle, { status: 'approved', body: 'في مقال آخر' });
  });

  it('returns an approved comment of the same article', () => {
    expect(getReplyParent(db, articleId, ids.approved)).toEqual({ id: ids.approved, depth: 0, parentId: null, authorName: 'كريم' });
    expect(getReplyParent(db, articleId, ids.reply)).toEqual({ id: ids.reply, depth: 1, parentId: ids.approved, authorName: 'ليلى' });
  });

  it('refuses pending and spam comments', () => {
    expect(getReplyParent(db, articleId, ids.pending)).toBeUndefined();
    expect(getReplyParent(db, articleId, ids.spam)).toBeUndefined();
  });

  it('refuses a comment of another article and unknown ids', () => {
    expect(getReplyParent(db, articleId, ids.otherApproved)).toBeUndefined();
    expect(getReplyParent(db, otherArticle, ids.otherApproved)).toMatchObject({ id: ids.otherApproved });
    expect(getReplyParent(db, articleId, 555_555)).toBeUndefined();
  });
});

describe('lastCommentAt', () => {
  const T = NOW + 10 * 60_000;
  let articleId = 0;

  beforeAll(() => {
    articleId = newArticle();
    add(articleId, { ipHash: 'ip-flood', authorEmail: 'flood@example.com', createdAt: T - 5 * SEC, body: 'أ' });
    add(articleId, { ipHash: 'ip-flood', authorEmail: 'flood@example.com', createdAt: T, body: 'ب' });
    add(articleId, { ipHash: 'ip-flood', authorEmail: 'flood@example.com', createdAt: T - 10 * SEC, body: 'ج' });
  });

  it('finds the newest comment from the same IP hash', () => {
    expect(lastCommentAt(db, { ipHash: 'ip-flood', email: 'someone-else@example.com' }, T - 15 * SEC)).toBe(T);
  });

  it('finds the newest comment from the same email, from another address', () => {
    expect(lastCommentAt(db, { ipHash: 'ip-new', email: 'flood@example.com' }, T - 15 * SEC)).toBe(T);
  });

  it('ignores other senders', () => {
    expect(lastCommentAt(db, { ipHash: 'ip-new', email: 'new@example.com' }, 0)).toBeUndefined();
  });

  it('only looks inside the window (since is inclusive)', () => {
    expect(lastCommentAt(db, { ipHash: 'ip-flood', email: 'x@example.com' }, T)).toBe(T);
    expect(lastCommentAt(db, { ipHash: 'ip-flood', email: 'x@example.com' }, T + 1)).toBeUndefined();
  });
});

describe('hasApprovedComment', () => {
  beforeAll(() => {
    const articleId = newArticle();
    add(articleId, { authorEmail: 'trusted@example.com', status: 'approved', body: 'مقبول' });
    add(articleId, { authorEmail: 'waiting@example.com', status: 'pending', body: 'معلق' });
    add(articleId, { authorEmail: 'spammer@example.com', status: 'spam', body: 'مزعج' });
  });

  it('is true only for an email with an approved comment', () => {
    expect(hasApprovedComment(db, 'trusted@example.com')).toBe(true);
    expect(hasApprovedComment(db, 'waiting@example.com')).toBe(false);
    expect(hasApprovedComment(db, 'spammer@example.com')).toBe(false);
    expect(hasApprovedComment(db, 'nobody@example.com')).toBe(false);
  });
});

describe('listApprovedComments', () => {
  let articleId = 0;
  const ids = { second: 0, first: 0, staff: 0, third: 0, pending: 0, spam: 0 };

  beforeAll(() => {
    articleId = newArticle();
    const other = newArticle();
    ids.second = add(articleId, { status: 'approved', createdAt: NOW + 2 * SEC, authorEmail: 'secret-a@example.com', ipHash: 'iphash-secret-a', body: 'الثاني' });
    ids.first = add(articleId, { status: 'approved', createdAt: NOW + 1 * SEC, authorEmail: 'secret-b@example.com', ipHash: 'iphash-secret-b', body: 'الأول', authorUrl: 'https://b.example.com/' });
    ids.staff = add(articleId, { status: 'approved', createdAt: NOW + 3 * SEC, userId: authorId, authorName: 'هيئة التحرير', body: 'رد التحرير', parentId: ids.first, depth: 1 });
    ids.third = add(articleId, { status: 'approved', createdAt: NOW + 3 * SEC, body: 'الثالث، بنفس التوقيت' });
    ids.pending = add(articleId, { status: 'pending', createdAt: NOW, body: 'معلق' });
    ids.spam = add(articleId, { status: 'spam', createdAt: NOW, body: 'مزعج' });
    add(other, { status: 'approved', createdAt: NOW, body: 'مقال آخر' });
  });

  it('lists only approved comments of the article, oldest first (id breaks ties)', () => {
    expect(listApprovedComments(db, articleId).map((c) => c.id)).toEqual([ids.first, ids.second, ids.staff, ids.third]);
  });

  it('returns exactly the public fields: no email, no IP hash', () => {
    const list = listApprovedComments(db, articleId);
    for (const c of list) {
      expect(Object.keys(c).sort()).toEqual(['authorName', 'authorUrl', 'body', 'createdAt', 'depth', 'id', 'isStaff', 'parentId']);
    }
    const json = JSON.stringify(list);
    expect(json).not.toContain('@example.com');
    expect(json).not.toContain('iphash-');
  });

  it('returns the values, with isStaff true only for staff comments', () => {
    const [first, , staff, third] = listApprovedComments(db, articleId);
    expect(first).toEqual({
      id: ids.first,
      parentId: null,
      depth: 0,
      authorName: 'قارئ',
      authorUrl: 'https://b.example.com/',
      body: 'الأول',
      createdAt: NOW + SEC,
      isStaff: false,
    });
    expect(staff).toMatchObject({ id: ids.staff, parentId: ids.first, depth: 1, isStaff: true });
    expect(third!.isStaff).toBe(false);
  });

  it('returns [] for an article without approved comments', () => {
    expect(listApprovedComments(db, newArticle())).toEqual([]);
  });
});

describe('listPendingByIds', () => {
  let articleId = 0;
  const ids = { pendingA: 0, pendingB: 0, approved: 0, spam: 0, otherPending: 0 };

  beforeAll(() => {
    articleId = newArticle();
    const other = newArticle();
    ids.pendingB = add(articleId, { status: 'pending', createdAt: NOW + 2 * SEC, body: 'معلق ب', authorEmail: 'hidden@example.com' });
    ids.pendingA = add(articleId, { status: 'pending', createdAt: NOW + 1 * SEC, body: 'معلق أ' });
    ids.approved = add(articleId, { status: 'approved', body: 'مقبول' });
    ids.spam = add(articleId, { status: 'spam', body: 'مزعج' });
    ids.otherPending = add(other, { status: 'pending', body: 'معلق في مقال آخر' });
  });

  it('returns only the pending comments of this article among the ids, oldest first', () => {
    const list = listPendingByIds(db, articleId, [ids.pendingB, ids.approved, ids.spam, ids.otherPending, 424_242, ids.pendingA]);
    expect(list.map((c) => c.id)).toEqual([ids.pendingA, ids.pendingB]);
    expect(list[1]).toMatchObject({ body: 'معلق ب', isStaff: false });
    expect(JSON.stringify(list)).not.toContain('hidden@example.com');
    expect(Object.keys(list[0]!).sort()).toEqual(['authorName', 'authorUrl', 'body', 'createdAt', 'depth', 'id', 'isStaff', 'parentId']);
  });

  it('returns only the ids asked for', () => {
    expect(listPendingByIds(db, articleId, [ids.pendingA]).map((c) => c.id)).toEqual([ids.pendingA]);
  });

  it('returns [] for no ids', () => {
    expect(listPendingByIds(db, articleId, [])).toEqual([]);
  });
});

describe('setCommentStatus', () => {
  it('approves: sets approvedAt and returns the article', () => {
    const articleId = newArticle();
    const id = add(articleId, { status: 'pending' });
    const before = Date.now();
    expect(setCommentStatus(db, id, 'approved')).toEqual({ articleId });
    const after = Date.now();
    const r = row(id)!;
    expect(r.status).toBe('approved');
    expect(r.approved_at as number).toBeGreaterThanOrEqual(before);
    expect(r.approved_at as number).toBeLessThanOrEqual(after);
  });

  it('unapproving or marking spam clears approvedAt', () => {
    const articleId = newArticle();
    const a = add(articleId, { status: 'approved', body: 'أ' });
    const b = add(articleId, { status: 'approved', body: 'ب' });
    expect(row(a)!.approved_at).not.toBeNull();
    expect(setCommentStatus(db, a, 'pending')).toEqual({ articleId });
    expect(setCommentStatus(db, b, 'spam')).toEqual({ articleId });
    expect(row(a)).toMatchObject({ status: 'pending', approved_at: null });
    expect(row(b)).toMatchObject({ status: 'spam', approved_at: null });
  });

  it('returns undefined for an unknown id and changes nothing', () => {
    const total = countComments(db);
    expect(setCommentStatus(db, 777_777, 'approved')).toBeUndefined();
    expect(countComments(db)).toBe(total);
  });

  it('approved comments become visible and trusted', () => {
    const articleId = newArticle();
    const id = add(articleId, { status: 'pending', authorEmail: 'late@example.com' });
    expect(listApprovedComments(db, articleId)).toEqual([]);
    expect(hasApprovedComment(db, 'late@example.com')).toBe(false);
    setCommentStatus(db, id, 'approved');
    expect(listApprovedComments(db, articleId).map((c) => c.id)).toEqual([id]);
    expect(hasApprovedComment(db, 'late@example.com')).toBe(true);
  });
});

describe('countComments', () => {
  it('counts all, by article, by status and by both', () => {
    const { db: fresh, cleanup: done } = createTestDb();
    try {
      const s = createSection(fresh, { slug: 's', name: 'قسم', position: 0 }).id;
      const u = createUser(fresh, { email: 'a@example.com', displayName: 'أ', slug: 'a' }).id;
      const art = (n: number) =>
        createArticle(fresh, { slug: `c${n}`, title: `م${n}`, body: 'ن', sectionId: s, authorId: u, status: 'published', publishedAt: NOW, updatedAt: NOW });
      const a1 = art(1);
      const a2 = art(2);
      const put = (articleId: number, status: 'approved' | 'pending' | 'spam', body: string) =>
        expect(insertComment(fresh, comment(articleId, { status, body, bodyHash: hashBody(body) })).ok).toBe(true);
      expect(countComments(fresh)).toBe(0);
      put(a1, 'approved', '1');
      put(a1, 'approved', '2');
      put(a1, 'pending', '3');
      put(a1, 'spam', '4');
      put(a2, 'approved', '5');
      put(a2, 'pending', '6');
      expect(countComments(fresh)).toBe(6);
      expect(countComments(fresh, {})).toBe(6);
      expect(countComments(fresh, { articleId: a1 })).toBe(4);
      expect(countComments(fresh, { articleId: a2 })).toBe(2);
      expect(countComments(fresh, { status: 'approved' })).toBe(3);
      expect(countComments(fresh, { status: 'spam' })).toBe(1);
      expect(countComments(fresh, { articleId: a1, status: 'approved' })).toBe(2);
      expect(countComments(fresh, { articleId: a2, status: 'spam' })).toBe(0);
      expect(countComments(fresh, { articleId: 999 })).toBe(0);
    } finally {
      done();
    }
  });
});
