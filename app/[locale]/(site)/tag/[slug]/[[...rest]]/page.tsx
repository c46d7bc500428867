import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ArticleList } from '@/components/ArticleList';
import { ListHeader } from '@/components/ListHeader';
import { getDb } from '@/db/client';
import { getTagArticles } from '@/db/cached';
import { getTagBySlug } from '@/db/queries/tags';
import { localized } from '@/i18n/navigation';
import type { UiLocale } from '@/lib/format';
import { pageCount, pageFromRest } from '@/lib/paging';
import { hrefOf, tagPath } from '@/lib/paths';
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

  return (
    <>
      <ListHeader
        locale={locale}
        trail={[{ name: tag.name, href: page === 1 ? undefined : hrefOf(localized(locale, tagPath(tag.slug))) }]}
        label={t('label')}
        title={tag.name}
        total={total}
        page={page}
        last={last}
      />
      <ArticleList articles={articles} locale={locale} page={page} last={last} hrefFor={(p) => hrefOf(localized(locale, tagPath(tag.slug, p)))} empty={t('empty')} />
    </>
  );
}
