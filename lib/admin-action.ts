import { hasLocale } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import { routing } from '@/i18n/routing';
import type { ActionResult } from './action-result';

/** The pieces every newsroom action starts with: its translator and a way to answer. */
export async function actionKit(previous: ActionResult, formData: FormData) {
  const field = String(formData.get('locale') ?? '');
  const t = await getTranslations({ locale: hasLocale(routing.locales, field) ? field : routing.defaultLocale, namespace: 'Admin' });
  const answer = (status: 'ok' | 'error', message: string, reset = false): ActionResult => ({ status, message, reset, version: previous.version + 1 });
  return { t, answer };
}
