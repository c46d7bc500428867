import { ArticleCard } from '../ArticleCard';
import { getRelated } from '@/db/cached';
import type { UiLocale } from '@/lib/format';

/** Streams in after the article itself (a server component made for this one read). */
export async function RelatedArticles({
  articleId,
  sectionId,
  locale,
  heading,
}: {
  articleId: number;
  sectionId: number;
  locale: UiLocale;
  heading: string;
}) {
  const related = await getRelated(articleId, sectionId);
  if (related.length === 0) return null;
  return (
    <section aria-labelledby="related-heading" className="mt-12 border-t border-line pt-6">
      <h2 id="related-heading" className="mb-4 text-xl font-bold">
        {heading}
      </h2>
      <ul className="grid gap-6 sm:grid-cols-2">
        {related.map((a) => (
          <li key={a.id}>
            <ArticleCard article={a} locale={locale} />
          </li>
        ))}
      </ul>
    </section>
  );
}
