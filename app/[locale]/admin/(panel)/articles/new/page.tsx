import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ArticleEditor } from '@/components/admin/ArticleEditor';
import { editorLabels } from '@/components/admin/editor-labels';
import { getDb } from '@/db/client';
import { listSections } from '@/db/queries/sections';
import { listTagNames } from '@/db/queries/tags';
import { requireStaff } from '@/lib/auth';
import { can } from '@/lib/roles';
import { sectionOptions } from '@/lib/section-tree';

export default async function NewArticle({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const staff = await requireStaff(locale);
  const t = await getTranslations({ locale, namespace: 'Admin.editor' });
  const db = getDb();
  return (
    <>
      <h1 className="text-2xl font-bold">{t('newTitle')}</h1>
      <ArticleEditor
        locale={locale}
        initial={{
          status: 'idle',
          errors: {},
          values: { title: '', deck: '', source: '', body: '', excerpt: '', slug: '', sectionId: '', tags: '', imageAlt: '', imageCaption: '', imageCredit: '', commentsOpen: true, publishAt: '', breakingUntil: '' },
          id: null,
          version: 0,
          articleStatus: 'draft',
          publishedAt: null,
          formVersion: 0,
        }}
        sections={sectionOptions(listSections(db))}
        tagNames={listTagNames(db)}
        image={null}
        canPublish={can(staff, 'publish')}
        labels={await editorLabels(locale)}
        reloadHref={null}
      />
    </>
  );
}
