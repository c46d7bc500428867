import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ArticleList } from '@/components/ArticleList';
import { Breadcrumb } from '@/components/Breadcrumb';
import { getDb } from '@/db/client';
import { getTagArticles } from '@/db/cached';
import { getTagBySlug } from '@/db/queries/tags';
import { localized } from '@/i18n/navigation';
import { arabicContent } from '@/lib/content-lang';
import type { UiLocale } from '@/lib/format';
import { pageCount, pageFromRest } from '@/lib/paging';
import { tagPath } from '@/lib/paths';
import { pageMetadata } from '@/lib/seo';
import { site } from '@/lib/site';
import { decodeSlug } from '@/lib/slug';

type Props = { params: Promise<{ locale: UiLocale; slug: string; rest?: string[] }> };

export function generateStaticParams() {
  return [];
}

async function load(params: Props['params']) {
  const { locale, slug, rest } = await params;
  const page = pageFromRest(rest);
  const tag = getTagBySlug(getDb(), decodeSlug(slug));
  if (!tag || page === null) notFound();
  return { locale, page, tag, rest };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, page, tag } = await load(params);
  const t = await getTranslations({ locale, namespace: 'Tag' });
  return pageMetadata({
    locale,
    path: tagPath(tag.slug, page),
    title: page > 1 ? t('titlePaged', { tag: tag.name, page }) : t('title', { tag: tag.name }),
    description: t('description', { tag: tag.name }),
  });
}

export default async function TagPage({ params }: Props) {
  const { locale, page, tag, rest } = await load(params);
  setRequestLocale(locale);
  if (page === 1 && rest?.length) permanentRedirect(localized(locale, tagPath(tag.slug)));

  const { total, articles } = await getTagArticles(tag.id, page);
  const last = pageCount(total, site.sectionPageSize);
  if (page > last) notFound();

  const t = await getTranslations({ locale, namespace: 'Tag' });
  const tSection = await getTranslations({ locale, namespace: 'Section' });
  const tSite = await getTranslations({ locale, namespace: 'Site' });
  const tArticle = await getTranslations({ locale, namespace: 'Article' });

  return (
    <>
      <Breadcrumb
        label={tArticle('breadcrumb')}
        items={[
          { name: tSite('home'), href: localized(locale, '/') },
          { name: tag.name, href: page === 1 ? undefined : localized(locale, tagPath(tag.slug)), ...arabicContent(locale) },
        ]}
      />
      <header className="mt-4 border-b border-line pb-6">
        <p className="text-sm font-bold text-brand">{t('label')}</p>
        <h1 className="mt-1 text-3xl font-bold md:text-4xl" {...arabicContent(locale)}>
          {tag.name}
        </h1>
        <p className="mt-3 text-sm text-muted">
          {tSection('articleCount', { count: total })}
          {last > 1 && <> · {tSection('pageOf', { page, total: last })}</>}
        </p>
      </header>
      <ArticleList articles={articles} locale={locale} page={page} last={last} hrefFor={(p) => localized(locale, tagPath(tag.slug, p))} empty={t('empty')} />
    </>
  );
}
