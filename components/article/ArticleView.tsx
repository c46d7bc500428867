import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { ArticleImage } from '../ArticleImage';
import { Breadcrumb } from '../Breadcrumb';
import { Time } from '../Time';
import type { LeadImage } from '@/db/queries/images';
import { localized } from '@/i18n/navigation';
import { arabicContent, interfaceText } from '@/lib/content-lang';
import { isMeaningfullyUpdated, readingMinutes, type UiLocale } from '@/lib/format';
import { markdownToText, renderMarkdown } from '@/lib/markdown';
import { authorPath, hrefOf, sectionPath, tagPath } from '@/lib/paths';
import type { SectionNode } from '@/lib/section-tree';
import { sectionName, sectionNameAttributes } from '@/lib/section-name';

export type ArticleViewData = {
  title: string;
  deck: string;
  source: string;
  body: string;
  publishedAt: number | null;
  updatedAt: number;
  image: LeadImage | null;
  author: { displayName: string; slug?: string };
  tags: { id: number; name: string; slug?: string }[];
  /** The section chain, from the top section down to the article's own. */
  chain: SectionNode[];
};

/** The article as readers see it: breadcrumb, title, deck, source, byline, dates, image, body, tags. */
export async function ArticleView({ locale, article, children }: { locale: UiLocale; article: ArticleViewData; children?: ReactNode }) {
  const t = await getTranslations({ locale, namespace: 'Article' });
  const tSite = await getTranslations({ locale, namespace: 'Site' });
  const shownDate = article.publishedAt ?? article.updatedAt;
  return (
    <article className="mx-auto max-w-3xl">
      <Breadcrumb
        label={t('breadcrumb')}
        items={[
          { name: tSite('home'), href: localized(locale, '/') },
          ...article.chain.map((s) => ({ name: sectionName(s, locale), href: hrefOf(localized(locale, sectionPath(s.slug))), ...sectionNameAttributes(s, locale) })),
        ]}
      />
      <header className="mt-5">
        <h1 className="text-2xl leading-snug font-bold md:text-4xl md:leading-tight" {...arabicContent(locale)}>
          {article.title}
        </h1>
        {article.deck && (
          <p className="mt-4 text-xl leading-relaxed text-muted" {...arabicContent(locale)}>
            {article.deck}
          </p>
        )}
        {article.source && (
          <p className="mt-4 text-sm">
            <span className="text-muted">{t('source')}: </span>
            <span className="font-bold" {...arabicContent(locale)}>
              {article.source}
            </span>
          </p>
        )}
        <div className="mt-4 flex flex-wrap items-center gap-x-4 gap-y-1 border-y border-line py-3 text-sm text-muted">
          <p>
            {t('by')}{' '}
            {article.author.slug ? (
              <a href={hrefOf(localized(locale, authorPath(article.author.slug)))} rel="author" className="font-bold text-ink hover:text-brand hover:underline" {...arabicContent(locale)}>
                {article.author.displayName}
              </a>
            ) : (
              <span className="font-bold text-ink" {...arabicContent(locale)}>
                {article.author.displayName}
              </span>
            )}
          </p>
          <p>
            {t('published')} <Time value={shownDate} locale={locale} withTime />
          </p>
          {isMeaningfullyUpdated(shownDate, article.updatedAt) && (
            <p>
              {t('updated')} <Time value={article.updatedAt} locale={locale} withTime />
            </p>
          )}
          <p>{t('readingTime', { minutes: readingMinutes(markdownToText(article.body)) })}</p>
        </div>
      </header>

      {article.image && (
        <figure className="mt-6">
          <ArticleImage image={article.image} priority sizes="(min-width: 800px) 768px, 100vw" className="rounded" />
          {(article.image.caption || article.image.credit) && (
            // Set like the article's text (right to left on the English side too); only the label is interface text.
            <figcaption className="mt-2 text-sm leading-relaxed text-muted" {...arabicContent(locale)}>
              {article.image.caption}
              {article.image.caption && article.image.credit && ' '}
              {article.image.credit && (
                <span>
                  (<span {...interfaceText(locale)}>{t('photoCredit')}:</span>{' '}
                  {/* bdi: a Latin credit ending in punctuation («AP Photo/J. Doe.») keeps its order. */}
                  <bdi>{article.image.credit}</bdi>)
                </span>
              )}
            </figcaption>
          )}
        </figure>
      )}

      <div className="article-body mt-6 text-lg" {...arabicContent(locale)} dangerouslySetInnerHTML={{ __html: renderMarkdown(article.body) }} />

      {article.tags.length > 0 && (
        <section aria-labelledby="tags-heading" className="mt-8">
          <h2 id="tags-heading" className="mb-3 text-base font-bold">
            {t('tags')}
          </h2>
          <ul className="flex flex-wrap gap-2" {...arabicContent(locale)}>
            {article.tags.map((tag) => (
              <li key={tag.id}>
                {tag.slug ? (
                  <a href={hrefOf(localized(locale, tagPath(tag.slug)))} rel="tag" className="inline-flex min-h-11 items-center rounded bg-wash px-3 text-sm hover:bg-brand hover:text-white">
                    {tag.name}
                  </a>
                ) : (
                  <span className="inline-flex min-h-11 items-center rounded bg-wash px-3 text-sm">{tag.name}</span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {children}
    </article>
  );
}
