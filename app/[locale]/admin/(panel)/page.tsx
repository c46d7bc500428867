import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Time } from '@/components/Time';
import { getDb } from '@/db/client';
import { countByStatus } from '@/db/queries/article-admin';
import { listAudit } from '@/db/queries/audit';
import { countComments } from '@/db/queries/comments';
import { articleStatuses } from '@/db/schema';
import { localized } from '@/i18n/navigation';
import { requireStaff } from '@/lib/auth';
import type { UiLocale } from '@/lib/format';
import { can } from '@/lib/roles';

export default async function Dashboard({ params }: { params: Promise<{ locale: UiLocale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const staff = await requireStaff(locale);
  const t = await getTranslations({ locale, namespace: 'Admin' });
  const db = getDb();
  // Authors see their own numbers; editors and admins the newsroom's.
  const counts = countByStatus(db, can(staff, 'publish') ? undefined : staff.id);
  const pending = can(staff, 'moderateComments') ? countComments(db, { status: 'pending' }) : null;
  const recent = can(staff, 'readAudit') ? listAudit(db, { limit: 10, offset: 0 }) : [];
  return (
    <>
      <h1 className="text-2xl font-bold">{t('dashboard.title')}</h1>
      <p className="mt-4">
        <a href={localized(locale, '/admin/articles/new')} className="inline-flex min-h-11 items-center rounded bg-brand px-4 font-bold text-white hover:bg-brand-dark">
          {t('dashboard.write')}
        </a>
      </p>
      <section aria-labelledby="counts-title" className="mt-6 rounded bg-white p-4">
        <h2 id="counts-title" className="font-bold">
          {t('dashboard.articles')}
        </h2>
        <ul className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-5">
          {articleStatuses.map((status) => (
            <li key={status}>
              <a href={localized(locale, `/admin/articles?status=${status}`)} className="block rounded border border-line p-3 hover:border-brand">
                <span className="block text-2xl font-bold">{counts[status]}</span>
                <span className="text-sm text-muted">{t(`status.${status}`)}</span>
              </a>
            </li>
          ))}
        </ul>
      </section>
      {pending !== null && (
        <section aria-labelledby="pending-title" className="mt-6 rounded bg-white p-4">
          <h2 id="pending-title" className="font-bold">
            {t('dashboard.pendingComments', { count: pending })}
          </h2>
          <p className="mt-2">
            <a href={localized(locale, '/admin/comments')} className="text-brand underline underline-offset-4">
              {t('dashboard.moderate')}
            </a>
          </p>
        </section>
      )}
      {can(staff, 'readAudit') && (
        <section aria-labelledby="recent-title" className="mt-6 rounded bg-white p-4">
          <h2 id="recent-title" className="font-bold">
            {t('dashboard.recent')}
          </h2>
          {recent.length === 0 ? (
            <p className="mt-2 text-muted">{t('dashboard.noActivity')}</p>
          ) : (
            <ul className="mt-2 divide-y divide-line">
              {recent.map((e) => (
                <li key={e.id} className="py-2 text-sm">
                  <bdi className="font-bold">{e.userName ?? t('log.system')}</bdi> · {e.action} · <bdi>{e.summary}</bdi> · <Time value={e.createdAt} locale={locale} withTime />
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </>
  );
}
