import { getTranslations } from 'next-intl/server';
import { ArticleCard } from './ArticleCard';
import type { ArticleCard as Card } from '@/db/queries/articles';
import type { UiLocale } from '@/lib/format';

type Props = { locale: UiLocale; day: Card[]; week: Card[]; className?: string };

/** «الأكثر قراءة»: the last 24 hours and the last 7 days, numbered. Nothing when nobody read anything. */
export async function MostRead({ locale, day, week, className = '' }: Props) {
  if (day.length === 0 && week.length === 0) return null;
  const t = await getTranslations({ locale, namespace: 'Home' });
  const lists = [
    { id: 'day', title: t('mostReadDay'), articles: day },
    { id: 'week', title: t('mostReadWeek'), articles: week },
  ].filter((list) => list.articles.length > 0);
  return (
    <aside aria-labelledby="most-read-heading" className={className}>
      <h2 id="most-read-heading" className="mb-4 border-b-2 border-brand pb-2 text-xl font-bold">
        {t('mostRead')}
      </h2>
      {lists.map((list) => (
        <section key={list.id} aria-labelledby={`most-read-${list.id}`} className="mb-6" data-testid={`most-read-${list.id}`}>
          <h3 id={`most-read-${list.id}`} className="mb-3 text-sm font-bold text-muted">
            {list.title}
          </h3>
          <ol className="space-y-4">
            {list.articles.map((article, i) => (
              <li key={article.id} className="flex gap-3">
                <span className="text-3xl leading-none font-bold text-brand/75" aria-hidden="true">
                  {i + 1}
                </span>
                <ArticleCard article={article} locale={locale} variant="compact" />
              </li>
            ))}
          </ol>
        </section>
      ))}
    </aside>
  );
}
