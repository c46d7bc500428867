import { ArticleCard } from '../ArticleCard';
import type { ArticleCard as Card } from '@/db/queries/articles';
import type { UiLocale } from '@/lib/format';

export function RelatedArticles({ articles, locale, heading }: { articles: Card[]; locale: UiLocale; heading: string }) {
  if (articles.length === 0) return null;
  return (
    <section aria-labelledby="related-heading" className="mt-12 border-t border-line pt-6">
      <h2 id="related-heading" className="mb-4 text-xl font-bold">
        {heading}
      </h2>
      <ul className="grid gap-6 sm:grid-cols-2">
        {articles.map((a) => (
          <li key={a.id}>
            <ArticleCard article={a} locale={locale} />
          </li>
        ))}
      </ul>
    </section>
  );
}
