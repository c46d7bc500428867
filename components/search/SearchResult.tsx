import { Time } from '@/components/Time';
import type { ArticleCard } from '@/db/queries/articles';
import { localized } from '@/i18n/navigation';
import { snippet, type SnippetPart } from '@/lib/arabic-search';
import { arabicContent } from '@/lib/content-lang';
import type { UiLocale } from '@/lib/format';
import { markdownPlainText } from '@/lib/markdown';
import { articlePath, hrefOf, sectionPath } from '@/lib/paths';
import { SectionName } from '@/components/SectionName';

function Marked({ parts }: { parts: SnippetPart[] }) {
  return parts.map((part, i) =>
    part.hit ? (
      <mark key={i} className="rounded-sm bg-amber-100 px-0.5 text-ink">
        {part.text}
      </mark>
    ) : (
      part.text
    ),
  );
}

/** One search result: the title and a passage of the text with the matching words marked. */
export function SearchResult({ hit, query, locale }: { hit: ArticleCard & { body: string }; query: string; locale: UiLocale }) {
  const href = hrefOf(localized(locale, articlePath(hit.id, hit.slug)));
  return (
    <article {...arabicContent(locale)}>
      <a href={hrefOf(localized(locale, sectionPath(hit.section.slug)))} className="inline-block py-1 text-sm font-bold text-brand hover:underline">
        <SectionName section={hit.section} locale={locale} />
      </a>
      <h2 className="mt-0.5 text-xl leading-snug font-bold">
        <a href={href} className="hover:text-brand">
          <Marked parts={snippet(hit.title, query, 1000)} />
        </a>
      </h2>
      <p className="mt-2 leading-relaxed text-muted" data-testid="search-snippet">
        <Marked parts={snippet(markdownPlainText(hit.body), query)} />
      </p>
      <p className="mt-1 text-sm text-muted">
        <Time value={hit.publishedAt} locale={locale} />
      </p>
    </article>
  );
}
