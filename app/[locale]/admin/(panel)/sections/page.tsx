import { getTranslations, setRequestLocale } from 'next-intl/server';
import { sectionAction } from './actions';
import { ActionForm } from '@/components/admin/ActionForm';
import { Forbidden } from '@/components/admin/AdminShell';
import { getDb } from '@/db/client';
import { articleCountsBySection } from '@/db/queries/section-admin';
import { listSections } from '@/db/queries/sections';
import { requireStaff } from '@/lib/auth';
import { can } from '@/lib/roles';
import { buildTree, sectionOptions, type SectionNode, type SectionTreeNode, subtreeIds } from '@/lib/section-tree';

export default async function SectionsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const staff = await requireStaff(locale);
  if (!can(staff, 'manageSections')) return <Forbidden locale={locale} />;
  const t = await getTranslations({ locale, namespace: 'Admin' });
  const db = getDb();
  const rows = listSections(db);
  const counts = articleCountsBySection(db);
  const options = sectionOptions(rows);
  const field = 'mt-1 block w-full rounded border border-line px-2 py-2';
  const small = 'min-h-11 rounded border border-line px-3 text-sm hover:border-brand disabled:opacity-60';
  const hidden = (id: number, operation: string) => (
    <>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="operation" value={operation} />
    </>
  );
  const fields = (section?: SectionNode) => {
    const excluded = section ? new Set(subtreeIds(rows, section.id)) : new Set<number>();
    return (
      <>
        <label className="block">
          {t('sections.name')}
          <input name="name" defaultValue={section?.name} required className={field} />
        </label>
        <label className="block">
          {t('sections.nameEn')}
          <input name="nameEn" defaultValue={section?.nameEn} dir="ltr" lang="en" maxLength={100} className={field} />
        </label>
        <label className="block">
          {t('sections.slug')}
          <input name="slug" defaultValue={section?.slug} dir="ltr" className={field} />
        </label>
        <label className="block">
          {t('sections.parent')}
          <select name="parentId" defaultValue={section?.parentId ?? ''} className={field}>
            <option value="">{t('sections.noParent')}</option>
            {options
              .filter((o) => !excluded.has(o.id))
              .map((o) => (
                <option key={o.id} value={o.id}>
                  {o.label}
                </option>
              ))}
          </select>
        </label>
        <label className="block sm:col-span-2">
          {t('sections.description')}
          <textarea name="description" defaultValue={section?.description} rows={2} className={field} />
        </label>
      </>
    );
  };
  const render = (nodes: SectionTreeNode[]) => (
    <ul className="space-y-2 ps-4">
      {nodes.map((node) => (
        <li key={node.id}>
          <div className="rounded bg-white p-3">
            <p>
              <bdi className="font-bold">{node.name}</bdi>{' '}
              {node.nameEn && (
                <span lang="en" dir="ltr" className="text-muted">
                  ({node.nameEn})
                </span>
              )}{' '}
              <span dir="ltr" className="text-sm text-muted">/{node.slug}</span> ·{' '}
              <span className="text-sm text-muted">{t('sections.articles', { count: counts.get(node.id) ?? 0 })}</span>
            </p>
            <div className="mt-2 flex flex-wrap gap-2">
              <ActionForm action={sectionAction} submit={t('sections.up')} pending="…" label={t('sections.moveUp', { name: node.name })} buttonClassName={small}>
                {hidden(node.id, 'up')}
              </ActionForm>
              <ActionForm action={sectionAction} submit={t('sections.down')} pending="…" label={t('sections.moveDown', { name: node.name })} buttonClassName={small}>
                {hidden(node.id, 'down')}
              </ActionForm>
              <ActionForm action={sectionAction} submit={t('sections.delete')} pending="…" confirm={t('confirm')} label={t('sections.deleteNamed', { name: node.name })} buttonClassName={`${small} border-brand text-brand`}>
                {hidden(node.id, 'delete')}
              </ActionForm>
            </div>
            <details className="mt-2">
              <summary className="cursor-pointer text-sm text-brand">{t('sections.save')}: {node.name}</summary>
              <ActionForm action={sectionAction} submit={t('sections.save')} pending="…" className="mt-2 grid gap-2 sm:grid-cols-3">
                {hidden(node.id, 'update')}
                {fields(node)}
              </ActionForm>
            </details>
          </div>
          {node.children.length > 0 && render(node.children)}
        </li>
      ))}
    </ul>
  );
  return (
    <>
      <h1 className="text-2xl font-bold">{t('sections.title')}</h1>
      <section aria-labelledby="new-section" className="mt-4 rounded bg-white p-4">
        <h2 id="new-section" className="font-bold">
          {t('sections.create')}
        </h2>
        <ActionForm action={sectionAction} submit={t('sections.create')} pending="…" className="mt-2 grid gap-2 sm:grid-cols-3">
          {hidden(0, 'create')}
          {fields()}
        </ActionForm>
      </section>
      <div className="mt-6 -ms-4">{render(buildTree(rows))}</div>
    </>
  );
}
