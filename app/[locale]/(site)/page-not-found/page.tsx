import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { NotFoundView } from '@/components/NotFoundView';
import { pageMetadata } from '@/lib/seo';

// The 404 view as an ordinary page, so it is rendered on the server. server.ts sends it, with the
// 404 status, as the body of every "not found" document (see lib/not-found-response.ts).

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'NotFound' });
  // No canonical address or og:url: the view answers for whatever address was not found.
  return pageMetadata({ locale, title: t('title'), description: t('body'), robots: { index: false, follow: true } });
}

export default async function PageNotFound({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  return <NotFoundView locale={locale} />;
}
