'use server';

import { redirect } from 'next/navigation';
import { hasLocale } from 'next-intl';
import { localized } from '@/i18n/navigation';
import { routing } from '@/i18n/routing';
import { currentStaff, endSession } from '@/lib/auth';

/** Logs out: the session is deleted on the server, not only forgotten by the browser. */
export async function logout(formData: FormData): Promise<void> {
  const field = String(formData.get('locale') ?? '');
  const locale = hasLocale(routing.locales, field) ? field : routing.defaultLocale;
  const staff = await currentStaff();
  await endSession(staff ? { userId: staff.id, action: 'logout', entityType: 'session' } : undefined);
  redirect(localized(locale, '/admin/login'));
}
