'use server';

import { redirect } from 'next/navigation';
import { hasLocale } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import { getDb, mediaDir } from '@/db/client';
import { type ArticleFields, getArticleForEdit, getRevision, saveArticle, tagIdsOf } from '@/db/queries/article-admin';
import { audited } from '@/db/queries/audit';
import { imageKeyInUse } from '@/db/queries/images';
import type { ArticleStatus } from '@/db/schema';
import { cacheTags } from '@/db/cache-tags';
import { revalidateArticle, revalidateReaderTags } from '@/db/revalidate';
import { localized } from '@/i18n/navigation';
import { routing } from '@/i18n/routing';
import { type EditorState, type EditorValues, editorIntents, type EditorIntent } from '@/lib/editor-state';
import { validateArticle } from '@/lib/article-schema';
import { currentStaff, type SessionStaff } from '@/lib/auth';
import { discardUpload, storeUpload, type StoredUpload } from '@/lib/image-upload';
import { orWhenBusy } from '@/lib/storage-errors';
import { excerptOf, markdownToText } from '@/lib/markdown';
import { can, canEditArticle } from '@/lib/roles';
import { wallTimeToUtc } from '@/lib/time';

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === 'string' ? value : '';
};

function readValues(formData: FormData): EditorValues {
  return {
    title: text(formData, 'title'),
    deck: text(formData, 'deck'),
    source: text(formData, 'source'),
    body: text(formData, 'body'),
    excerpt: text(formData, 'excerpt'),
    slug: text(formData, 'slug'),
    sectionId: text(formData, 'sectionId'),
    tags: text(formData, 'tags'),
    imageAlt: text(formData, 'imageAlt'),
    imageCaption: text(formData, 'imageCaption'),
    imageCredit: text(formData, 'imageCredit'),
    commentsOpen: formData.get('commentsOpen') === 'on',
    publishAt: text(formData, 'publishAt'),
    breakingUntil: text(formData, 'breakingUntil'),
  };
}

/** The status and publication time an intent leads to, or null when this person may not do it. */
function nextStatus(
  intent: EditorIntent,
  staff: SessionStaff,
  current: { status: ArticleStatus; publishedAt: number | null } | null,
  publishAt: number | null,
  now: number,
): { status: ArticleStatus; publishedAt: number | null } | null {
  const editor = can(staff, 'publish');
  const keep = { status: current?.status ?? 'draft', publishedAt: current?.publishedAt ?? null } as const;
  switch (intent) {
    case 'save':
      return keep;
    case 'review':
      return { status: 'review', publishedAt: keep.publishedAt };
    case 'publish':
      return editor ? { status: 'published', publishedAt: current?.status === 'published' ? (current.publishedAt ?? now) : now } : null;
    case 'schedule':
      return editor && publishAt ? { status: 'scheduled', publishedAt: publishAt } : null;
    case 'unpublish':
      return editor ? { status: 'draft', publishedAt: keep.publishedAt } : null;
    case 'trash':
      return editor ? { status: 'trash', publishedAt: keep.publishedAt } : null;
    case 'restore':
      return editor ? { status: 'draft', publishedAt: keep.publishedAt } : null;
  }
}

/**
 * Saves the editor: every save keeps a revision; a stale copy is refused with «تم تعديل المقال من
 * قبل شخص آخر»; publishing, editing a published article, unpublishing or trashing revalidates the
 * reader pages that show it. On any refusal nothing changes and what was typed stays in the form.
 */
export async function saveArticleAction(previous: EditorState, formData: FormData): Promise<EditorState> {
  const localeField = text(formData, 'locale');
  const locale = hasLocale(routing.locales, localeField) ? localeField : routing.defaultLocale;
  const values = readValues(formData);
  const answer = (patch: Partial<EditorState>): EditorState => ({ ...previous, errors: {}, message: undefined, values, formVersion: previous.formVersion + 1, ...patch });
  return orWhenBusy(
    () => saveFromEditor(previous, formData, locale, values, answer),
    async () => answer({ status: 'error', message: (await getTranslations({ locale, namespace: 'Service' }))('busy') }),
  );
}

