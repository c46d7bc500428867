import { revalidateTag } from 'next/cache';
import { cacheTags } from './cache-tags';
import type { Db } from './client';
import { listTagsOf } from './queries/articles';
import { getCommentTarget } from './queries/comments';
import { listSections } from './queries/sections';
import { clearPageCache } from '@/lib/page-cache';
import { ancestorChain } from '@/lib/section-tree';

/**
 * After a write: marks the cached reader data under these tags (see cache-tags.ts) as gone, so the
 * next request renders fresh, and drops the page cache in front of Next. Call from server actions
 * and route handlers only.
 */
export function revalidateReaderTags(tags: string[]): void {
  for (const tag of new Set(tags)) revalidateTag(tag, { expire: 0 });
  clearPageCache();
}

/**
 * After a comment of this article was published, hidden or deleted: its list, and the counts on the
 * cards of the lists that show it (its sections', its tags' and its author's).
 */
export function revalidateComments(db: Db, articleId: number): void {
  const article = getCommentTarget(db, articleId);
  if (!article) return revalidateReaderTags([cacheTags.comments(articleId)]);
  const chain = ancestorChain(listSections(db), article.sectionId);
  revalidateReaderTags([
    cacheTags.comments(articleId),
    ...chain.map((s) => cacheTags.section(s.id)),
    ...listTagsOf(db, articleId).map((tag) => cacheTags.tag(tag.id)),
    cacheTags.author(article.authorId),
  ]);
}

/**
 * After an article was created, edited, published, scheduled, unpublished or trashed: its page,
 * the front page, the fronts of its sections and their ancestors (before and after a move), and
 * its tags' pages (before and after).
 */
export function revalidateArticle(db: Db, articleId: number, sectionIds: number[], tagIds: number[]): void {
  const tree = listSections(db);
  const sectionTags = [...new Set(sectionIds)].flatMap((id) => ancestorChain(tree, id).map((s) => cacheTags.section(s.id)));
  revalidateReaderTags([cacheTags.article(articleId), cacheTags.front, ...sectionTags, ...tagIds.map(cacheTags.tag)]);
}
