import { getTranslations } from 'next-intl/server';
import type { EditorLabels } from './ArticleEditor';
import { articleStatuses } from '@/db/schema';

/** Every string the article editor shows, from messages/*.json. */
export async function editorLabels(locale: string): Promise<EditorLabels> {
  const t = await getTranslations({ locale, namespace: 'Admin' });
  return {
    fields: t.raw('editor.fields') as Record<string, string>,
    toolbar: t.raw('editor.toolbar') as EditorLabels['toolbar'],
    linkPrompt: t('editor.linkPrompt'),
    preview: t('editor.preview'),
    previewEmpty: t('editor.previewEmpty'),
    actions: t('editor.actions'),
    settings: t('editor.settings'),
    save: t('editor.save'),
    saving: t('editor.saving'),
    review: t('editor.review'),
    publish: t('editor.publish'),
    schedule: t('editor.schedule'),
    unpublish: t('editor.unpublish'),
    trash: t('editor.trash'),
    restore: t('editor.restore'),
    confirm: t('confirm'),
    reload: t('editor.reload'),
    statusLine: t.raw('editor.status') as string,
    statusNames: Object.fromEntries(articleStatuses.map((s) => [s, t(`status.${s}`)])),
  };
}
