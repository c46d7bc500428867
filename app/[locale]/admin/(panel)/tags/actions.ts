'use server';

import { refresh } from 'next/cache';
import { cacheTags } from '@/db/cache-tags';
import { getDb } from '@/db/client';
import { audited } from '@/db/queries/audit';
import { articleIdsWithTag, deleteTag, getTag, getTagByName, mergeTags, renameTag, tagNameTaken } from '@/db/queries/tag-admin';
import { revalidateReaderTags } from '@/db/revalidate';
import type { ActionResult } from '@/lib/action-result';
import { unlessBusy } from '@/lib/unless-busy';
import { actionKit } from '@/lib/admin-action';
import { staffWhoCan } from '@/lib/auth';
import { normalizeText } from '@/lib/comment-text';

/** A tag name as typed: normalized, inner spaces collapsed. */
function tagName(value: FormDataEntryValue | null): string {
  return normalizeText(String(value ?? '')).replace(/\s+/g, ' ');
}

/** A tag's own page and every article showing it. */
function revalidateTagPages(tagId: number, articleIds: number[]) {
  revalidateReaderTags([cacheTags.tag(tagId), ...articleIds.map(cacheTags.article)]);
}

export async function tagAction(previous: ActionResult, formData: FormData): Promise<ActionResult> {
  return unlessBusy(previous, formData, tagActionNow);
}

async function tagActionNow(previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const { t, answer } = await actionKit(previous, formData);
  const staff = await staffWhoCan('manageTags');
  if (!staff) return answer('error', t('actionForbidden'));
  const db = getDb();
  const tag = getTag(db, Number(formData.get('id')));
  if (!tag) return answer('error', t('tags.errors.notFound'));
  const operation = String(formData.get('operation') ?? '');
  const affected = articleIdsWithTag(db, tag.id);
  const change = (apply: () => void) => audited(db, apply, () => ({ userId: staff.id, action: `tag.${operation}`, entityType: 'tag', entityId: tag.id, summary: tag.name }));

  if (operation === 'rename') {
    // At most 60 characters (letters, not UTF-16 units: an emoji is not cut in two).
    const name = Array.from(tagName(formData.get('name'))).slice(0, 60).join('');
    if (!name) return answer('error', t('tags.errors.nameRequired'));
    if (tagNameTaken(db, name, tag.id)) return answer('error', t('tags.errors.nameTaken'));
    change(() => renameTag(db, tag.id, name));
  } else if (operation === 'merge') {
    const targetName = tagName(formData.get('targetName'));
    const target = targetName ? getTagByName(db, targetName) : undefined;
    if (!target) return answer('error', targetName ? t('tags.errors.noSuchTarget', { name: targetName }) : t('tags.errors.sameTag'));
    if (target.id === tag.id) return answer('error', t('tags.errors.sameTag'));
    change(() => mergeTags(db, tag.id, target.id));
    revalidateTagPages(target.id, []);
  } else if (operation === 'delete') {
    change(() => deleteTag(db, tag.id));
  } else {
    return answer('error', t('tags.errors.notFound'));
  }
  revalidateTagPages(tag.id, affected);
  refresh();
  return answer('ok', t('saved'));
}
