'use client';

import { usePathname } from 'next/navigation';
import { hrefOf } from '@/lib/paths';

/** The same page in the other interface language (rendered on the server too, so it works without JS). */
export function LanguageSwitch({ locale, label, title }: { locale: string; label: string; title: string }) {
  const pathname = usePathname() ?? '/';
  const bare = pathname.replace(/^\/(ar|en)(?=\/|$)/, '') || '/';
  const other = locale === 'ar' ? 'en' : 'ar';
  const href = other === 'ar' ? bare : bare === '/' ? '/en' : `/en${bare}`;
  return (
    <a
      href={hrefOf(href)}
      lang={other}
      hrefLang={other}
      aria-label={title}
      className="inline-block px-2 py-2 text-center text-sm text-muted underline-offset-4 hover:underline"
    >
      {label}
    </a>
  );
}
