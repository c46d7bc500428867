import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Forbidden } from '@/components/admin/AdminShell';
import { ArticleView } from '@/components/article/ArticleView';
import { getDb } from '@/db/client';
import { getArticleForEdit } from '@/db/queries/article-admin';
import { listSections } from '@/db/queries/sections';
import { getStaffMember } from '@/db/queries/staff';
import { localized } from '@/i18n/navigation';
import { requireStaff } from '@/lib/auth';
import type { UiLocale } from '@/lib/format';
import { can, canEditArticle } from '@/lib/roles';
import { parseId } from '@/lib/paging';
import { ancestorChain } from '@/lib/section-tree';

/** A draft (or any article) as readers will see it, for staff only: this page is never cached. */
export default async function PreviewArticle({ params }: { params: Promise<{ locale: UiLocale; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const staff = await requireStaff(locale);
  const db = getDb();
  const articleId = parseId(id);
  const article = articleId ? getArticleForEdit(db, articleId) : undefined;
  if (!article) notFound();
  if (!canEditArticle(staff, article) && !can(staff, 'publish')) return <Forbidden locale={locale} />;
  const t = await getTranslations({ locale, namespace: 'Admin' });
  return (
    <>
      <p role="note" className="mb-6 rounded bg-night px-4 py-3 text-white">
        {t('preview.banner', { status: t(`status.${article.status}`) })}{' '}
        <a href={localized(locale, `/admin/articles/${article.id}`)} className="underline">
          {t('preview.back')}
        </a>
      </p>
      <div className="rounded bg-white px-4 py-6">
        <ArticleView
          locale={locale}
          article={{
            ...article,
            author: { displayName: getStaffMember(db, article.authorId)?.displayName ?? '' },
            tags: article.tags.map((name, i) => ({ id: i, name })),
            chain: ancestorChain(listSections(db), article.sectionId),
          }}
        />
      </div>
    </>
  );
}
