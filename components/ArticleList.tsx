import { getTranslations } from 'next-intl/server';
import { ArticleCard } from './ArticleCard';
import { Pagination } from './Pagination';
import type { ArticleCard as Card } from '@/db/queries/articles';
import type { UiLocale } from '@/lib/format';

type Props = {
  articles: Card[];
  locale: UiLocale;
  page: number;
  last: number;
  hrefFor: (page: number) => string;
  empty: string;
  /** Cards name their section unless it is this one (the section being browsed). */
  sectionId?: number;
};

/** A paged, newest-first list of article rows: section fronts, tag and author pages. */
export async function ArticleList({ articles, locale, page, last, hrefFor, empty, sectionId }: Props) {
  const t = await getTranslations({ locale, namespace: 'Section' });
  return (
    <>
      {articles.length === 0 ? (
        <p className="py-12 text-center text-lg text-muted">{empty}</p>
      ) : (
        <ul className="mt-6 divide-y divide-line">
          {articles.map((article) => (
            <li key={article.id} className="py-5">
              <ArticleCard article={article} locale={locale} variant="row" heading="h2" showSection={article.section.id !== sectionId} />
            </li>
          ))}
        </ul>
      )}
      <Pagination
        current={page}
        last={last}
        hrefFor={hrefFor}
        labels={{ nav: t('pagination'), previous: t('previous'), next: t('next'), page: (p) => t('page', { page: p }) }}
      />
    </>
  );
}
