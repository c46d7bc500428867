import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ArticleCard } from '@/components/ArticleCard';
import { MostRead } from '@/components/MostRead';
import { WebSiteStructuredData } from '@/components/StructuredData';
import { getFrontPage, getMostRead } from '@/db/cached';
import { localized } from '@/i18n/navigation';
import type { UiLocale } from '@/lib/format';
import { hrefOf, sectionPath } from '@/lib/paths';
import { pageMetadata } from '@/lib/seo';
import { site } from '@/lib/site';
import { sectionName, sectionNameAttributes } from '@/lib/section-name';

type Props = { params: Promise<{ locale: UiLocale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'Home' });
  return pageMetadata({
    locale,
    path: '/',
    title: t('title', { name: site.name }),
    absoluteTitle: true,
    description: t('description', { name: site.name }),
  });
}

export default async function HomePage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'Home' });
  const [{ lead, latest, blocks }, mostRead] = await Promise.all([getFrontPage(), getMostRead()]);

  if (!lead) return <p className="py-12 text-center text-lg text-muted">{t('empty')}</p>;

  return (
    <>
      <WebSiteStructuredData locale={locale} />
      <h1 className="sr-only">{t('title', { name: site.name })}</h1>
      <section aria-labelledby="lead-heading">
        <h2 id="lead-heading" className="sr-only">
          {t('lead')}
        </h2>
        <ArticleCard article={lead} locale={locale} variant="lead" heading="h3" />
      </section>

      <div className="mt-10 grid gap-10 lg:grid-cols-3">
        <section aria-labelledby="latest-heading" className="lg:col-span-2">
          <h2 id="latest-heading" className="mb-4 border-b-2 border-brand pb-2 text-xl font-bold">
            {t('latest')}
          </h2>
          <ul className="grid gap-6 sm:grid-cols-2">
            {latest.map((article) => (
              <li key={article.id}>
                <ArticleCard article={article} locale={locale} />
              </li>
            ))}
          </ul>
        </section>

        <MostRead locale={locale} day={mostRead.day} week={mostRead.week} />
      </div>

      {blocks
        .filter((block) => block.articles.length > 0)
        .map((block) => (
          <section key={block.section.id} aria-labelledby={`block-${block.section.id}`} className="mt-12">
            <div className="mb-4 flex items-baseline justify-between border-b-2 border-brand pb-2">
              <h2 id={`block-${block.section.id}`} className="text-xl font-bold">
                <a href={hrefOf(localized(locale, sectionPath(block.section.slug)))} className="hover:text-brand" {...sectionNameAttributes(block.section, locale)}>
                  {sectionName(block.section, locale)}
                </a>
              </h2>
              <a href={hrefOf(localized(locale, sectionPath(block.section.slug)))} className="text-sm text-brand hover:underline">
                {t('moreIn', { section: sectionName(block.section, locale) })}
              </a>
            </div>
            <ul className="grid gap-6 sm:grid-cols-2 lg:grid-cols-4">
              {block.articles.map((article) => (
                <li key={article.id}>
                  <ArticleCard article={article} locale={locale} showSection={false} />
                </li>
              ))}
            </ul>
          </section>
        ))}
    </>
  );
}
