'use server';

import { refresh } from 'next/cache';
import { z } from 'zod';
import { getDb, writeTransaction } from '@/db/client';
import { recordAudit } from '@/db/queries/audit';
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
    const created = writeTransaction(db, (tx) => {
      const user = createUser(tx, { email, displayName, slug, role });
      setPasswordHash(tx, user.id, hash);
      return user;
    });
    recordAudit(db, { userId: admin.id, action: 'staff.create', entityType: 'user', entityId: created.id, summary: `${displayName} (${role})` });
    refresh();
    return answer('ok', t('saved'), true);
  }

  const member = getStaffMember(db, Number(formData.get('id')));
  if (!member) return answer('error', t('notFound'));
  if (member.id === admin.id) return answer('error', t('staff.errors.self'));
  const losesAdmin = member.role === 'admin' && !member.disabled;
  if (operation === 'role') {
    const role = formData.get('role');
    if (!isRole(role)) return answer('error', t('notFound'));
    if (losesAdmin && role !== 'admin' && countAdmins(db) <= 1) return answer('error', t('staff.errors.lastAdmin'));
    updateStaffMember(db, member.id, { role });
    recordAudit(db, { userId: admin.id, action: 'staff.role', entityType: 'user', entityId: member.id, summary: `${member.displayName}: ${role}` });
  } else if (operation === 'disable' || operation === 'enable') {
    if (operation === 'disable' && losesAdmin && countAdmins(db) <= 1) return answer('error', t('staff.errors.lastAdmin'));
    updateStaffMember(db, member.id, { disabled: operation === 'disable' });
    recordAudit(db, { userId: admin.id, action: `staff.${operation}`, entityType: 'user', entityId: member.id, summary: member.displayName });
  } else {
    return answer('error', t('notFound'));
  }
  refresh();
  return answer('ok', t('saved'));
}
