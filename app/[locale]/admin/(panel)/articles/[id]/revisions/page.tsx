import { diffWords } from 'diff';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { restoreRevisionAction } from '../../actions';
import { Forbidden } from '@/components/admin/AdminShell';
import { getDb } from '@/db/client';
import { getArticleForEdit, getRevision, listRevisions } from '@/db/queries/article-admin';
import { localized } from '@/i18n/navigation';
import { requireStaff } from '@/lib/auth';
import { formatDateTime, type UiLocale } from '@/lib/format';
import { parseId } from '@/lib/paging';
import { canEditArticle } from '@/lib/roles';

type Props = {
  params: Promise<{ locale: UiLocale; id: string }>;
  searchParams: Promise<{ compare?: string; conflict?: string; refused?: string; missing?: string }>;
};

// jsdiff's own word rule knows Latin letters only; Intl's segmenter finds Arabic words.
const segmenter = new Intl.Segmenter('ar', { granularity: 'word' });

/** Words removed since the old text are struck through; words added are highlighted. */
function Diff({ from, to }: { from: string; to: string }) {
  return (
    <p className="break-words whitespace-pre-wrap">
      {diffWords(from, to, { intlSegmenter: segmenter }).map((part, i) =>
        part.removed ? (
          <del key={i} className="bg-brand/15 text-brand-dark">
            {part.value}
          </del>
        ) : part.added ? (
          <ins key={i} className="bg-green-100 text-green-900 no-underline">
            {part.value}
          </ins>
        ) : (
          <span key={i}>{part.value}</span>
        ),
      )}
    </p>
  );
}

export default async function Revisions({ params, searchParams }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const staff = await requireStaff(locale);
  const db = getDb();
  const articleId = parseId(id);
  const article = articleId ? getArticleForEdit(db, articleId) : undefined;
  if (!article) notFound();
  if (!canEditArticle(staff, article)) return <Forbidden locale={locale} />;
  const t = await getTranslations({ locale, namespace: 'Admin.revisions' });
  const search = await searchParams;
  const revisions = listRevisions(db, article.id);
  const compared = search.compare ? getRevision(db, article.id, Number(search.compare)) : undefined;
  const notice = search.conflict ? t('conflict') : search.refused ? t('refused') : search.missing ? t('missing') : null;

  return (
    <>
      <h1 className="text-2xl font-bold">{t('title', { title: article.title })}</h1>
      {notice && (
        <p role="alert" className="mt-4 rounded bg-brand/10 px-4 py-3 font-bold text-brand-dark">
          {notice}
        </p>
      )}
      {compared && (
        <section aria-labelledby="diff-title" className="mt-6 rounded bg-white p-4">
          <h2 id="diff-title" className="text-lg font-bold">
            {t('comparing', { version: compared.version })}
          </h2>
          <p className="mt-1 text-sm text-muted">{t('legend')}</p>
          <h3 className="mt-4 font-bold">{t('fieldTitle')}</h3>
          <Diff from={compared.title} to={article.title} />
          <h3 className="mt-4 font-bold">{t('fieldBody')}</h3>
          <Diff from={compared.body} to={article.body} />
          <form action={restoreRevisionAction} className="mt-4">
            <input type="hidden" name="locale" value={locale} />
            <input type="hidden" name="articleId" value={article.id} />
            <input type="hidden" name="revisionId" value={compared.id} />
            <input type="hidden" name="version" value={article.version} />
            <button type="submit" className="min-h-11 rounded bg-brand px-4 font-bold text-white">
              {t('restore')}
            </button>
          </form>
        </section>
      )}
      {revisions.length === 0 ? (
        <p className="mt-6">{t('empty')}</p>
      ) : (
        <ol className="mt-6 divide-y divide-line rounded bg-white">
          {revisions.map((r) => (
            <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
              <span>
                <strong>{t('version', { version: r.version })}</strong> · {t('by', { name: r.userName ?? '—', date: formatDateTime(r.createdAt, locale) })}
              </span>
              {r.version !== article.version && (
                <a href={localized(locale, `/admin/articles/${article.id}/revisions?compare=${r.id}`)} className="text-brand underline">
                  {t('compare')}
                </a>
              )}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
