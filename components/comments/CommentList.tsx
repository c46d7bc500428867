import { Time } from '../Time';
import type { PublicComment } from '@/db/queries/comments';
import { arabicContent } from '@/lib/content-lang';
import { avatarColor, buildThreads, initials, type Thread } from '@/lib/comment-threads';
import type { UiLocale } from '@/lib/format';

type Labels = { reply: string; replyLabel: (name: string) => string; staff: string; permalink: string };

function Avatar({ name }: { name: string }) {
  return (
    <span
      aria-hidden="true"
      className="inline-flex size-10 shrink-0 items-center justify-center rounded-full text-sm font-bold text-white"
      style={{ backgroundColor: avatarColor(name) }}
    >
      {initials(name)}
    </span>
  );
}

function CommentItem({ comment, locale, replyHref, labels }: { comment: Thread<PublicComment>; locale: UiLocale; replyHref: (id: number) => string; labels: Labels }) {
  const name = comment.authorUrl ? (
    <a href={comment.authorUrl} rel="nofollow ugc noopener" className="font-bold text-brand hover:underline">
      <bdi>{comment.authorName}</bdi>
    </a>
  ) : (
    <bdi className="font-bold">{comment.authorName}</bdi>
  );
  return (
    <li>
      <article id={`comment-${comment.id}`} className="flex gap-3 border-b border-line py-4" aria-labelledby={`comment-${comment.id}-author`}>
        <Avatar name={comment.authorName} />
        <div className="min-w-0 flex-1">
          <p id={`comment-${comment.id}-author`} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 wrap-anywhere" {...arabicContent(locale)}>
            {name}
            {comment.isStaff && <span className="rounded bg-night px-2 text-xs text-white">{labels.staff}</span>}
            <a href={`#comment-${comment.id}`} className="text-sm text-muted hover:underline" title={labels.permalink}>
              <Time value={comment.createdAt} locale={locale} withTime />
            </a>
          </p>
          <p className="mt-2 break-words whitespace-pre-line" {...arabicContent(locale)}>
            {comment.body}
          </p>
          <a
            href={replyHref(comment.id)}
            data-reply-to={comment.id}
            data-reply-name={comment.authorName}
            aria-label={labels.replyLabel(comment.authorName)}
            className="mt-2 inline-flex min-h-11 min-w-11 items-center text-sm font-bold text-brand hover:underline"
          >
            {labels.reply}
          </a>
        </div>
      </article>
      {comment.replies.length > 0 && (
        <ol className="ms-6 border-s-2 border-line ps-4 sm:ms-10">
          {comment.replies.map((reply) => (
            <CommentItem key={reply.id} comment={reply} locale={locale} replyHref={replyHref} labels={labels} />
          ))}
        </ol>
      )}
    </li>
  );
}

/** Approved comments as threads; text only (HTML in a comment shows as typed), line breaks kept. */
export function CommentList({ comments, locale, replyHref, labels }: { comments: PublicComment[]; locale: UiLocale; replyHref: (id: number) => string; labels: Labels }) {
  return (
    <ol className="mt-4">
      {buildThreads(comments).map((comment) => (
        <CommentItem key={comment.id} comment={comment} locale={locale} replyHref={replyHref} labels={labels} />
      ))}
    </ol>
  );
}
