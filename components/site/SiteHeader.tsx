import { LanguageSwitch } from './LanguageSwitch';
import type { SectionTreeNode } from '@/lib/section-tree';
import { localized } from '@/i18n/navigation';
import { hrefOf, sectionPath } from '@/lib/paths';
import { site } from '@/lib/site';
import { SectionName } from '@/components/SectionName';

type Props = {
  locale: string;
  tree: SectionTreeNode[];
  labels: {
    home: string;
    mainNav: string;
    otherLanguage: string;
    otherLanguageLabel: string;
    search: { label: string; button: string; placeholder: string };
  };
};

export function SiteHeader({ locale, tree, labels }: Props) {
  return (
    <header className="border-b border-line">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-2 gap-y-3 px-4 py-3 sm:gap-x-4 sm:py-4">
        {/* Smaller on the narrowest phones, so the name still fits beside the two links (one row). */}
        <a href={localized(locale, '/')} className="text-xl font-bold tracking-tight max-[359px]:text-lg max-[339px]:text-base sm:text-2xl md:text-3xl">
          {site.name}
        </a>
        {/* Fixed tracks, not flex: the browser may paint before the button and the language link are
            parsed, and a flexible field would then shrink under the reader's eyes (a layout shift). */}
        <div className="grid grid-cols-[2.75rem_4.5rem] items-center gap-1 sm:w-96 sm:grid-cols-[minmax(0,1fr)_4.5rem] sm:gap-3">
          {/* On a phone the field would take a row of the first screen: a link to the search page instead. */}
          <a
            href={localized(locale, '/search')}
            aria-label={labels.search.label}
            title={labels.search.label}
            className="inline-flex size-11 items-center justify-center rounded text-ink hover:bg-wash hover:text-brand sm:hidden"
          >
            <svg aria-hidden="true" viewBox="0 0 24 24" className="size-6" fill="none" stroke="currentColor" strokeWidth="2.25">
              <circle cx="10.5" cy="10.5" r="6.5" />
              <path d="m15.5 15.5 5 5" strokeLinecap="round" />
            </svg>
          </a>
          {/* A plain GET form: search works without JavaScript. */}
          <form
            role="search"
            aria-label={labels.search.label}
            action={localized(locale, '/search')}
            method="get"
            className="hidden min-w-0 grid-cols-[minmax(0,1fr)_5rem] sm:grid"
          >
            <label htmlFor="site-search" className="sr-only">
              {labels.search.label}
            </label>
            {/* Not dir="auto": empty, that makes the box left-to-right, placeholder and caret on the wrong
                side; plaintext lays out what is typed by its own direction and the empty box by the page's. */}
            <input
              id="site-search"
              name="q"
              type="search"
              maxLength={200}
              placeholder={labels.search.placeholder}
              className="min-h-11 min-w-0 rounded-s border border-line bg-white px-3 [unicode-bidi:plaintext]"
            />
            <button type="submit" className="min-h-11 rounded-e bg-night px-2 font-bold text-white hover:bg-brand">
              {labels.search.button}
            </button>
          </form>
          <LanguageSwitch locale={locale} label={labels.otherLanguage} title={labels.otherLanguageLabel} />
        </div>
      </div>
      <nav aria-label={labels.mainNav} className="bg-night text-white">
        {/* One row that scrolls sideways on phones and tablets (two wrapped rows pushed the article's text
            off a phone's first screen); the cut-off last section shows there is more. From lg the
            subsection menus open, so it must not clip: it wraps if names outgrow even that width. */}
        <ul className="mx-auto flex max-w-6xl items-stretch overflow-x-auto px-2 [scrollbar-width:none] lg:flex-wrap lg:overflow-visible">
          <li>
            <a href={localized(locale, '/')} className="block px-2.5 py-2 font-bold whitespace-nowrap hover:bg-white/10 focus-visible:-outline-offset-4 md:px-3 md:py-3">
              {labels.home}
            </a>
          </li>
          {tree.map((section) => (
            <li key={section.id} className="group relative">
              <a
                href={hrefOf(localized(locale, sectionPath(section.slug)))}
                className="block px-2.5 py-2 font-bold whitespace-nowrap hover:bg-white/10 focus-visible:-outline-offset-4 md:px-3 md:py-3"
              >
                <SectionName section={section} locale={locale} />
              </a>
              {section.children.length > 0 && (
                <ul className="absolute start-0 top-full z-30 hidden min-w-52 rounded-b bg-white py-2 text-ink shadow-lg lg:group-focus-within:block lg:group-hover:block">
                  {section.children.map((child) => (
                    <li key={child.id}>
                      <a
                        href={hrefOf(localized(locale, sectionPath(child.slug)))}
                        className="block px-4 py-2 whitespace-nowrap hover:bg-wash hover:text-brand"
                      >
                        <SectionName section={child} locale={locale} />
                      </a>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
