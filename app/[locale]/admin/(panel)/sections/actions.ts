'use server';

import { refresh } from 'next/cache';
import { cacheTags } from '@/db/cache-tags';
import { getDb } from '@/db/client';
import { audited } from '@/db/queries/audit';
import { addSection, moveSection, removeSection, sectionSlugTaken, type SectionValues, updateSection } from '@/db/queries/section-admin';
import { revalidateReaderTags } from '@/db/revalidate';
import type { ActionResult } from '@/lib/action-result';
import { unlessBusy } from '@/lib/unless-busy';
import { actionKit } from '@/lib/admin-action';
import { staffWhoCan } from '@/lib/auth';
import { normalizeText } from '@/lib/comment-text';
import { slugify } from '@/lib/slug';

function readValues(formData: FormData): SectionValues {
  const name = normalizeText(String(formData.get('name') ?? '')).slice(0, 100);
  const parent = Number(formData.get('parentId'));
  return {
    name,
    nameEn: normalizeText(String(formData.get('nameEn') ?? '')).slice(0, 100),
    slug: slugify(String(formData.get('slug') ?? '') || name),
    description: normalizeText(String(formData.get('description') ?? '')).slice(0, 500),
    parentId: Number.isInteger(parent) && parent > 0 ? parent : null,
  };
}

/** The tree shows on every reader page (navigation, breadcrumbs): all of them follow a change. */
function revalidateTree(sectionId?: number) {
  revalidateReaderTags([cacheTags.sections, cacheTags.front, ...(sectionId ? [cacheTags.section(sectionId)] : [])]);
}

export async function sectionAction(previous: ActionResult, formData: FormData): Promise<ActionResult> {
  return unlessBusy(previous, formData, sectionActionNow);
}

async function sectionActionNow(previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const { t, answer } = await actionKit(previous, formData);
  const staff = await staffWhoCan('manageSections');
  if (!staff) return answer('error', t('actionForbidden'));
  const db = getDb();
  const operation = String(formData.get('operation') ?? '');
  const id = Number(formData.get('id'));

  const entry = (action: string, entityId: number, summary?: string) => ({ userId: staff.id, action, entityType: 'section', entityId, summary });

  if (operation === 'create' || operation === 'update') {
    const values = readValues(formData);
    if (!values.name) return answer('error', t('sections.errors.nameRequired'));
    if (sectionSlugTaken(db, values.slug, operation === 'update' ? id : undefined)) return answer('error', t('sections.errors.slugTaken'));
    if (operation === 'create') {
      const created = audited(db, () => addSection(db, values), (newId) => entry('section.create', newId, values.name));
      revalidateTree(created);
      refresh();
      return answer('ok', t('saved'), true);
    }
    const outcome = audited(db, () => updateSection(db, id, values), (done) => (done === 'ok' ? entry('section.update', id, values.name) : null));
    if (outcome === 'cycle') return answer('error', t('sections.errors.cycle'));
    if (outcome === 'notFound') return answer('error', t('sections.errors.notFound'));
  } else if (operation === 'up' || operation === 'down') {
    audited(db, () => moveSection(db, id, operation === 'up' ? -1 : 1), (moved) => (moved ? entry(`section.${operation}`, id) : null));
  } else if (operation === 'delete') {
    const outcome = audited(db, () => removeSection(db, id), (done) => (done === 'ok' ? entry('section.delete', id) : null));
    if (outcome !== 'ok') return answer('error', t(`sections.errors.${outcome}`));
  } else {
    return answer('error', t('sections.errors.notFound'));
  }
  revalidateTree(id);
  refresh();
  return answer('ok', t('saved'));
}
