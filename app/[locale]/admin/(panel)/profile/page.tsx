import { getTranslations, setRequestLocale } from 'next-intl/server';
import { passwordAction, profileAction } from './actions';
import { ActionForm } from '@/components/admin/ActionForm';
import { getDb } from '@/db/client';
import { getStaffMember } from '@/db/queries/staff';
import { requireStaff } from '@/lib/auth';

export default async function ProfilePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const me = await requireStaff(locale);
  const t = await getTranslations({ locale, namespace: 'Admin.profile' });
  const member = getStaffMember(getDb(), me.id)!;
  const field = 'mt-1 block w-full rounded border border-line px-3 py-2';
  return (
    <>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <ActionForm action={profileAction} submit={t('saveProfile')} pending="…" className="mt-4 max-w-xl space-y-3 rounded bg-white p-4">
        <input type="hidden" name="locale" value={locale} />
        <label className="block">
          {t('displayName')}
          <input name="displayName" defaultValue={member.displayName} required className={field} />
        </label>
        <label className="block">
          {t('bio')}
          <textarea name="bio" defaultValue={member.bio} rows={4} className={field} />
        </label>
      </ActionForm>
      <section aria-labelledby="password-title" className="mt-6 max-w-xl rounded bg-white p-4">
        <h2 id="password-title" className="font-bold">
          {t('passwordTitle')}
        </h2>
        <ActionForm action={passwordAction} submit={t('changePassword')} pending="…" className="mt-2 space-y-3">
          <input type="hidden" name="locale" value={locale} />
          <input type="hidden" name="username" autoComplete="username" value={member.email} />
          <label className="block">
            {t('current')}
            <input name="current" type="password" dir="ltr" autoComplete="current-password" required className={field} />
          </label>
          <label className="block">
            {t('new')}
            <input name="new" type="password" dir="ltr" autoComplete="new-password" required minLength={12} maxLength={128} className={field} />
          </label>
          <label className="block">
            {t('confirm')}
            <input name="confirm" type="password" dir="ltr" autoComplete="new-password" required className={field} />
          </label>
        </ActionForm>
      </section>
    </>
  );
}
