import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { SiteFooter } from '@/components/site/SiteFooter';
import { SiteHeader } from '@/components/site/SiteHeader';
import { getSectionTree } from '@/db/cached';
import { routing } from '@/i18n/routing';
import { site, siteUrl } from '@/lib/site';

// Reader pages are rendered on first request, then served from the cache until a write
// revalidates them; the hour (READER_MAX_AGE_SECONDS in db/cache-tags.ts) is only a safety net.
export const revalidate = 3600;

export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'Site' });
  return {
    metadataBase: new URL(siteUrl()),
    title: { default: site.name, template: `%s | ${site.name}` },
    description: t('tagline'),
    applicationName: site.name,
  };
}

export default async function LocaleLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'Site' });
  const tree = await getSectionTree();

  return (
    <html lang={locale} dir={locale === 'ar' ? 'rtl' : 'ltr'}>
      <body>
        <div id="top" tabIndex={-1} className="outline-none" />
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
          }}
        />
        <main id="content" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-6 outline-none md:py-8">
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
      </body>
    </html>
  );
}
