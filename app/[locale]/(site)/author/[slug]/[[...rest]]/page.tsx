import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ArticleList } from '@/components/ArticleList';
import { ListHeader } from '@/components/ListHeader';
import { getDb } from '@/db/client';
import { getAuthorArticles } from '@/db/cached';
import { getUserBySlug } from '@/db/queries/users';
import { localized } from '@/i18n/navigation';
import type { UiLocale } from '@/lib/format';
import { pageCount, pageFromRest } from '@/lib/paging';
import { authorPath, hrefOf } from '@/lib/paths';
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

  return (
    <>
      <ListHeader
        locale={locale}
        trail={[{ name: author.displayName, href: page === 1 ? undefined : hrefOf(localized(locale, authorPath(author.slug))) }]}
        label={t('label', { site: site.name })}
        title={author.displayName}
        description={author.bio || undefined}
        subtitle={t('articles', { name: author.displayName })}
        total={list.total}
        page={page}
        last={last}
      />
      <ArticleList articles={list.articles} locale={locale} page={page} last={last} hrefFor={(p) => hrefOf(localized(locale, authorPath(author.slug, p)))} empty={t('empty')} />
    </>
  );
}