async function saveFromEditor(
  previous: EditorState,
  formData: FormData,
  locale: string,
  values: EditorValues,
  answer: (patch: Partial<EditorState>) => EditorState,
): Promise<EditorState> {
  const t = await getTranslations({ locale, namespace: 'Admin' });
  const staff = await currentStaff();
  if (!staff) return answer({ status: 'forbidden', message: t('actionForbidden') });
  const intentField = text(formData, 'intent');
  const intent: EditorIntent = (editorIntents as readonly string[]).includes(intentField) ? (intentField as EditorIntent) : 'save';

  const db = getDb();
  const id = previous.id;
  const existing = id ? getArticleForEdit(db, id) : null;
  if (id && !existing) return answer({ status: 'error', message: t('notFound') });
  if (existing ? !canEditArticle(staff, existing) : !can(staff, 'writeArticles')) {
    return answer({ status: 'forbidden', message: t('actionForbidden') });
  }

  const checked = validateArticle({ ...values, commentsOpen: values.commentsOpen });
  if (!checked.ok) {
    const errors = Object.fromEntries(Object.entries(checked.errors).map(([field, key]) => [field, t(`editor.errors.${key}`)]));
    return answer({ status: 'invalid', errors, message: t('editor.errors.fixFields') });
  }
  const input = checked.data;

  const now = Date.now();
  const publishAt = intent === 'schedule' ? wallTimeToUtc(values.publishAt) : null;
  if (intent === 'schedule' && (!publishAt || publishAt <= now)) {
    return answer({ status: 'invalid', errors: { publishAt: t('editor.errors.scheduleInvalid') }, message: t('editor.errors.fixFields') });
  }
  // «عاجل» is an editor's call: an author's form leaves it as it is.
  let breakingUntil: number | null | undefined;
  if (can(staff, 'publish')) {
    breakingUntil = values.breakingUntil ? wallTimeToUtc(values.breakingUntil) : null;
    // The time already saved may pass while the editor is open: sending it back just ends it.
    const unchanged = breakingUntil !== null && Math.floor(breakingUntil / 1000) === Math.floor((existing?.breakingUntil ?? 0) / 1000);
    if (unchanged && breakingUntil! <= now) breakingUntil = null;
    else if (values.breakingUntil && (!breakingUntil || breakingUntil <= now)) {
      return answer({ status: 'invalid', errors: { breakingUntil: t('editor.errors.breakingInvalid') }, message: t('editor.errors.fixFields') });
    }
  }
  const target = nextStatus(intent, staff, existing ?? null, publishAt, now);
  if (!target) return answer({ status: 'forbidden', message: t('actionForbidden') });

  // The image's files are checked and stored first: a refused file changes nothing else. Its row
  // is written with the article, and the files go again if the save is refused.
  let imageId: number | null | undefined;
  let upload: StoredUpload | undefined;
  let imageText: ArticleFields['imageText'];
  const typed = { alt: input.imageAlt, caption: input.imageCaption, credit: input.imageCredit };
  const file = formData.get('image');
  const removing = formData.get('removeImage') === 'on';
  // Texts for an image the article does not have would be dropped while the form said «saved».
  if (!(file instanceof File && file.size > 0) && !existing?.imageId && Object.values(typed).some(Boolean)) {
    const errors = Object.fromEntries(
      (['imageAlt', 'imageCaption', 'imageCredit'] as const).filter((name) => input[name]).map((name) => [name, t('editor.errors.imageTextWithoutImage')]),
    );
    return answer({ status: 'invalid', errors, message: t('editor.errors.fixFields') });
  }
  if (file instanceof File && file.size > 0) {
    const stored = await storeUpload(Buffer.from(await file.arrayBuffer()), mediaDir());
    if (typeof stored === 'string') {
      return answer({ status: 'invalid', errors: { image: t(`editor.errors.${stored}`) }, message: t('editor.errors.fixFields') });
    }
    upload = stored;
  } else if (removing) {
    imageId = null;
  } else if (existing?.imageId && existing.image && (['alt', 'caption', 'credit'] as const).some((k) => existing.image![k] !== typed[k])) {
    imageText = { id: existing.imageId, ...typed };
  }

  const fields: ArticleFields = {
    title: input.title,
    deck: input.deck,
    source: input.source,
    body: input.body,
    excerpt: input.excerpt || excerptOf(markdownToText(input.body.split(/\n\s*\n/)[0] ?? '')),
    slug: input.slug,
    sectionId: input.sectionId,
    commentsOpen: input.commentsOpen,
    tags: input.tags,
    imageId,
    newImage: upload && { ...upload, ...typed },
    imageText,
    breakingUntil,
  };
  const expectedVersion = id ? Number(text(formData, 'version')) : null;
  const discard = () => (upload ? discardUpload(upload, mediaDir(), (key) => imageKeyInUse(db, key)).catch(() => undefined) : undefined);
  let result: ReturnType<typeof saveArticle>;
  try {
    result = audited(
      db,
      () => saveArticle(db, { id, expectedVersion, fields, ...target, userId: staff.id }, now),
      (saved) => (saved.ok ? { userId: staff.id, action: id ? `article.${intent}` : 'article.create', entityType: 'article', entityId: saved.id, summary: input.title } : null),
    );
  } catch (error) {
    await discard();
    throw error;
  }
  if (!result.ok) {
    await discard();
    if (result.reason === 'conflict') return answer({ status: 'conflict', message: t('editor.conflict') });
    if (result.reason === 'slugTaken') return answer({ status: 'invalid', errors: { slug: t('editor.errors.slugTaken') }, message: t('editor.errors.fixFields') });
    if (result.reason === 'sectionMissing') return answer({ status: 'invalid', errors: { sectionId: t('editor.errors.sectionRequired') }, message: t('editor.errors.fixFields') });
    return answer({ status: 'error', message: t('notFound') });
  }

  const visibleNow = target.status === 'published' && (target.publishedAt ?? Infinity) <= now;
  const wasBreaking = (existing?.breakingUntil ?? 0) > now;
  const isBreaking = (breakingUntil === undefined ? (existing?.breakingUntil ?? 0) : (breakingUntil ?? 0)) > now;
  if ((visibleNow || result.before?.visible) && (wasBreaking || isBreaking)) revalidateReaderTags([cacheTags.breaking]);
  if (visibleNow || result.before?.visible) {
    revalidateArticle(db, result.id, [input.sectionId, ...(result.before ? [result.before.sectionId] : [])], [
      ...tagIdsOf(db, result.id),
      ...(result.before?.tagIds ?? []),
    ]);
  }

  if (!id) redirect(localized(locale, `/admin/articles/${result.id}?created=1`));
  return answer({
    status: 'saved',
    message: t('saved'),
    version: result.version,
    articleStatus: target.status,
    publishedAt: target.publishedAt,
    values: { ...values, slug: input.slug, tags: input.tags.join('، '), ...(imageId === null ? { imageAlt: '', imageCaption: '', imageCredit: '' } : {}) },
  });
}

