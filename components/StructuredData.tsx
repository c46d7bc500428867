import { getTranslations } from 'next-intl/server';
import type { ArticleView } from '@/db/queries/articles';
import { localized } from '@/i18n/navigation';
import { articlePath, authorPath, sectionPath } from '@/lib/paths';
import type { SectionNode } from '@/lib/section-tree';
import { articleDescription } from '@/lib/seo';
import { siteUrl } from '@/lib/site';
import { breadcrumbJsonLd, type JsonLd, newsArticleJsonLd, serializeJsonLd, webSiteJsonLd } from '@/lib/structured-data';
import { sectionName } from '@/lib/section-name';

// JSON-LD for search engines, one <script> per object. Built from the page's cached data only, so
// the page stays cacheable.

/** Stored content (titles, bodies) is Arabic whatever the interface language. */
const CONTENT_LANGUAGE = 'ar';

export function StructuredData({ data }: { data: JsonLd[] }) {
  return (
    <>
      {data.map((item, i) => (
        <script key={i} type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(item) }} />
      ))}
    </>
  );
}

/** NewsArticle and the BreadcrumbList of the article's visible breadcrumb (home › sections › article). */
export async function ArticleStructuredData({ locale, article, chain }: { locale: string; article: ArticleView; chain: SectionNode[] }) {
  const tSite = await getTranslations({ locale, namespace: 'Site' });
  const origin = siteUrl();
  const path = localized(locale, articlePath(article.id, article.slug));
  return (
    <StructuredData
      data={[
        newsArticleJsonLd({
          origin,
          path,
          title: article.title,
          description: articleDescription(article),
          image: article.image,
          publishedAt: article.publishedAt,
          updatedAt: article.updatedAt,
          author: { name: article.author.displayName, path: localized(locale, authorPath(article.author.slug)) },
          section: article.section.name,
          tags: article.tags.map((t) => t.name),
          inLanguage: CONTENT_LANGUAGE,
        }),
        breadcrumbJsonLd(origin, [
          { name: tSite('home'), path: localized(locale, '/') },
          ...chain.map((s) => ({ name: sectionName(s, locale), path: localized(locale, sectionPath(s.slug)) })),
          { name: article.title, path },
        ]),
      ]}
    />
  );
}

/** The front page's WebSite with its SearchAction. */
export async function WebSiteStructuredData({ locale }: { locale: string }) {
  const tSite = await getTranslations({ locale, namespace: 'Site' });
  return <StructuredData data={[webSiteJsonLd(siteUrl(), { description: tSite('tagline'), inLanguage: CONTENT_LANGUAGE })]} />;
}
