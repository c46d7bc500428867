import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ArticleList } from '@/components/ArticleList';
import { ListHeader } from '@/components/ListHeader';
import { getSectionArticles, getSections } from '@/db/cached';
import { alternatesFor, localized } from '@/i18n/navigation';
import type { UiLocale } from '@/lib/format';
import { pageCount, pageFromRest } from '@/lib/paging';
import { sectionPath } from '@/lib/paths';
import { feedAlternates } from '@/lib/feed-links';
import { ancestorChain, childrenOf } from '@/lib/section-tree';
import { pageMetadata } from '@/lib/seo';
import { site } from '@/lib/site';
import { decodeSlug } from '@/lib/slug';
import { SectionName } from '@/components/SectionName';
import { sectionName, sectionNameAttributes } from '@/lib/section-name';

type Props = { params: Promise<{ locale: UiLocale; slug: string; rest?: string[] }> };

export function generateStaticParams() {
  return [];
}

async function load(params: Props['params']) {
  const { locale, slug, rest } = await params;
  const page = pageFromRest(rest);
  const sections = await getSections();
  const section = sections.find((s) => s.slug === decodeSlug(slug));
  if (!section || page === null) notFound();
  return { locale, page, section, sections };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, page, section } = await load(params);
  const t = await getTranslations({ locale, namespace: 'Section' });
  return pageMetadata({
    locale,
    path: sectionPath(section.slug, page),
    title: page > 1 ? t('titlePaged', { section: sectionName(section, locale), page }) : t('title', { section: sectionName(section, locale) }),
    description: section.description || t('description', { section: sectionName(section, locale), site: site.name }),
    alternates: { ...alternatesFor(locale, sectionPath(section.slug, page)), types: feedAlternates(section) },
  });
}

export default async function SectionPage({ params }: Props) {
  const { locale, page, section, sections } = await load(params);
  setRequestLocale(locale);
  if (page === 1 && (await params).rest?.length) permanentRedirect(localized(locale, sectionPath(section.slug)));

  const { total, articles } = await getSectionArticles(section.id, page);
  const last = pageCount(total, site.sectionPageSize);
  if (page > last) notFound();

  const t = await getTranslations({ locale, namespace: 'Section' });
  const chain = ancestorChain(sections, section.id);
  const children = childrenOf(sections, section.id);

  return (
    <>
      <ListHeader
        locale={locale}
        trail={chain.map((s) => ({
          name: sectionName(s, locale),
          href: s.id === section.id && page === 1 ? undefined : localized(locale, sectionPath(s.slug)),
          ...sectionNameAttributes(s, locale),
        }))}
        title={sectionName(section, locale)}
        titleLang={sectionNameAttributes(section, locale)}
        description={section.description || undefined}
        total={total}
        page={page}
        last={last}
      >
        {children.length > 0 && (
          <nav aria-label={t('subsections')} className="mt-4">
            <ul className="flex flex-wrap gap-2">
              {children.map((child) => (
                <li key={child.id}>
                  <a
                    href={localized(locale, sectionPath(child.slug))}
                    className="inline-flex min-h-11 items-center rounded-full border border-line px-4 hover:border-brand hover:text-brand"
                  >
                    <SectionName section={child} locale={locale} />
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </ListHeader>

      <ArticleList
        articles={articles}
        locale={locale}
        page={page}
        last={last}
        hrefFor={(p) => localized(locale, sectionPath(section.slug, p))}
        empty={t('empty')}
        sectionId={section.id}
      />
    </>
  );
}
