'use server';

import { refresh } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { audited } from '@/db/queries/audit';
import { countAdmins, getStaffByEmail, getStaffMember, setPasswordHash, slugTaken, updateStaffMember } from '@/db/queries/staff';
import { createUser } from '@/db/queries/users';
import { type UserRole, userRoles } from '@/db/schema';
import type { ActionResult } from '@/lib/action-result';
import { unlessBusy } from '@/lib/unless-busy';
import { actionKit } from '@/lib/admin-action';
import { staffWhoCan } from '@/lib/auth';
import { normalizeText } from '@/lib/comment-text';
import { hashPassword, passwordProblem } from '@/lib/password';
import { slugify } from '@/lib/slug';

const isRole = (value: unknown): value is UserRole => (userRoles as readonly unknown[]).includes(value);

export async function staffAction(previous: ActionResult, formData: FormData): Promise<ActionResult> {
  return unlessBusy(previous, formData, staffActionNow);
}

async function staffActionNow(previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const { t, answer } = await actionKit(previous, formData);
  const admin = await staffWhoCan('manageStaff');
  if (!admin) return answer('error', t('actionForbidden'));
  const db = getDb();
  const operation = String(formData.get('operation') ?? '');

  if (operation === 'create') {
    const displayName = normalizeText(String(formData.get('displayName') ?? '')).slice(0, 100);
    const email = String(formData.get('email') ?? '').trim().toLowerCase();
    const role = formData.get('role');
    const password = String(formData.get('password') ?? '');
    if (!displayName) return answer('error', t('staff.errors.nameRequired'));
    if (email.length > 100 || !z.email().safeParse(email).success) return answer('error', t('staff.errors.emailInvalid'));
    if (getStaffByEmail(db, email)) return answer('error', t('staff.errors.emailTaken'));
    const problem = passwordProblem(password);
    if (problem) return answer('error', t(problem === 'tooShort' ? 'staff.errors.passwordTooShort' : 'staff.errors.passwordTooLong'));
    if (!isRole(role)) return answer('error', t('staff.errors.nameRequired'));
    let slug = slugify(displayName);
    for (let n = 2; slugTaken(db, slug); n++) slug = `${slugify(displayName)}-${n}`;
    const hash = await hashPassword(password);
    audited(
      db,
      () => {
        const user = createUser(db, { email, displayName, slug, role });
        setPasswordHash(db, user.id, hash);
        return user;
      },
      (user) => ({ userId: admin.id, action: 'staff.create', entityType: 'user', entityId: user.id, summary: `${displayName} (${role})` }),
    );
    refresh();
    return answer('ok', t('saved'), true);
  }

  const member = getStaffMember(db, Number(formData.get('id')));
  if (!member) return answer('error', t('notFound'));
  if (member.id === admin.id) return answer('error', t('staff.errors.self'));
  // The last-admin check reads the member and counts the admins inside the change's transaction:
  // two admins demoting each other at once (even from two server processes) cannot leave none.
  const unlessLastAdmin = (endsAdminRights: boolean, change: () => void, summary: string) =>
    audited(
      db,
      () => {
        const now = getStaffMember(db, member.id);
        if (!now) return 'notFound';
        if (endsAdminRights && now.role === 'admin' && !now.disabled && countAdmins(db) <= 1) return 'lastAdmin';
        change();
        return 'ok';
      },
      (outcome) => (outcome === 'ok' ? { userId: admin.id, action: `staff.${operation}`, entityType: 'user', entityId: member.id, summary } : null),
    );
  let outcome: 'ok' | 'notFound' | 'lastAdmin';
  if (operation === 'role') {
    const role = formData.get('role');
    if (!isRole(role)) return answer('error', t('notFound'));
    outcome = unlessLastAdmin(role !== 'admin', () => updateStaffMember(db, member.id, { role }), `${member.displayName}: ${role}`);
  } else if (operation === 'disable' || operation === 'enable') {
    outcome = unlessLastAdmin(operation === 'disable', () => updateStaffMember(db, member.id, { disabled: operation === 'disable' }), member.displayName);
  } else {
    return answer('error', t('notFound'));
  }
  if (outcome !== 'ok') return answer('error', t(outcome === 'notFound' ? 'notFound' : 'staff.errors.lastAdmin'));
  refresh();
  return answer('ok', t('saved'));
}
