import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Pagination } from '@/components/Pagination';
import { SearchResult } from '@/components/search/SearchResult';
import { getDb } from '@/db/client';
import { getSectionTree } from '@/db/cached';
import { searchArticleIds, searchHits } from '@/db/queries/search';
import { localized } from '@/i18n/navigation';
import { cleanQuery, matchExpression, QUERY_MAX_CHARS } from '@/lib/arabic-search';
import type { UiLocale } from '@/lib/format';
import { pageCount, parsePageNumber } from '@/lib/paging';
import { hrefOf, searchPath, sectionPath } from '@/lib/paths';
import { pageMetadata } from '@/lib/seo';
import { site } from '@/lib/site';
import { SectionName } from '@/components/SectionName';

// Results depend on the query: rendered per request (the reader pages around it are ISR).
export const dynamic = 'force-dynamic';

const PAGE_SIZE = 20;

type Props = {
  params: Promise<{ locale: UiLocale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? '';

async function read(props: Props) {
  const [{ locale }, params] = await Promise.all([props.params, props.searchParams]);
  const raw = first(params.q);
  const page = parsePageNumber(params.page === undefined ? undefined : first(params.page));
  if (page === null) notFound();
  return { locale, raw, query: cleanQuery(raw), page };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { locale, query } = await read(props);
  const t = await getTranslations({ locale, namespace: 'Search' });
  // Result pages are for readers, not for search engines.
  return pageMetadata({
    locale,
    path: query ? searchPath(query) : '/search',
    title: query ? t('titleQuery', { query }) : t('title'),
    description: t('description', { site: site.name }),
    robots: { index: false, follow: true },
  });
}

export default async function SearchPage(props: Props) {
  const { locale, raw, query, page } = await read(props);
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'Search' });
  const match = matchExpression(query);
  const result = match ? searchArticleIds(getDb(), match, Date.now()) : { total: 0, ids: [] };
  const last = pageCount(result.ids.length, PAGE_SIZE);
  if (page > last) notFound();
  const hits = searchHits(getDb(), result.ids.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE));
  const tree = match && result.total > 0 ? [] : await getSectionTree();

  return (
    <>
      <header className="border-b border-line pb-6">
        <h1 className="text-3xl font-bold md:text-4xl">{query ? t('resultsFor', { query }) : t('heading')}</h1>
        <form role="search" aria-label={t('heading')} action={localized(locale, '/search')} method="get" className="mt-4 flex max-w-2xl">
          <label htmlFor="search-page-query" className="sr-only">
            {t('heading')}
          </label>
          <input
            id="search-page-query"
            name="q"
            type="search"
            defaultValue={query}
            // Reached without a query, the reader came here to type (the phone header's search link).
            autoFocus={!query}
            maxLength={QUERY_MAX_CHARS}
            className="min-h-12 min-w-0 flex-1 rounded-s border border-line bg-white px-4 text-lg [unicode-bidi:plaintext]"
          />
          <button type="submit" className="min-h-12 rounded-e bg-night px-6 text-lg font-bold text-white hover:bg-brand">
            {t('button')}
          </button>
        </form>
        {[...raw].length > QUERY_MAX_CHARS && <p className="mt-3 text-sm text-muted">{t('tooLong')}</p>}
        {match && result.total > 0 && (
          <p className="mt-3 text-sm text-muted" role="status">
            {t('count', { count: result.total })}
            {last > 1 && <> · {t('pageOf', { page, total: last })}</>}
          </p>
        )}
      </header>

      {hits.length > 0 ? (
        <>
          <ol className="mt-2 divide-y divide-line" start={(page - 1) * PAGE_SIZE + 1}>
            {hits.map((hit) => (
              <li key={hit.id} className="py-5">
                <SearchResult hit={hit} query={query} locale={locale} />
              </li>
            ))}
          </ol>
          {result.total > result.ids.length && page === last && <p className="mt-4 text-sm text-muted">{t('capped', { shown: result.ids.length })}</p>}
          <Pagination
            current={page}
            last={last}
            hrefFor={(p) => hrefOf(localized(locale, searchPath(query, p)))}
            labels={{ nav: t('pagination'), previous: t('previous'), next: t('next'), page: (p) => t('page', { page: p }) }}
          />
        </>
      ) : (
        <div className="py-10">
          <p className="text-lg" role={match ? 'status' : undefined}>
            {match ? t('noResults', { query }) : t('emptyQuery')}
          </p>
          {match && (
            <>
              <p className="mt-4 font-bold">{t('suggestions')}</p>
              <ul className="mt-2 list-disc space-y-1 ps-6 text-muted">
                <li>{t('tipSpelling')}</li>
                <li>{t('tipFewer')}</li>
              </ul>
            </>
          )}
          <p className="mt-4 font-bold">{t('tipSections')}</p>
          <ul className="mt-3 flex flex-wrap gap-2">
            {tree.map((section) => (
              <li key={section.id}>
                <a
                  href={hrefOf(localized(locale, sectionPath(section.slug)))}
                  className="inline-flex min-h-11 items-center rounded-full border border-line px-4 hover:border-brand hover:text-brand"
                >
                  <SectionName section={section} locale={locale} />
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
