import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { LoginForm } from '@/components/admin/LoginForm';
import { localized } from '@/i18n/navigation';
import { currentStaff } from '@/lib/auth';
import { site } from '@/lib/site';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ next?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'Admin.login' });
  return { title: t('title'), robots: { index: false, follow: false } };
}

export default async function LoginPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  if (await currentStaff()) redirect(localized(locale, '/admin'));
  const t = await getTranslations({ locale, namespace: 'Admin.login' });
  const { next } = await searchParams;
  return (
    <main id="content" className="mx-auto max-w-md px-4 py-16">
      <p className="text-center text-2xl font-bold">{site.name}</p>
      <h1 className="mt-4 text-center text-xl font-bold">{t('title')}</h1>
      <LoginForm
        locale={locale}
        next={typeof next === 'string' ? next : ''}
        labels={{ email: t('email'), password: t('password'), submit: t('submit'), sending: t('sending') }}
      />
    </main>
  );
}