/** Puts a revision's text back as a new save (itself kept as a revision). */
export async function restoreRevisionAction(formData: FormData): Promise<void> {
  const localeField = text(formData, 'locale');
  const locale = hasLocale(routing.locales, localeField) ? localeField : routing.defaultLocale;
  const articleId = Number(text(formData, 'articleId'));
  const revisionId = Number(text(formData, 'revisionId'));
  const staff = await currentStaff();
  const db = getDb();
  const article = Number.isInteger(articleId) ? getArticleForEdit(db, articleId) : undefined;
  const revision = article ? getRevision(db, article.id, revisionId) : undefined;
  const back = (outcome: string) => redirect(localized(locale, `/admin/articles/${articleId}/revisions?${outcome}`));
  if (!staff || !article || !canEditArticle(staff, article)) return back('refused=1');
  if (!revision) return back('missing=1');

  const result = audited(db, () => saveArticle(db, {
    id: article.id,
    expectedVersion: Number(text(formData, 'version')),
    fields: {
      title: revision.title,
      deck: revision.deck,
      source: revision.source,
      body: revision.body,
      excerpt: revision.excerpt,
      slug: revision.slug,
      sectionId: revision.sectionId,
      commentsOpen: article.commentsOpen,
      tags: JSON.parse(revision.tags) as string[],
      imageId: revision.imageId,
    },
    status: article.status,
    publishedAt: article.publishedAt,
    userId: staff.id,
  }), (saved) => (saved.ok ? { userId: staff.id, action: 'article.restore-revision', entityType: 'article', entityId: article.id, summary: `v${revision.version}` } : null));
  if (!result.ok) return back(result.reason === 'conflict' ? 'conflict=1' : 'refused=1');
  if (result.before?.visible) revalidateArticle(db, article.id, [article.sectionId, revision.sectionId], [...result.before.tagIds, ...tagIdsOf(db, article.id)]);
  redirect(localized(locale, `/admin/articles/${article.id}?restored=${revision.version}`));
}
