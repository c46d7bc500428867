import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { logout } from '@/app/[locale]/admin/(panel)/actions';
import { localized } from '@/i18n/navigation';
import type { SessionStaff } from '@/lib/auth';
import { can, type Permission } from '@/lib/roles';
import { site } from '@/lib/site';

/** The newsroom's frame: navigation by role, who is logged in, logout. */
export async function AdminShell({ locale, staff, children }: { locale: string; staff: SessionStaff; children: ReactNode }) {
  const t = await getTranslations({ locale, namespace: 'Admin' });
  const links: { href: string; label: string; permission: Permission }[] = [
    { href: '/admin', label: t('nav.dashboard'), permission: 'writeArticles' },
    { href: '/admin/articles', label: t('nav.articles'), permission: 'writeArticles' },
    { href: '/admin/articles/new', label: t('nav.newArticle'), permission: 'writeArticles' },
    { href: '/admin/comments', label: t('nav.comments'), permission: 'moderateComments' },
    { href: '/admin/tags', label: t('nav.tags'), permission: 'manageTags' },
    { href: '/admin/sections', label: t('nav.sections'), permission: 'manageSections' },
    { href: '/admin/staff', label: t('nav.staff'), permission: 'manageStaff' },
    { href: '/admin/log', label: t('nav.log'), permission: 'readAudit' },
    { href: '/admin/profile', label: t('nav.profile'), permission: 'writeArticles' },
  ];
  return (
    <div className="min-h-screen bg-wash md:flex">
      <a href="#content" className="sr-only focus:not-sr-only focus:absolute focus:start-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2">
        {t('nav.dashboard')}
      </a>
      <aside aria-label={t('title')} className="bg-night text-white md:w-60 md:shrink-0">
        <p className="px-4 py-4 text-lg font-bold">
          {site.name} · {t('title')}
        </p>
        <nav aria-label={t('nav.label')}>
          <ul className="flex flex-wrap gap-1 px-2 pb-3 md:block">
            {links
              .filter((l) => can(staff, l.permission))
              .map((l) => (
                <li key={l.href}>
                  <a href={localized(locale, l.href)} className="block rounded px-3 py-2 hover:bg-white/10">
                    {l.label}
                  </a>
                </li>
              ))}
          </ul>
        </nav>
      </aside>
      <div className="min-w-0 flex-1">
        <header className="flex flex-wrap items-center justify-between gap-3 border-b border-line bg-white px-4 py-3">
          <p className="text-sm">{t('signedInAs', { name: staff.displayName, role: t(`roles.${staff.role}`) })}</p>
          <div className="flex items-center gap-4">
            <a href={localized(locale, '/')} className="text-sm underline underline-offset-4">
              {t('nav.site')}
            </a>
            <form action={logout}>
              <input type="hidden" name="locale" value={locale} />
              <button type="submit" className="min-h-11 rounded border border-line px-3 text-sm hover:border-brand hover:text-brand">
                {t('nav.logout')}
              </button>
            </form>
          </div>
        </header>
        <main id="content" tabIndex={-1} className="px-4 py-6 outline-none">
          {children}
        </main>
      </div>
    </div>
  );
}

export async function Forbidden({ locale }: { locale: string }) {
  const t = await getTranslations({ locale, namespace: 'Admin' });
  return <p className="rounded bg-white px-4 py-6 text-lg font-bold">{t('forbidden')}</p>;
}
