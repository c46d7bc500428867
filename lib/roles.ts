import type { ArticleStatus, UserRole } from '@/db/schema';

// Who may do what. Every admin page and every server action asks these before touching data.

export type Staff = { id: number; role: UserRole };

const rank: Record<UserRole, number> = { author: 1, editor: 2, admin: 3 };

export function atLeast(staff: Staff, role: UserRole): boolean {
  return rank[staff.role] >= rank[role];
}

export type Permission =
  | 'writeArticles' | 'publish' | 'moderateComments' | 'manageTags' | 'manageSections' | 'manageStaff' | 'readAudit';

const required: Record<Permission, UserRole> = {
  writeArticles: 'author',
  publish: 'editor',
  moderateComments: 'editor',
  manageTags: 'editor',
  manageSections: 'admin',
  manageStaff: 'admin',
  readAudit: 'admin',
};

export function can(staff: Staff, permission: Permission): boolean {
  return atLeast(staff, required[permission]);
}

/** Authors edit their own drafts (and what they sent for review); editors and admins edit anything. */
export function canEditArticle(staff: Staff, article: { authorId: number; status: ArticleStatus }): boolean {
  if (atLeast(staff, 'editor')) return true;
  return article.authorId === staff.id && (article.status === 'draft' || article.status === 'review');
}
