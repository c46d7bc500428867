import { hasLocale } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import { routing } from '@/i18n/routing';
import type { ActionResult } from './action-result';
import { orWhenBusy } from './storage-errors';

/** The newsroom's small forms: a locked or full database answers «الخدمة مشغولة» in the form. */
export async function unlessBusy(
  previous: ActionResult,
  formData: FormData,
  action: (previous: ActionResult, formData: FormData) => Promise<ActionResult>,
): Promise<ActionResult> {
  const field = String(formData.get('locale') ?? '');
  const locale = hasLocale(routing.locales, field) ? field : routing.defaultLocale;
  return orWhenBusy(
    () => action(previous, formData),
    async () => ({ status: 'error', message: (await getTranslations({ locale, namespace: 'Service' }))('busy'), version: previous.version + 1 }),
  );
}
