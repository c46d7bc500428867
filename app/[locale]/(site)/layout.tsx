import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { SiteFooter } from '@/components/site/SiteFooter';
import { SiteHeader } from '@/components/site/SiteHeader';
import { BreakingTicker } from '@/components/site/BreakingTicker';
import { getBreaking, getSectionTree } from '@/db/cached';
import { localized } from '@/i18n/navigation';
import { articlePath, hrefOf } from '@/lib/paths';
import { feedAlternates } from '@/lib/feed-links';
import { site } from '@/lib/site';

// Every reader page announces the site's feed (pages with their own alternates repeat it, see
// alternatesFor in i18n/navigation.ts).
export const metadata: Metadata = { alternates: { types: feedAlternates() } };

// The reader site's frame: header with the section navigation, the page, the footer.
export default async function SiteLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'Site' });
  const [tree, breaking] = await Promise.all([getSectionTree(), getBreaking()]);
  return (
    <>
      <a
        href="#content"
        className="sr-only focus:not-sr-only focus:absolute focus:start-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2"
      >
        {t('skipToContent')}
      </a>
      <SiteHeader
        locale={locale}
        tree={tree}
        labels={{
          home: t('home'),
          mainNav: t('mainNav'),
          otherLanguage: t('otherLanguage'),
          otherLanguageLabel: t('otherLanguageLabel'),
          search: { label: t('searchLabel'), button: t('searchButton'), placeholder: t('searchPlaceholder') },
        }}
      />
      <BreakingTicker
        label={t('breaking')}
        items={breaking.map((item) => ({ id: item.id, title: item.title, until: item.until, href: hrefOf(localized(locale, articlePath(item.id, item.slug))) }))}
      />
      {/* A title, name or address that is one long run of letters wraps rather than widen the phone page. */}
      <main id="content" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-6 wrap-anywhere outline-none md:py-8">
        {children}
      </main>
      <SiteFooter
        locale={locale}
        tree={tree}
        labels={{
          sections: t('footerSections'),
          copyright: t('copyright', { year: new Date().getFullYear(), name: site.name }),
          backToTop: t('backToTop'),
        }}
      />
    </>
  );
}
