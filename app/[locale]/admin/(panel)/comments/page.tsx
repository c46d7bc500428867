import { getTranslations, setRequestLocale } from 'next-intl/server';
import { editCommentAction, moderateAction, staffReplyAction } from './actions';
import { ActionForm } from '@/components/admin/ActionForm';
import { Forbidden } from '@/components/admin/AdminShell';
import { Pagination } from '@/components/Pagination';
import { Time } from '@/components/Time';
import { getDb } from '@/db/client';
import { countByCommentStatus, listForModeration } from '@/db/queries/comment-admin';
import { type CommentStatus, commentStatuses } from '@/db/schema';
import { localized } from '@/i18n/navigation';
import { requireStaff } from '@/lib/auth';
import type { UiLocale } from '@/lib/format';
import { pageCount, parsePageNumber } from '@/lib/paging';
import { articlePath } from '@/lib/paths';
import { can } from '@/lib/roles';

const PAGE_SIZE = 25;

export default async function CommentsQueue({ params, searchParams }: { params: Promise<{ locale: UiLocale }>; searchParams: Promise<{ status?: string; page?: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const staff = await requireStaff(locale);
  if (!can(staff, 'moderateComments')) return <Forbidden locale={locale} />;
  const t = await getTranslations({ locale, namespace: 'Admin' });
  const tc = await getTranslations({ locale, namespace: 'Comments' });
  const tp = await getTranslations({ locale, namespace: 'Section' });
  const search = await searchParams;
  const status: CommentStatus = (commentStatuses as readonly string[]).includes(search.status ?? '') ? (search.status as CommentStatus) : 'pending';
  const page = parsePageNumber(search.page) ?? 1;
  const db = getDb();
  const counts = countByCommentStatus(db);
  const rows = listForModeration(db, status, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const tabHref = (s: CommentStatus, p = 1) => localized(locale, `/admin/comments?status=${s}${p > 1 ? `&page=${p}` : ''}`);
  const ops: Record<CommentStatus, string[]> = {
    pending: ['approve', 'spam', 'trash'],
    approved: ['unapprove', 'spam', 'trash'],
    spam: ['restore', 'delete'],
    trash: ['restore', 'delete'],
  };
  const small = 'min-h-11 rounded border border-line px-3 text-sm hover:border-brand';
  const field = 'mt-1 block w-full rounded border border-line px-3 py-2';
  const hidden = <input type="hidden" name="locale" value={locale} />;

  return (
    <>
      <h1 className="text-2xl font-bold">{t('comments.title')}</h1>
      <nav aria-label={t('comments.tabs')} className="mt-4">
        <ul className="flex flex-wrap gap-2">
          {commentStatuses.map((s) => (
            <li key={s}>
              <a href={tabHref(s)} aria-current={s === status ? 'page' : undefined} className="inline-flex min-h-11 items-center rounded border border-line bg-white px-3 aria-[current=page]:border-brand aria-[current=page]:font-bold">
                {t(`comments.status.${s}`)} ({counts[s]})
              </a>
            </li>
          ))}
        </ul>
      </nav>

      {rows.length === 0 ? (
        <p className="mt-6 rounded bg-white p-4">{t('comments.empty')}</p>
      ) : (
        <>
          <ActionForm id="bulk" action={moderateAction} submit={t('comments.apply')} pending="…" className="mt-4 flex flex-wrap items-end gap-2 rounded bg-white p-3">
            {hidden}
            <label className="block">
              {t('comments.bulk')}
              <select name="operation" className={field}>
                {ops[status].map((op) => (
                  <option key={op} value={op}>
                    {t(`comments.${op === 'delete' ? 'deleteForever' : op}`)}
                  </option>
                ))}
              </select>
            </label>
          </ActionForm>
          <ol className="mt-4 space-y-3">
            {rows.map((c) => (
              <li key={c.id} className="rounded bg-white p-4">
                <div className="flex items-start gap-3">
                  <input type="checkbox" form="bulk" name="ids" value={c.id} aria-label={t('comments.select', { name: c.authorName })} className="mt-1 size-5 shrink-0" />
                  <div className="min-w-0 flex-1">
                    <p className="flex flex-wrap gap-x-3 text-sm">
                      <bdi className="font-bold">{c.authorName}</bdi>
                      <span dir="ltr" className="text-muted">{t('comments.email', { email: c.authorEmail })}</span>
                      {c.authorUrl && <span dir="ltr" className="text-muted">{c.authorUrl}</span>}
                      <Time value={c.createdAt} locale={locale} withTime />
                    </p>
                    <p className="mt-1 text-sm">
                      <a href={localized(locale, articlePath(c.articleId, c.articleSlug))} className="text-brand underline">
                        {t('comments.on', { title: c.articleTitle })}
                      </a>
                    </p>
                    <p className="mt-2 break-words whitespace-pre-line">{c.body}</p>
                    <div className="mt-3 flex flex-wrap gap-2">
                      {ops[status].map((op) => (
                        <button
                          key={op}
                          type="submit"
                          form="bulk"
                          name="single"
                          value={`${c.id}:${op}`}
                          data-confirm={op === 'delete' ? t('confirm') : undefined}
                          aria-label={`${t(`comments.${op === 'delete' ? 'deleteForever' : op}`)}: ${c.authorName}`}
                          className={small}
                        >
                          {t(`comments.${op === 'delete' ? 'deleteForever' : op}`)}
                        </button>
                      ))}
                    </div>
                    <details className="mt-3">
                      <summary className="cursor-pointer text-sm text-brand">{t('comments.editNamed', { name: c.authorName })}</summary>
                      <ActionForm action={editCommentAction} submit={t('comments.save')} pending="…" className="mt-2 space-y-2">
                        {hidden}
                        <input type="hidden" name="id" value={c.id} />
                        <label className="block">
                          {tc('fields.name')}
                          <input name="name" defaultValue={c.authorName} className={field} />
                        </label>
                        <label className="block">
                          {tc('fields.website')}
                          <input name="website" defaultValue={c.authorUrl ?? ''} dir="ltr" className={field} />
                        </label>
                        <label className="block">
                          {tc('fields.body')}
                          <textarea name="body" rows={4} defaultValue={c.body} className={field} />
                        </label>
                      </ActionForm>
                    </details>
                    <details className="mt-2">
                      <summary className="cursor-pointer text-sm text-brand">{t('comments.replyNamed', { name: c.authorName })}</summary>
                      <ActionForm action={staffReplyAction} submit={t('comments.replySend')} pending="…" className="mt-2 space-y-2">
                        {hidden}
                        <input type="hidden" name="parentId" value={c.id} />
                        <label className="block">
                          {t('comments.reply')}
                          <textarea name="body" rows={3} className={field} />
                        </label>
                      </ActionForm>
                    </details>
                  </div>
                </div>
              </li>
            ))}
          </ol>
        </>
      )}
      <Pagination
        current={page}
        last={pageCount(counts[status], PAGE_SIZE)}
        hrefFor={(p) => tabHref(status, p)}
        labels={{ nav: tp('pagination'), previous: tp('previous'), next: tp('next'), page: (p) => tp('page', { page: p }) }}
      />
    </>
  );
}
