'use server';

import { redirect } from 'next/navigation';
import { hasLocale } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { clearFailures, readAttempts, recordFailure } from '@/db/queries/login-attempts';
import { getSigningSecret } from '@/db/queries/settings';
import { findLoginAccount } from '@/db/queries/staff';
import { localized } from '@/i18n/navigation';
import { routing } from '@/i18n/routing';
import { clientIp, startSession } from '@/lib/auth';
import { dummyHash, PASSWORD_MAX, verifyPassword } from '@/lib/password';
import { hashIp } from '@/lib/signing';
import { orWhenBusy } from '@/lib/storage-errors';
import { throttleDecision, throttleKeys } from '@/lib/throttle';

export type LoginState = { message?: string; email: string; version: number };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Only paths inside the admin, so a crafted link cannot send staff elsewhere after logging in. */
function safeNext(value: FormDataEntryValue | null, locale: string): string {
  const home = localized(locale, '/admin');
  return typeof value === 'string' && /^\/(en\/)?admin(\/[\w\-/]*)?$/.test(value) ? value : home;
}

export async function login(previous: LoginState, formData: FormData): Promise<LoginState> {
  const localeField = String(formData.get('locale') ?? '');
  const locale = hasLocale(routing.locales, localeField) ? localeField : routing.defaultLocale;
  const t = await getTranslations({ locale, namespace: 'Admin.login' });
  const email = String(formData.get('email') ?? '').trim().toLowerCase().slice(0, 200);
  const password = String(formData.get('password') ?? '').slice(0, PASSWORD_MAX * 4);
  const answer = (message: string): LoginState => ({ message, email, version: previous.version + 1 });
  if (!email || !password) return answer(t('required'));
  return orWhenBusy(
    () => attempt(formData, locale, email, password, answer, t),
    async () => answer((await getTranslations({ locale, namespace: 'Service' }))('busy')),
  );
}

async function attempt(
  formData: FormData,
  locale: string,
  email: string,
  password: string,
  answer: (message: string) => LoginState,
  t: Awaited<ReturnType<typeof getTranslations<'Admin.login'>>>,
): Promise<LoginState> {
  const db = getDb();
  const keys = throttleKeys(hashIp(getSigningSecret(db), await clientIp()), email);
  const now = Date.now();
  const decision = throttleDecision(readAttempts(db, keys), keys, now);
  if (decision.blockedUntil) return answer(t('blocked', { minutes: Math.ceil((decision.blockedUntil - now) / 60_000) }));
  if (decision.delayMs) await sleep(decision.delayMs);

  // The same work and the same answer whether the account is unknown or the password wrong.
  const account = findLoginAccount(db, email);
  const ok = await verifyPassword(password, account?.passwordHash ?? (await dummyHash()));
  if (!account || !ok) {
    recordFailure(db, keys, Date.now());
    return answer(t('failed'));
  }

  clearFailures(db, keys);
  await startSession(account.id);
  redirect(safeNext(formData.get('next'), locale));
}
