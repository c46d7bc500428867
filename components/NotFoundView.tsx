import { getTranslations } from 'next-intl/server';
import { getSectionTree } from '@/db/cached';
import { localized } from '@/i18n/navigation';
import { hrefOf, sectionPath } from '@/lib/paths';
import { SectionName } from '@/components/SectionName';

/**
 * The 404 view: what happened, the way back home, and the sections to browse instead. A server
 * component made for this one read (the section tree), shared by not-found.tsx and page-not-found/.
 */
export async function NotFoundView({ locale }: { locale: string }) {
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
        <a href={localized(locale, '/')} className="inline-block rounded bg-brand px-6 py-3 font-bold text-white hover:bg-brand-dark">
          {t('back')}
        </a>
      </p>
      <p className="mt-10 text-muted">{t('sections')}</p>
      <ul className="mt-4 flex flex-wrap justify-center gap-3">
        {tree.map((s) => (
          <li key={s.id}>
            <a
              href={hrefOf(localized(locale, sectionPath(s.slug)))}
              className="inline-flex min-h-11 items-center rounded border border-line px-4 hover:border-brand hover:text-brand"
            >
              <SectionName section={s} locale={locale} />
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
