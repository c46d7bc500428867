import { describe, expect, it } from 'vitest';
import { type ArticleStatus, articleStatuses, type UserRole } from '@/db/schema';
import { atLeast, can, canEditArticle, type Permission } from '@/lib/roles';

const author = { id: 1, role: 'author' as const };
const otherAuthor = { id: 2, role: 'author' as const };
const editor = { id: 3, role: 'editor' as const };
const admin = { id: 4, role: 'admin' as const };

describe('can', () => {
  // Rows: permission; columns: author, editor, admin.
  const table: [Permission, boolean, boolean, boolean][] = [
    ['writeArticles', true, true, true],
    ['publish', false, true, true],
    ['moderateComments', false, true, true],
    ['manageTags', false, true, true],
    ['manageSections', false, false, true],
    ['manageStaff', false, false, true],
    ['readAudit', false, false, true],
  ];

  it.each(table)('%s: author %s, editor %s, admin %s', (permission, a, e, ad) => {
    expect([can(author, permission), can(editor, permission), can(admin, permission)]).toEqual([a, e, ad]);
  });

  it('does not depend on the staff id', () => {
    expect(can({ id: 999, role: 'author' }, 'publish')).toBe(false);
    expect(can({ id: 0, role: 'admin' }, 'manageStaff')).toBe(true);
  });

  it('refuses an unknown role', () => {
    expect(can({ id: 1, role: 'reader' as UserRole }, 'writeArticles')).toBe(false);
    expect(atLeast({ id: 1, role: 'guest' as UserRole }, 'author')).toBe(false);
  });
});

describe('atLeast', () => {
  it('orders author < editor < admin', () => {
    const roles: UserRole[] = ['author', 'editor', 'admin'];
    const grid = roles.map((r) => roles.map((needed) => atLeast({ id: 1, role: r }, needed)));
    expect(grid).toEqual([
      [true, false, false],
      [true, true, false],
      [true, true, true],
    ]);
  });
});

describe('canEditArticle', () => {
  const own = (status: ArticleStatus) => ({ authorId: author.id, status });
  const others = (status: ArticleStatus) => ({ authorId: otherAuthor.id, status });

  it('lets an author edit their own drafts and articles in review only', () => {
    const allowed = articleStatuses.filter((status) => canEditArticle(author, own(status)));
    expect(allowed).toEqual(['draft', 'review']);
  });

  it("never lets an author edit someone else's article, whatever its status", () => {
    expect(articleStatuses.map((status) => canEditArticle(author, others(status)))).toEqual([false, false, false, false, false]);
  });

  it('lets editors and admins edit every article, their own or not', () => {
    for (const staff of [editor, admin]) {
      for (const status of articleStatuses) {
        expect(canEditArticle(staff, others(status))).toBe(true);
        expect(canEditArticle(staff, { authorId: staff.id, status })).toBe(true);
      }
    }
  });
});
