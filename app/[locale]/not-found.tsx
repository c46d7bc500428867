import { getLocale, getTranslations } from 'next-intl/server';
import { getSectionTree } from '@/db/cached';
import { localized } from '@/i18n/navigation';
import { sectionPath } from '@/lib/paths';

export default async function NotFound() {
  const locale = await getLocale();
  const t = await getTranslations({ locale, namespace: 'NotFound' });
  const tree = await getSectionTree();
  return (
    <div className="mx-auto max-w-2xl py-12 text-center">
      <p className="text-6xl font-bold text-brand" aria-hidden="true">
        404
      </p>
      <h1 className="mt-4 text-3xl font-bold">{t('title')}</h1>
      <p className="mt-4 text-lg text-muted">{t('body')}</p>
      <p className="mt-8">
        <a
          href={localized(locale, '/')}
          className="inline-block rounded bg-brand px-6 py-3 font-bold text-white hover:bg-brand-dark"
        >
          {t('back')}
        </a>
      </p>
      <p className="mt-10 text-muted">{t('sections')}</p>
      <ul className="mt-4 flex flex-wrap justify-center gap-3">
        {tree.map((s) => (
          <li key={s.id}>
            <a href={localized(locale, sectionPath(s.slug))} className="rounded border border-line px-3 py-1 hover:border-brand hover:text-brand">
              {s.name}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
