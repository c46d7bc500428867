import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ArticleEditor } from '@/components/admin/ArticleEditor';
import { Forbidden } from '@/components/admin/AdminShell';
import { editorLabels } from '@/components/admin/editor-labels';
import { getDb } from '@/db/client';
import { getArticleForEdit } from '@/db/queries/article-admin';
import { listSections } from '@/db/queries/sections';
import { listTagNames } from '@/db/queries/tags';
import { localized } from '@/i18n/navigation';
import { requireStaff } from '@/lib/auth';
import { imageUrl } from '@/lib/images';
import { articlePath, hrefOf } from '@/lib/paths';
import { can, canEditArticle } from '@/lib/roles';
import { sectionOptions } from '@/lib/section-tree';
import { parseId } from '@/lib/paging';
import { utcToWallTime } from '@/lib/time';

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<{ created?: string; restored?: string }> };

export default async function EditArticle({ params, searchParams }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const staff = await requireStaff(locale);
  const db = getDb();
  const articleId = parseId(id);
  const article = articleId ? getArticleForEdit(db, articleId) : undefined;
  if (!article) notFound();
  if (!canEditArticle(staff, article)) return <Forbidden locale={locale} />;
  const t = await getTranslations({ locale, namespace: 'Admin.editor' });
  const { created, restored } = await searchParams;
  const largest = article.image ? article.image.widths[article.image.widths.length - 1]! : 0;
  const link = 'inline-flex min-h-11 items-center rounded border border-line bg-white px-3 hover:border-brand';

  return (
    <>
      <h1 className="text-2xl font-bold">{t('editTitle', { title: article.title })}</h1>
      <p className="mt-3 flex flex-wrap gap-2">
        <a href={localized(locale, `/admin/articles/${article.id}/preview`)} className={link}>
          {t('previewPage')}
        </a>
        <a href={localized(locale, `/admin/articles/${article.id}/revisions`)} className={link}>
          {t('revisions')}
        </a>
      </p>
      <ArticleEditor
        locale={locale}
        initial={{
          status: created || restored ? 'saved' : 'idle',
          message: created ? t('created') : restored ? t('restored', { version: restored }) : undefined,
          errors: {},
          values: {
            title: article.title,
            deck: article.deck,
            source: article.source,
            body: article.body,
            excerpt: article.excerpt,
            slug: article.slug,
            sectionId: String(article.sectionId),
            tags: article.tags.join('، '),
            imageAlt: article.image?.alt ?? '',
            imageCaption: article.image?.caption ?? '',
            imageCredit: article.image?.credit ?? '',
            commentsOpen: article.commentsOpen,
            publishAt: article.status === 'scheduled' && article.publishedAt ? utcToWallTime(article.publishedAt) : '',
            breakingUntil: article.breakingUntil && article.breakingUntil > Date.now() ? utcToWallTime(article.breakingUntil, undefined, true) : '',
          },
          id: article.id,
          version: article.version,
          articleStatus: article.status,
          publishedAt: article.publishedAt,
          formVersion: 0,
        }}
        sections={sectionOptions(listSections(db))}
        tagNames={listTagNames(db)}
        image={article.image ? { src: imageUrl(article.image.key, largest <= 800 ? largest : 800), width: article.image.width, height: article.image.height } : null}
        canPublish={can(staff, 'publish')}
        labels={await editorLabels(locale)}
        reloadHref={localized(locale, `/admin/articles/${article.id}`)}
      />
      {article.status === 'published' && (
        <p className="mt-4 wrap-anywhere">
          {/* The address in letters: percent-encoded, an Arabic slug was one unbreakable line wider than a phone. */}
          <a href={hrefOf(localized(locale, articlePath(article.id, article.slug)))} dir="ltr" className="underline">
            {hrefOf(articlePath(article.id, article.slug))}
          </a>
        </p>
      )}
    </>
  );
}
