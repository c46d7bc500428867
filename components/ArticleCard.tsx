import { getTranslations } from 'next-intl/server';
import { ArticleImage } from './ArticleImage';
import { Time } from './Time';
import type { ArticleCard as Card } from '@/db/queries/articles';
import { localized } from '@/i18n/navigation';
import type { UiLocale } from '@/lib/format';
import { arabicContent, interfaceText } from '@/lib/content-lang';
import { articlePath, hrefOf, sectionPath } from '@/lib/paths';
import { SectionName } from '@/components/SectionName';

type Variant = 'lead' | 'standard' | 'row' | 'compact';

type Props = {
  article: Card;
  locale: UiLocale;
  variant?: Variant;
  showSection?: boolean;
  heading?: 'h2' | 'h3';
};

const titleSize: Record<Variant, string> = {
  lead: 'mt-1 text-2xl md:text-3xl',
  standard: 'mt-0.5 text-lg',
  row: 'mt-0.5 text-lg',
  compact: 'text-base',
};

const imageLayout: Record<Variant, { sizes: string; wrapper: string; image: string }> = {
  lead: { sizes: '(min-width: 1200px) 720px, (min-width: 768px) 60vw, 100vw', wrapper: 'md:col-span-3', image: 'rounded' },
  standard: { sizes: '(min-width: 1024px) 300px, (min-width: 640px) 45vw, 112px', wrapper: 'w-28 shrink-0 sm:w-auto', image: 'rounded sm:mb-2' },
  row: { sizes: '(min-width: 640px) 192px, 112px', wrapper: 'w-28 shrink-0 sm:w-48', image: 'rounded' },
  compact: { sizes: '', wrapper: '', image: '' },
};

const layout: Record<Variant, { card: string; text: string }> = {
  lead: { card: 'grid gap-4 md:grid-cols-5 md:items-center', text: 'md:col-span-2' },
  // On phones a thumbnail beside the title; from sm up the image sits above it.
  standard: { card: 'flex gap-3 sm:block', text: 'min-w-0' },
  row: { card: 'flex gap-4', text: 'min-w-0' },
  compact: { card: 'min-w-0', text: '' },
};

export async function ArticleCard({ article, locale, variant = 'standard', showSection = true, heading = 'h3' }: Props) {
  const Heading = heading;
  const href = hrefOf(localized(locale, articlePath(article.id, article.slug)));
  const image = variant === 'compact' ? null : article.image;
  // Section fronts show how many comments each article has.
  const comments =
    variant === 'row' && article.commentCount > 0
      ? (await getTranslations({ locale, namespace: 'Comments' }))('count', { count: article.commentCount })
      : null;
  const deckClass = variant === 'lead' ? 'mt-3 text-lg text-muted' : variant === 'row' ? 'mt-1 hidden text-muted sm:block' : null;

  return (
    <article className={layout[variant].card} {...arabicContent(locale)}>
      {image && (
        // The title link is the one a reader tabs to; the image repeats it for pointers only.
        <a href={href} className={imageLayout[variant].wrapper} tabIndex={-1} aria-hidden="true">
          <ArticleImage image={image} priority={variant === 'lead'} sizes={imageLayout[variant].sizes} className={imageLayout[variant].image} />
        </a>
      )}
      <div className={layout[variant].text}>
        {showSection && variant !== 'compact' && (
          <a href={hrefOf(localized(locale, sectionPath(article.section.slug)))} className="inline-block py-1 text-sm font-bold text-brand hover:underline">
            <SectionName section={article.section} locale={locale} />
          </a>
        )}
        <Heading className={`${titleSize[variant]} leading-snug font-bold`}>
          <a href={href} className="hover:text-brand">
            {article.title}
          </a>
        </Heading>
        {deckClass && article.deck && <p className={deckClass}>{article.deck}</p>}
        <p className={`${variant === 'lead' ? 'mt-3' : 'mt-1'} text-sm text-muted`}>
          {/* One run of interface text: on the English side it reads left to right, date first. */}
          <span {...interfaceText(locale)}>
            <Time value={article.publishedAt} locale={locale} />
            {comments && <> · {comments}</>}
          </span>
        </p>
      </div>
    </article>
  );
}
