import { getLocale, getTranslations } from 'next-intl/server';
import { NotFoundView } from '@/components/NotFoundView';
import { getSectionTree } from '@/db/cached';

// Shown by client-side navigation to a missing page. Documents get the same view from
// page-not-found/ through server.ts, because Next sends notFound() documents with an empty body.
export default async function NotFound() {
  const locale = await getLocale();
  const t = await getTranslations({ locale, namespace: 'NotFound' });
  return (
    <NotFoundView
      locale={locale}
      tree={await getSectionTree()}
      labels={{ title: t('title'), body: t('body'), back: t('back'), sections: t('sections') }}
    />
  );
}
