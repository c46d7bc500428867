import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { hasLocale, NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations, setRequestLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { routing } from '@/i18n/routing';
import { OG_LOCALE } from '@/lib/seo';
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
    // Defaults for pages without their own (reader pages set all of it through lib/seo.ts).
    openGraph: { type: 'website', siteName: site.name, locale: OG_LOCALE[locale], title: site.name, description: t('tagline') },
    twitter: { card: 'summary', title: site.name, description: t('tagline') },
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
  return (
    <html lang={locale} dir={locale === 'ar' ? 'rtl' : 'ltr'}>
      <body>
        <div id="top" tabIndex={-1} className="outline-none" />
        {/* Only the error page's strings go to the browser (app/[locale]/error.tsx). */}
        <NextIntlClientProvider messages={{ Service: (await getMessages({ locale })).Service }}>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
