import { countLinks } from './comment-text';

// What happens to a valid comment: WordPress's rules, without any third-party service.

export type Verdict = 'approved' | 'pending' | 'spam';

/** Case-insensitive match, Latin and Arabic alike, ignoring harakat, tatweel and zero-width characters. */
function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\u064B-\u065F\u0670\u0640\u200B-\u200F\u2060\uFEFF]/g, '');
}

export function matchesAny(text: string, words: readonly string[]): boolean {
  const haystack = fold(text);
  return words.some((w) => {
    const needle = fold(w.trim());
    return needle.length > 0 && haystack.includes(needle);
  });
}

export type RuleInput = { name: string; email: string; website: string | null; body: string; ip: string };
export type RuleLists = { moderationWords: readonly string[]; blockList: readonly string[] };

/**
 * Block list → spam. Two or more links, or a moderation word → held. Otherwise an email that already
 * has an approved comment is trusted, and everyone else is held for a first review.
 */
export function classifyComment(input: RuleInput, lists: RuleLists, emailHasApprovedComment: boolean): Verdict {
  const everything = [input.name, input.email, input.website ?? '', input.body, input.ip].join('\n');
  if (matchesAny(everything, lists.blockList)) return 'spam';
  if (countLinks(input.body) >= 2 || matchesAny(everything, lists.moderationWords)) return 'pending';
  return emailHasApprovedComment ? 'approved' : 'pending';
}

export const MAX_DEPTH = 2;

/** Threads go three levels deep: a reply to a third-level comment joins that comment's level. */
export function threadPlacement(parent: { id: number; depth: number; parentId: number | null }): { parentId: number; depth: number } {
  if (parent.depth >= MAX_DEPTH && parent.parentId !== null) return { parentId: parent.parentId, depth: MAX_DEPTH };
  return { parentId: parent.id, depth: Math.min(parent.depth + 1, MAX_DEPTH) };
}

/** Whether a second comment now comes too soon after the last one from the same sender. */
export function isFlood(lastAt: number | undefined, now: number, windowSeconds: number): boolean {
  return lastAt !== undefined && now - lastAt < windowSeconds * 1000;
}

/** Comments are open on a published, visible article with its switch on, until the thread closes. */
export function commentsAreOpen(
  article: { status: string; publishedAt: number | null; commentsOpen: boolean } | undefined,
  now: number,
  closeAfterDays: number,
): boolean {
  if (!article || article.status !== 'published' || article.publishedAt === null || article.publishedAt > now) return false;
  if (!article.commentsOpen) return false;
  return closeAfterDays <= 0 || now - article.publishedAt < closeAfterDays * 86_400_000;
}
