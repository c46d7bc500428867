import { getTranslations, setRequestLocale } from 'next-intl/server';
import { tagAction } from './actions';
import { ActionForm } from '@/components/admin/ActionForm';
import { Forbidden } from '@/components/admin/AdminShell';
import { getDb } from '@/db/client';
import { listTagsWithCounts } from '@/db/queries/tag-admin';
import { requireStaff } from '@/lib/auth';
import { can } from '@/lib/roles';

export default async function TagsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const staff = await requireStaff(locale);
  if (!can(staff, 'manageTags')) return <Forbidden locale={locale} />;
  const t = await getTranslations({ locale, namespace: 'Admin' });
  const tags = listTagsWithCounts(getDb());
  const field = 'rounded border border-line px-2 py-2';
  const small = 'min-h-11 rounded border border-line px-3 text-sm hover:border-brand disabled:opacity-60';
  return (
    <>
      <h1 className="text-2xl font-bold">{t('tags.title')}</h1>
      {tags.length === 0 ? (
        <p className="mt-4">{t('tags.empty')}</p>
      ) : (
        <>
          {/* One list of names for every merge field: a <select> per tag grew with the square of the tag count. */}
          <datalist id="tag-names">
            {tags.map((tag) => (
              <option key={tag.id} value={tag.name} />
            ))}
          </datalist>
          <ul className="mt-4 space-y-2">
          {tags.map((tag) => (
            <li key={tag.id} className="rounded bg-white p-3">
              <p>
                <bdi className="font-bold">{tag.name}</bdi> <span className="text-sm text-muted">({tag.articles})</span>
              </p>
              <div className="mt-2 flex flex-wrap items-end gap-4">
                <ActionForm action={tagAction} submit={t('tags.rename')} pending="…" label={t('tags.renameNamed', { name: tag.name })} buttonClassName={small} className="flex flex-wrap items-end gap-2">
                  <input type="hidden" name="locale" value={locale} />
                  <input type="hidden" name="id" value={tag.id} />
                  <input type="hidden" name="operation" value="rename" />
                  <label className="block text-sm">
                    {t('tags.name')}
                    <input name="name" defaultValue={tag.name} className={`${field} block`} />
                  </label>
                </ActionForm>
                <ActionForm action={tagAction} submit={t('tags.mergeButton')} pending="…" confirm={t('confirm')} label={t('tags.mergeNamed', { name: tag.name })} buttonClassName={small} className="flex flex-wrap items-end gap-2">
                  <input type="hidden" name="locale" value={locale} />
                  <input type="hidden" name="id" value={tag.id} />
                  <input type="hidden" name="operation" value="merge" />
                  <label className="block text-sm">
                    {t('tags.merge')}
                    <input name="targetName" list="tag-names" autoComplete="off" className={`${field} block`} />
                  </label>
                </ActionForm>
                <ActionForm action={tagAction} submit={t('tags.delete')} pending="…" confirm={t('confirm')} label={t('tags.deleteNamed', { name: tag.name })} buttonClassName={`${small} border-brand text-brand`}>
                  <input type="hidden" name="locale" value={locale} />
                  <input type="hidden" name="id" value={tag.id} />
                  <input type="hidden" name="operation" value="delete" />
                </ActionForm>
              </div>
            </li>
          ))}
          </ul>
        </>
      )}
    </>
  );
}
