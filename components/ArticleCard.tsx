import { ArticleImage } from './ArticleImage';
import { Time } from './Time';
import type { ArticleCard as Card } from '@/db/queries/articles';
import { localized } from '@/i18n/navigation';
import type { UiLocale } from '@/lib/format';
import { articlePath, sectionPath } from '@/lib/paths';

type Props = {
  article: Card;
  locale: UiLocale;
  variant?: 'lead' | 'standard' | 'row' | 'compact';
  showSection?: boolean;
  heading?: 'h2' | 'h3';
};

export function ArticleCard({ article, locale, variant = 'standard', showSection = true, heading = 'h3' }: Props) {
  const Heading = heading;
  const href = localized(locale, articlePath(article.id, article.slug));
  const sectionLink = showSection ? (
    <a
      href={localized(locale, sectionPath(article.section.slug))}
      className="text-sm font-bold text-brand hover:underline"
    >
      {article.section.name}
    </a>
  ) : null;

  if (variant === 'compact') {
    return (
      <article className="min-w-0">
        <Heading className="text-base leading-snug font-bold">
          <a href={href} className="hover:text-brand">
            {article.title}
          </a>
        </Heading>
        <p className="mt-1 text-sm text-muted">
          <Time value={article.publishedAt} locale={locale} />
        </p>
      </article>
    );
  }

  if (variant === 'lead') {
    return (
      <article className="grid gap-4 md:grid-cols-5 md:items-center">
        {article.image && (
          <a href={href} className="md:col-span-3" tabIndex={-1} aria-hidden="true">
            <ArticleImage image={article.image} priority sizes="(min-width: 1200px) 720px, (min-width: 768px) 60vw, 100vw" className="rounded" />
          </a>
        )}
        <div className="md:col-span-2">
          {sectionLink}
          <Heading className="mt-1 text-2xl leading-snug font-bold md:text-3xl">
            <a href={href} className="hover:text-brand">
              {article.title}
            </a>
          </Heading>
          {article.deck && <p className="mt-3 text-lg text-muted">{article.deck}</p>}
          <p className="mt-3 text-sm text-muted">
            <Time value={article.publishedAt} locale={locale} />
          </p>
        </div>
      </article>
    );
  }

  if (variant === 'row') {
    return (
      <article className="flex gap-4">
        {article.image && (
          <a href={href} className="w-28 shrink-0 sm:w-48" tabIndex={-1} aria-hidden="true">
            <ArticleImage image={article.image} sizes="(min-width: 640px) 192px, 112px" className="rounded" />
          </a>
        )}
        <div className="min-w-0">
          {sectionLink}
          <Heading className="mt-0.5 text-lg leading-snug font-bold">
            <a href={href} className="hover:text-brand">
              {article.title}
            </a>
          </Heading>
          {article.deck && <p className="mt-1 hidden text-muted sm:block">{article.deck}</p>}
          <p className="mt-1 text-sm text-muted">
            <Time value={article.publishedAt} locale={locale} />
          </p>
        </div>
      </article>
    );
  }

  return (
    <article className="min-w-0">
      {article.image && (
        <a href={href} tabIndex={-1} aria-hidden="true">
          <ArticleImage image={article.image} sizes="(min-width: 1024px) 300px, (min-width: 640px) 45vw, 100vw" className="mb-2 rounded" />
        </a>
      )}
      {sectionLink}
      <Heading className="mt-0.5 text-lg leading-snug font-bold">
        <a href={href} className="hover:text-brand">
          {article.title}
        </a>
      </Heading>
      <p className="mt-1 text-sm text-muted">
        <Time value={article.publishedAt} locale={locale} />
      </p>
    </article>
  );
}
