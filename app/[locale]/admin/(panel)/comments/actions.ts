'use server';

import { refresh } from 'next/cache';
import { hasLocale } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { audited } from '@/db/queries/audit';
import { deleteComments, editComment, getCommentForModeration, setStatuses } from '@/db/queries/comment-admin';
import { insertComment } from '@/db/queries/comments';
import { revalidateComments } from '@/db/revalidate';
import type { CommentStatus } from '@/db/schema';
import { routing } from '@/i18n/routing';
import type { ActionResult } from '@/lib/action-result';
import { unlessBusy } from '@/lib/unless-busy';
import { staffWhoCan } from '@/lib/auth';
import { threadPlacement } from '@/lib/comment-rules';
import { validateComment } from '@/lib/comment-schema';
import { hashBody } from '@/lib/signing';

const operations: Record<string, CommentStatus | 'delete'> = {
  approve: 'approved',
  unapprove: 'pending',
  spam: 'spam',
  trash: 'trash',
  restore: 'pending',
  delete: 'delete',
};

async function translator(formData: FormData) {
  const field = String(formData.get('locale') ?? '');
  return getTranslations({ locale: hasLocale(routing.locales, field) ? field : routing.defaultLocale, namespace: 'Admin' });
}

/**
 * One comment (a button naming "<id>:<operation>") or every ticked one (ids + operation): approve,
 * unapprove, spam, trash, restore, delete for good. Each changed article's page and count follow.
 */
export async function moderateAction(previous: ActionResult, formData: FormData): Promise<ActionResult> {
  return unlessBusy(previous, formData, moderateActionNow);
}

async function moderateActionNow(previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const t = await translator(formData);
  const next = (patch: Omit<ActionResult, 'version'>): ActionResult => ({ ...patch, version: previous.version + 1 });
  const staff = await staffWhoCan('moderateComments');
  if (!staff) return next({ status: 'error', message: t('actionForbidden') });

  const single = String(formData.get('single') ?? '');
  const [singleId, singleOp] = single.split(':');
  const ids = single ? [Number(singleId)] : formData.getAll('ids').map(Number);
  const operation = operations[single ? (singleOp ?? '') : String(formData.get('operation') ?? '')];
  const valid = ids.filter((id) => Number.isInteger(id) && id > 0);
  if (!operation) return next({ status: 'error', message: t('comments.errors.invalid') });
  if (valid.length === 0) return next({ status: 'error', message: t('comments.errors.nothingSelected') });

  const db = getDb();
  const { articleIds } = audited(
    db,
    () => (operation === 'delete' ? deleteComments(db, valid) : setStatuses(db, valid, operation)),
    ({ commentIds }) => commentIds.map((id) => ({ userId: staff.id, action: `comment.${operation}`, entityType: 'comment', entityId: id })),
  );
  for (const articleId of articleIds) revalidateComments(db, articleId);
  refresh();
  return next({ status: 'ok', message: t('comments.done') });
}

/** Corrects a comment's name, website or text (the same checks as the public form). */
export async function editCommentAction(previous: ActionResult, formData: FormData): Promise<ActionResult> {
  return unlessBusy(previous, formData, editCommentActionNow);
}

async function editCommentActionNow(previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const t = await translator(formData);
  const next = (patch: Omit<ActionResult, 'version'>): ActionResult => ({ ...patch, version: previous.version + 1 });
  const staff = await staffWhoCan('moderateComments');
  if (!staff) return next({ status: 'error', message: t('actionForbidden') });
  const db = getDb();
  const comment = getCommentForModeration(db, Number(formData.get('id')));
  if (!comment) return next({ status: 'error', message: t('notFound') });
  const checked = validateComment({
    body: String(formData.get('body') ?? ''),
    name: String(formData.get('name') ?? ''),
    email: comment.authorEmail,
    website: String(formData.get('website') ?? ''),
  });
  if (!checked.ok) return next({ status: 'error', message: t('comments.errors.invalid') });
  const edited = audited(
    db,
    () => editComment(db, comment.id, { authorName: checked.data.name, authorUrl: checked.data.website, body: checked.data.body, bodyHash: hashBody(checked.data.body) }),
    (row) => (row ? { userId: staff.id, action: 'comment.edit', entityType: 'comment', entityId: comment.id } : null),
  );
  if (!edited) return next({ status: 'error', message: t('notFound') });
  if (comment.status === 'approved') revalidateComments(db, comment.articleId);
  refresh();
  return next({ status: 'ok', message: t('saved') });
}

/** A reply from the newsroom: published at once and shown as staff. */
export async function staffReplyAction(previous: ActionResult, formData: FormData): Promise<ActionResult> {
  return unlessBusy(previous, formData, staffReplyActionNow);
}

async function staffReplyActionNow(previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const t = await translator(formData);
  const next = (patch: Omit<ActionResult, 'version'>): ActionResult => ({ ...patch, version: previous.version + 1 });
  const staff = await staffWhoCan('moderateComments');
  if (!staff) return next({ status: 'error', message: t('actionForbidden') });
  const db = getDb();
  const parent = getCommentForModeration(db, Number(formData.get('parentId')));
  if (!parent) return next({ status: 'error', message: t('notFound') });
  const checked = validateComment({ body: String(formData.get('body') ?? ''), name: staff.displayName, email: staff.email, website: '' });
  if (!checked.ok) return next({ status: 'error', message: t('comments.errors.invalid') });
  const placement = threadPlacement(parent);
  // The reply, the held comment it publishes (as WordPress does) and their log rows: all or nothing.
  const { reply: stored } = audited(
    db,
    () => {
      const reply = insertComment(db, {
        articleId: parent.articleId,
        parentId: placement.parentId,
        depth: placement.depth,
        authorName: staff.displayName,
        authorEmail: staff.email,
        authorUrl: null,
        userId: staff.id,
        body: checked.data.body,
        bodyHash: hashBody(checked.data.body),
        status: 'approved',
        ipHash: 'staff',
        createdAt: Date.now(),
      });
      // Read again here: another moderator may have changed the held comment since the page loaded.
      const held = reply.ok && getCommentForModeration(db, parent.id)?.status === 'pending';
      const approvedParent = held && setStatuses(db, [parent.id], 'approved').commentIds.length > 0;
      return { reply, approvedParent };
    },
    ({ reply, approvedParent }) =>
      reply.ok
        ? [
            { userId: staff.id, action: 'comment.reply', entityType: 'comment', entityId: reply.id },
            ...(approvedParent ? [{ userId: staff.id, action: 'comment.approved', entityType: 'comment', entityId: parent.id }] : []),
          ]
        : null,
  );
  if (!stored.ok) return next({ status: 'error', message: t('comments.errors.invalid') });
  revalidateComments(db, parent.articleId);
  refresh();
  return next({ status: 'ok', message: t('saved'), reset: true });
}
