import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Pagination } from '@/components/Pagination';
import { Time } from '@/components/Time';
import { getDb } from '@/db/client';
import { type AdminSort, countByStatus, listAdminArticles, listAuthors } from '@/db/queries/article-admin';
import { listSections } from '@/db/queries/sections';
import { type ArticleStatus, articleStatuses } from '@/db/schema';
import { localized } from '@/i18n/navigation';
import { requireStaff } from '@/lib/auth';
import type { UiLocale } from '@/lib/format';
import { pageCount, parsePageNumber } from '@/lib/paging';
import { articlePath } from '@/lib/paths';
import { can, canEditArticle } from '@/lib/roles';

const PAGE_SIZE = 30;

type Search = { status?: string; section?: string; author?: string; q?: string; sort?: string; page?: string };

export default async function ArticlesPage({ params, searchParams }: { params: Promise<{ locale: UiLocale }>; searchParams: Promise<Search> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const staff = await requireStaff(locale);
  const t = await getTranslations({ locale, namespace: 'Admin' });
  const tp = await getTranslations({ locale, namespace: 'Section' });
  const search = await searchParams;
  const db = getDb();

  const status = (articleStatuses as readonly string[]).includes(search.status ?? '') ? (search.status as ArticleStatus) : undefined;
  const sort: AdminSort = search.sort === 'title' || search.sort === 'published' ? search.sort : 'updated';
  const page = parsePageNumber(search.page) ?? 1;
  // Authors see and filter their own articles only.
  const authorId = can(staff, 'publish') ? Number(search.author) || undefined : staff.id;
  const filters = { status, sectionId: Number(search.section) || undefined, authorId, q: search.q?.slice(0, 200) };
  const { rows, total } = listAdminArticles(db, filters, sort, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const counts = countByStatus(db, can(staff, 'publish') ? undefined : staff.id);
  const sections = listSections(db);
  const authors = can(staff, 'publish') ? listAuthors(db) : [];
  const query = (patch: Partial<Search>) => {
    const next = new URLSearchParams(Object.entries({ ...search, ...patch }).filter(([, v]) => v) as [string, string][]);
    const qs = next.toString();
    return localized(locale, `/admin/articles${qs ? `?${qs}` : ''}`);
  };
  const select = 'mt-1 block w-full rounded border border-line bg-white px-2 py-2';

  return (
    <>
      <h1 className="text-2xl font-bold">{t('articles.title')}</h1>
      <nav aria-label={t('articles.status')} className="mt-4">
        <ul className="flex flex-wrap gap-2">
          <li>
            <a href={query({ status: undefined, page: undefined })} aria-current={!status ? 'page' : undefined} className="inline-flex min-h-11 items-center rounded border border-line bg-white px-3 aria-[current=page]:border-brand aria-[current=page]:font-bold">
              {t('articles.allButTrash')}
            </a>
          </li>
          {articleStatuses.map((s) => (
            <li key={s}>
              <a href={query({ status: s, page: undefined })} aria-current={status === s ? 'page' : undefined} className="inline-flex min-h-11 items-center rounded border border-line bg-white px-3 aria-[current=page]:border-brand aria-[current=page]:font-bold">
                {t(`status.${s}`)} ({counts[s]})
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <form method="get" action={localized(locale, '/admin/articles')} className="mt-4 grid gap-3 rounded bg-white p-4 sm:grid-cols-2 lg:grid-cols-5" aria-label={t('articles.filters')}>
        {status && <input type="hidden" name="status" value={status} />}
        <label className="block">
          {t('articles.search')}
          <input name="q" type="search" defaultValue={search.q ?? ''} className={select} />
        </label>
        <label className="block">
          {t('articles.section')}
          <select name="section" defaultValue={search.section ?? ''} className={select}>
            <option value="">{t('articles.all')}</option>
            {sections.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        {authors.length > 0 && (
          <label className="block">
            {t('articles.author')}
            <select name="author" defaultValue={search.author ?? ''} className={select}>
              <option value="">{t('articles.all')}</option>
              {authors.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.displayName}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="block">
          {t('articles.sort')}
          <select name="sort" defaultValue={sort} className={select}>
            <option value="updated">{t('articles.sortUpdated')}</option>
            <option value="published">{t('articles.sortPublished')}</option>
            <option value="title">{t('articles.sortTitle')}</option>
          </select>
        </label>
        <p className="flex items-end">
          <button type="submit" className="min-h-11 rounded bg-night px-4 font-bold text-white">
            {t('articles.apply')}
          </button>
        </p>
      </form>

      <p className="mt-4 text-sm text-muted">{t('articles.count', { count: total })}</p>
      {rows.length === 0 ? (
        <p className="mt-4 rounded bg-white p-4">{t('articles.empty')}</p>
      ) : (
        <div className="mt-2 overflow-x-auto rounded bg-white" tabIndex={0} role="region" aria-label={t('articles.title')}>
          <table className="w-full text-start text-sm">
            <thead>
              <tr className="border-b border-line text-start">
                <th scope="col" className="p-3 text-start">{t('articles.columnTitle')}</th>
                <th scope="col" className="p-3 text-start">{t('articles.columnStatus')}</th>
                <th scope="col" className="p-3 text-start">{t('articles.columnSection')}</th>
                <th scope="col" className="p-3 text-start">{t('articles.columnAuthor')}</th>
                <th scope="col" className="p-3 text-start">{t('articles.columnUpdated')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} className="border-b border-line">
                  <td className="p-3">
                    {canEditArticle(staff, row) ? (
                      <a href={localized(locale, `/admin/articles/${row.id}`)} className="font-bold text-brand hover:underline">
                        {row.title}
                      </a>
                    ) : (
                      <span className="font-bold">{row.title}</span>
                    )}
                    {row.status === 'published' && (
                      <>
                        {' · '}
                        <a href={localized(locale, articlePath(row.id, row.slug))} className="text-muted underline">
                          {t('articles.view')}
                        </a>
                      </>
                    )}
                  </td>
                  <td className="p-3">{t(`status.${row.status}`)}</td>
                  <td className="p-3">{row.sectionName}</td>
                  <td className="p-3">{row.authorName}</td>
                  <td className="p-3 whitespace-nowrap">
                    <Time value={row.updatedAt} locale={locale} withTime />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination
        current={page}
        last={pageCount(total, PAGE_SIZE)}
        hrefFor={(p) => query({ page: p > 1 ? String(p) : undefined })}
        labels={{ nav: tp('pagination'), previous: tp('previous'), next: tp('next'), page: (p) => tp('page', { page: p }) }}
      />
    </>
  );
}
