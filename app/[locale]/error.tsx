'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useEffect } from 'react';

// What a reader or the newsroom sees when a page fails to render: an apology in their language, a
// retry and the way home; never a stack trace. The digest lets staff find the one-line log entry.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('Service');
  const locale = useLocale();
  useEffect(() => {
    document.title = t('errorTitle');
  }, [t]);
  return (
    <main id="content" className="mx-auto max-w-2xl px-4 py-16 text-center">
      <h1 className="text-3xl font-bold">{t('errorTitle')}</h1>
      <p className="mt-4 text-lg text-muted">{t('errorBody')}</p>
      <p className="mt-8 flex flex-wrap justify-center gap-3">
        <button type="button" onClick={reset} className="min-h-12 rounded bg-brand px-6 font-bold text-white hover:bg-brand-dark">
          {t('retry')}
        </button>
        <a href={locale === 'ar' ? '/' : `/${locale}`} className="inline-flex min-h-12 items-center rounded border border-line px-6 hover:border-brand">
          {t('home')}
        </a>
      </p>
      {error.digest && (
        <p className="mt-8 text-sm text-muted" dir="auto">
          {t('reference', { digest: error.digest })}
        </p>
      )}
    </main>
  );
}
