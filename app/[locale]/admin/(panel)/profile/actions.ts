'use server';

import { redirect } from 'next/navigation';
import { refresh } from 'next/cache';
import { cacheTags } from '@/db/cache-tags';
import { getDb } from '@/db/client';
import { audited } from '@/db/queries/audit';
import { articleIdsByAuthor } from '@/db/queries/articles';
import { findLoginAccount, setPasswordHash, updateStaffMember } from '@/db/queries/staff';
import { revalidateReaderTags } from '@/db/revalidate';
import { localized } from '@/i18n/navigation';
import type { ActionResult } from '@/lib/action-result';
import { unlessBusy } from '@/lib/unless-busy';
import { actionKit } from '@/lib/admin-action';
import { currentStaff, endSession } from '@/lib/auth';
import { normalizeText } from '@/lib/comment-text';
import { hashPassword, passwordProblem, verifyPassword } from '@/lib/password';

/** Display name and bio: the byline on every article of this person follows. */
export async function profileAction(previous: ActionResult, formData: FormData): Promise<ActionResult> {
  return unlessBusy(previous, formData, profileActionNow);
}

async function profileActionNow(previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const { t, answer } = await actionKit(previous, formData);
  const me = await currentStaff();
  if (!me) return answer('error', t('actionForbidden'));
  const displayName = normalizeText(String(formData.get('displayName') ?? '')).slice(0, 100);
  const bio = normalizeText(String(formData.get('bio') ?? ''));
  if (!displayName) return answer('error', t('profile.errors.nameRequired'));
  if ([...bio].length > 1000) return answer('error', t('profile.errors.bioTooLong'));
  const db = getDb();
  audited(db, () => updateStaffMember(db, me.id, { displayName, bio }), () => ({ userId: me.id, action: 'profile.update', entityType: 'user', entityId: me.id }));
  revalidateReaderTags([cacheTags.author(me.id), ...articleIdsByAuthor(db, me.id).map(cacheTags.article)]);
  refresh();
  return answer('ok', t('saved'));
}

/** A new password ends every session of the account, this one included: log in again. */
export async function passwordAction(previous: ActionResult, formData: FormData): Promise<ActionResult> {
  return unlessBusy(previous, formData, passwordActionNow);
}

async function passwordActionNow(previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const { t, answer } = await actionKit(previous, formData);
  const me = await currentStaff();
  if (!me) return answer('error', t('actionForbidden'));
  const current = String(formData.get('current') ?? '');
  const next = String(formData.get('new') ?? '');
  if (next !== String(formData.get('confirm') ?? '')) return answer('error', t('profile.errors.mismatch'));
  const problem = passwordProblem(next);
  if (problem) return answer('error', t(problem === 'tooShort' ? 'staff.errors.passwordTooShort' : 'staff.errors.passwordTooLong'));
  const db = getDb();
  const account = findLoginAccount(db, me.email);
  if (!account?.passwordHash || !(await verifyPassword(current, account.passwordHash))) return answer('error', t('profile.errors.wrongPassword'));
  const hash = await hashPassword(next);
  audited(db, () => setPasswordHash(db, me.id, hash), () => ({ userId: me.id, action: 'profile.password', entityType: 'user', entityId: me.id }));
  await endSession();
  const field = String(formData.get('locale') ?? '');
  redirect(localized(field === 'en' ? 'en' : 'ar', '/admin/login'));
}
