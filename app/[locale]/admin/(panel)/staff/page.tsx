import { getTranslations, setRequestLocale } from 'next-intl/server';
import { staffAction } from './actions';
import { ActionForm } from '@/components/admin/ActionForm';
import { Forbidden } from '@/components/admin/AdminShell';
import { getDb } from '@/db/client';
import { listStaff } from '@/db/queries/staff';
import { userRoles } from '@/db/schema';
import { requireStaff } from '@/lib/auth';
import { can } from '@/lib/roles';

export default async function StaffPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const me = await requireStaff(locale);
  if (!can(me, 'manageStaff')) return <Forbidden locale={locale} />;
  const t = await getTranslations({ locale, namespace: 'Admin' });
  const members = listStaff(getDb());
  const field = 'mt-1 block w-full rounded border border-line px-2 py-2';
  const small = 'min-h-11 rounded border border-line px-3 text-sm hover:border-brand disabled:opacity-60';
  const hidden = (id: number, operation: string) => (
    <>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="operation" value={operation} />
    </>
  );
  return (
    <>
      <h1 className="text-2xl font-bold">{t('staff.title')}</h1>
      <section aria-labelledby="new-member" className="mt-4 rounded bg-white p-4">
        <h2 id="new-member" className="font-bold">
          {t('staff.create')}
        </h2>
        <ActionForm action={staffAction} submit={t('staff.create')} pending="…" className="mt-2 grid gap-2 sm:grid-cols-2">
          {hidden(0, 'create')}
          <label className="block">
            {t('staff.name')}
            <input name="displayName" required className={field} />
          </label>
          <label className="block">
            {t('staff.email')}
            <input name="email" type="email" dir="ltr" required className={field} />
          </label>
          <label className="block">
            {t('staff.role')}
            <select name="role" defaultValue="author" className={field}>
              {userRoles.map((r) => (
                <option key={r} value={r}>
                  {t(`roles.${r}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="block">
            {t('staff.password')} <span className="text-sm text-muted">({t('staff.passwordHint')})</span>
            <input name="password" type="password" dir="ltr" autoComplete="new-password" required minLength={12} maxLength={128} className={field} />
          </label>
        </ActionForm>
      </section>
      <ul className="mt-6 space-y-2">
        {members.map((m) => (
          <li key={m.id} className="flex flex-wrap items-end justify-between gap-3 rounded bg-white p-3">
            <p>
              <bdi className="font-bold">{m.displayName}</bdi> <span dir="ltr" className="text-sm text-muted">{m.email}</span> · {t(`roles.${m.role}`)}
              {m.disabled && <> · {t('staff.disabled')}</>}
              {!m.canLogIn && <> · {t('staff.byline')}</>}
              {m.id === me.id && <> · {t('staff.you')}</>}
            </p>
            {m.id !== me.id && m.canLogIn && (
              <div className="flex flex-wrap items-end gap-2">
                <ActionForm action={staffAction} submit={t('staff.changeRole')} pending="…" label={`${t('staff.changeRole')}: ${m.displayName}`} buttonClassName={small} className="flex items-end gap-2">
                  {hidden(m.id, 'role')}
                  <label className="block text-sm">
                    {t('staff.role')}
                    <select name="role" defaultValue={m.role} className={field}>
                      {userRoles.map((r) => (
                        <option key={r} value={r}>
                          {t(`roles.${r}`)}
                        </option>
                      ))}
                    </select>
                  </label>
                </ActionForm>
                <ActionForm
                  action={staffAction}
                  submit={m.disabled ? t('staff.enable') : t('staff.disable')}
                  pending="…"
                  confirm={m.disabled ? undefined : t('confirm')}
                  label={`${m.disabled ? t('staff.enable') : t('staff.disable')}: ${m.displayName}`}
                  buttonClassName={small}
                >
                  {hidden(m.id, m.disabled ? 'enable' : 'disable')}
                </ActionForm>
              </div>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
