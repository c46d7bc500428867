import type { Metadata } from 'next';
import { setRequestLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { AdminShell } from '@/components/admin/AdminShell';
import { requireStaff } from '@/lib/auth';

export const metadata: Metadata = { robots: { index: false, follow: false } };

// Every page below checks the session and its permission itself; the frame only needs to know who.
export default async function AdminLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const staff = await requireStaff(locale);
  return (
    <AdminShell locale={locale} staff={staff}>
      {children}
    </AdminShell>
  );
}
