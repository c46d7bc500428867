import type { SectionTreeNode } from '@/lib/section-tree';
import { localized } from '@/i18n/navigation';
import { sectionPath } from '@/lib/paths';
import { site } from '@/lib/site';

type Props = {
  locale: string;
  tree: SectionTreeNode[];
  labels: { home: string; mainNav: string; allSections: string; otherLanguage: string; otherLanguageLabel: string };
};

export function SiteHeader({ locale, tree, labels }: Props) {
  const other = locale === 'ar' ? 'en' : 'ar';
  return (
    <header className="border-b border-line">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-4">
        <a href={localized(locale, '/')} className="text-2xl font-bold tracking-tight md:text-3xl">
          {site.name}
        </a>
        <a
          href={localized(other, '/')}
          lang={other}
          hrefLang={other}
          className="text-sm text-muted underline-offset-4 hover:underline"
          aria-label={labels.otherLanguageLabel}
        >
          {labels.otherLanguage}
        </a>
      </div>
      <nav aria-label={labels.mainNav} className="bg-night text-white">
        <ul className="mx-auto flex max-w-6xl items-stretch overflow-x-auto px-2 md:overflow-visible">
          <li>
            <a href={localized(locale, '/')} className="block px-3 py-3 font-bold whitespace-nowrap hover:bg-white/10">
              {labels.home}
            </a>
          </li>
          {tree.map((section) => (
            <li key={section.id} className="group relative">
              <a
                href={localized(locale, sectionPath(section.slug))}
                className="block px-3 py-3 font-bold whitespace-nowrap hover:bg-white/10"
              >
                {section.name}
              </a>
              {section.children.length > 0 && (
                <ul className="absolute start-0 top-full z-30 hidden min-w-52 rounded-b bg-white py-2 text-ink shadow-lg md:group-focus-within:block md:group-hover:block">
                  {section.children.map((child) => (
                    <li key={child.id}>
                      <a
                        href={localized(locale, sectionPath(child.slug))}
                        className="block px-4 py-2 whitespace-nowrap hover:bg-wash hover:text-brand"
                      >
                        {child.name}
                      </a>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
          <li className="md:hidden">
            <a href="#site-sections" className="block px-3 py-3 whitespace-nowrap underline underline-offset-4">
              {labels.allSections}
            </a>
          </li>
        </ul>
      </nav>
    </header>
  );
}
