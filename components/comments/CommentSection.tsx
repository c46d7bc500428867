import { getTranslations } from 'next-intl/server';
import { CommentForm } from './CommentForm';
import { CommentList } from './CommentList';
import type { PublicComment } from '@/db/queries/comments';
import { initialCommentState } from '@/lib/comment-form-state';
import type { CommentErrorKey } from '@/lib/comment-schema';
import type { UiLocale } from '@/lib/format';

type Props = {
  locale: UiLocale;
  articleId: number;
  comments: PublicComment[];
  open: boolean;
  /** Set on a reply page (/reply/<id>): the comment the form answers. */
  replyTo: { id: number; name: string } | null;
  token: string;
  replyHref: (commentId: number) => string;
  articleHref: string;
};

/** The comment area of the sample page: approved comments, then «اترك تعليقاً» and the form. */
export async function CommentSection({ locale, articleId, comments, open, replyTo, token, replyHref, articleHref }: Props) {
  const t = await getTranslations({ locale, namespace: 'Comments' });
  return (
    <section id="comments" aria-labelledby={comments.length ? 'comments-title' : 'reply-title'} className="mt-12 border-t border-line pt-6">
      {comments.length > 0 && (
        <>
          <h2 id="comments-title" className="text-xl font-bold">
            {t('count', { count: comments.length })}
          </h2>
          <CommentList
            comments={comments}
            locale={locale}
            replyHref={replyHref}
            labels={{
              reply: t('reply'),
              replyLabel: (name) => t('replyLabel', { name }),
              staff: t('staff'),
              permalink: t('permalink'),
            }}
          />
        </>
      )}
      {open ? (
        <CommentForm
          articleId={articleId}
          locale={locale}
          initial={initialCommentState(token, replyTo)}
          cancelHref={`${articleHref}#respond`}
          labels={{
            heading: t('heading'),
            notice: t('notice'),
            fields: {
              body: t('fields.body'),
              name: t('fields.name'),
              email: t('fields.email'),
              website: t('fields.website'),
              remember: t('fields.remember'),
              honeypot: t('fields.honeypot'),
            },
            required: t('required'),
            submit: t('submit'),
            sending: t('sending'),
            replyTo: t.raw('replyTo') as string,
            cancelReply: t('cancelReply'),
            awaitingBadge: t('awaitingBadge'),
            errors: t.raw('errors') as Record<CommentErrorKey | 'fixFields', string>,
          }}
        />
      ) : (
        <p id="respond" className="mt-6 rounded bg-wash px-4 py-3 font-bold">
          {t('closed')}
        </p>
      )}
    </section>
  );
}
