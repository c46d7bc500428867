import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ArticleList } from '@/components/ArticleList';
import { Breadcrumb } from '@/components/Breadcrumb';
import { getDb } from '@/db/client';
import { getAuthorArticles } from '@/db/cached';
import { getUserBySlug } from '@/db/queries/users';
import { localized } from '@/i18n/navigation';
import { arabicContent } from '@/lib/content-lang';
import type { UiLocale } from '@/lib/format';
import { pageCount, pageFromRest } from '@/lib/paging';
import { authorPath } from '@/lib/paths';
import { pageMetadata } from '@/lib/seo';
import { site } from '@/lib/site';
import { decodeSlug } from '@/lib/slug';

type Props = { params: Promise<{ locale: UiLocale; slug: string; rest?: string[] }> };

export function generateStaticParams() {
  return [];
}

// Staff without a published article have no public page: the list of accounts is not public.
async function load(params: Props['params']) {
  const { locale, slug, rest } = await params;
  const page = pageFromRest(rest);
  const author = getUserBySlug(getDb(), decodeSlug(slug));
  if (!author || page === null) notFound();
  const list = await getAuthorArticles(author.id, page);
  if (list.total === 0) notFound();
  return { locale, page, author, rest, list };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, page, author } = await load(params);
  const t = await getTranslations({ locale, namespace: 'Author' });
  return pageMetadata({
    locale,
    path: authorPath(author.slug, page),
    title: page > 1 ? t('titlePaged', { name: author.displayName, page }) : author.displayName,
    description: author.bio || t('description', { name: author.displayName, site: site.name }),
  });
}

export default async function AuthorPage({ params }: Props) {
  const { locale, page, author, rest, list } = await load(params);
  setRequestLocale(locale);
  if (page === 1 && rest?.length) permanentRedirect(localized(locale, authorPath(author.slug)));
  const last = pageCount(list.total, site.sectionPageSize);
  if (page > last) notFound();

  const t = await getTranslations({ locale, namespace: 'Author' });
  const tSection = await getTranslations({ locale, namespace: 'Section' });
  const tSite = await getTranslations({ locale, namespace: 'Site' });
  const tArticle = await getTranslations({ locale, namespace: 'Article' });

  return (
    <>
      <Breadcrumb
        label={tArticle('breadcrumb')}
        items={[
          { name: tSite('home'), href: localized(locale, '/') },
          { name: author.displayName, href: page === 1 ? undefined : localized(locale, authorPath(author.slug)), ...arabicContent(locale) },
        ]}
      />
      <header className="mt-4 border-b border-line pb-6">
        <p className="text-sm font-bold text-brand">{t('label', { site: site.name })}</p>
        <h1 className="mt-1 text-3xl font-bold md:text-4xl" {...arabicContent(locale)}>
          {author.displayName}
        </h1>
        {author.bio && (
          <p className="mt-3 max-w-3xl text-lg text-muted" {...arabicContent(locale)}>
            {author.bio}
          </p>
        )}
        <h2 className="mt-6 text-xl font-bold" {...arabicContent(locale)}>
          {t('articles', { name: author.displayName })}
        </h2>
        <p className="mt-1 text-sm text-muted">
          {tSection('articleCount', { count: list.total })}
          {last > 1 && <> · {tSection('pageOf', { page, total: last })}</>}
        </p>
      </header>
      <ArticleList articles={list.articles} locale={locale} page={page} last={last} hrefFor={(p) => localized(locale, authorPath(author.slug, p))} empty={t('empty')} />
    </>
  );
}
