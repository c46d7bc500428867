import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Forbidden } from '@/components/admin/AdminShell';
import { Pagination } from '@/components/Pagination';
import { Time } from '@/components/Time';
import { getDb } from '@/db/client';
import { countAudit, listAudit } from '@/db/queries/audit';
import { localized } from '@/i18n/navigation';
import { requireStaff } from '@/lib/auth';
import type { UiLocale } from '@/lib/format';
import { pageCount, parsePageNumber } from '@/lib/paging';
import { can } from '@/lib/roles';

const PAGE_SIZE = 50;

export default async function LogPage({ params, searchParams }: { params: Promise<{ locale: UiLocale }>; searchParams: Promise<{ page?: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const staff = await requireStaff(locale);
  if (!can(staff, 'readAudit')) return <Forbidden locale={locale} />;
  const t = await getTranslations({ locale, namespace: 'Admin.log' });
  const tp = await getTranslations({ locale, namespace: 'Section' });
  const page = parsePageNumber((await searchParams).page) ?? 1;
  const db = getDb();
  const rows = listAudit(db, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  return (
    <>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      {rows.length === 0 ? (
        <p className="mt-4">{t('empty')}</p>
      ) : (
        <div className="mt-4 overflow-x-auto rounded bg-white" tabIndex={0} role="region" aria-label={t('title')}>
          <table className="w-full text-sm">
            <thead>
              <tr className="border-b border-line">
                <th scope="col" className="p-3 text-start">{t('when')}</th>
                <th scope="col" className="p-3 text-start">{t('who')}</th>
                <th scope="col" className="p-3 text-start">{t('what')}</th>
                <th scope="col" className="p-3 text-start">{t('item')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-b border-line">
                  <td className="p-3 whitespace-nowrap">
                    <Time value={r.createdAt} locale={locale} withTime />
                  </td>
                  <td className="p-3">
                    <bdi>{r.userName ?? t('system')}</bdi>
                  </td>
                  <td className="p-3" dir="ltr">
                    {r.action}
                  </td>
                  <td className="p-3">
                    {r.entityType} {r.entityId ?? ''} <bdi>{r.summary}</bdi>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination
        current={page}
        last={pageCount(countAudit(db), PAGE_SIZE)}
        hrefFor={(p) => localized(locale, `/admin/log${p > 1 ? `?page=${p}` : ''}`)}
        labels={{ nav: tp('pagination'), previous: tp('previous'), next: tp('next'), page: (p) => tp('page', { page: p }) }}
      />
    </>
  );
}
