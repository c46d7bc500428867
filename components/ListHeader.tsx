import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { Breadcrumb } from './Breadcrumb';
import { localized } from '@/i18n/navigation';
import { arabicContent, type ContentLang } from '@/lib/content-lang';
import type { UiLocale } from '@/lib/format';

type Props = {
  locale: UiLocale;
  /** The trail after «الرئيسية»; the last item is this list (no link on its first page). */
  trail: ({ name: string; href?: string } & ContentLang)[];
  label?: string;
  title: string;
  /** The title's language when it is not Arabic content (a section's English name). */
  titleLang?: ContentLang;
  description?: string;
  /** A heading above the count (the author's «مقالات …»). */
  subtitle?: string;
  total: number;
  page: number;
  last: number;
  /** Shown under the count (a section's subsections). */
  children?: ReactNode;
};

/** The top of a list page (section, tag, author): breadcrumb, name, description, article count and page. */
export async function ListHeader({ locale, trail, label, title, titleLang, description, subtitle, total, page, last, children }: Props) {
  const t = await getTranslations({ locale, namespace: 'Section' });
  const tSite = await getTranslations({ locale, namespace: 'Site' });
  const tArticle = await getTranslations({ locale, namespace: 'Article' });
  return (
    <>
      <Breadcrumb
        label={tArticle('breadcrumb')}
        items={[{ name: tSite('home'), href: localized(locale, '/') }, ...trail.map((item) => ({ ...arabicContent(locale), ...item }))]}
      />
      <header className="mt-4 border-b border-line pb-6">
        {label && <p className="text-sm font-bold text-brand">{label}</p>}
        <h1 className={`${label ? 'mt-1 ' : ''}text-3xl font-bold md:text-4xl`} {...(titleLang ?? arabicContent(locale))}>
          {title}
        </h1>
        {description && (
          <p className="mt-3 max-w-3xl text-lg text-muted" {...arabicContent(locale)}>
            {description}
          </p>
        )}
        {subtitle && (
          // Interface text around a stored name («Stories by هيئة التحرير»): the name finds its own direction.
          <h2 className="mt-6 text-xl font-bold">
            {subtitle}
          </h2>
        )}
        <p className={`${subtitle ? 'mt-1' : 'mt-3'} text-sm text-muted`}>
          {t('articleCount', { count: total })}
          {last > 1 && <> · {t('pageOf', { page, total: last })}</>}
        </p>
        {children}
      </header>
    </>
  );
}
