'use server';

import { cookies, headers } from 'next/headers';
import { hasLocale } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import {
  getCommentTarget,
  getReplyParent,
  hasApprovedComment,
  insertComment,
  lastCommentAt,
} from '@/db/queries/comments';
import { getSettings, getSigningSecret } from '@/db/queries/settings';
import { revalidateComments } from '@/db/revalidate';
import { routing } from '@/i18n/routing';
import { currentStaff } from '@/lib/auth';
import { classifyComment, commentsAreOpen, isFlood, threadPlacement } from '@/lib/comment-rules';
import { type CommentFields, validateComment } from '@/lib/comment-schema';
import { COMMENT_FIELDS, type CommentFormState } from '@/lib/comment-form-state';
import {
  AUTHOR_COOKIE,
  cookieOptions,
  decodePending,
  encodeAuthor,
  encodePending,
  MARKER_COOKIE,
  PENDING_COOKIE,
} from '@/lib/commenter-cookies';
import { checkFormToken, FORM_TOKEN_MAX_AGE_SECONDS, hashBody, hashIp, issueFormToken } from '@/lib/signing';
import { orWhenBusy } from '@/lib/storage-errors';

function field(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === 'string' ? value : '';
}

/**
 * The comment form's action. Every answer keeps what was typed; nothing is stored unless every
 * check passes. Robots (honeypot filled, form sent too fast, forged token) get the normal notice
 * and nothing is stored, so they learn nothing.
 */
export async function submitComment(previous: CommentFormState, formData: FormData): Promise<CommentFormState> {
  const localeField = field(formData, 'locale');
  const locale = hasLocale(routing.locales, localeField) ? localeField : routing.defaultLocale;
  const values = {
    ...(Object.fromEntries(COMMENT_FIELDS.map((name) => [name, field(formData, name)])) as CommentFields),
    remember: formData.get('remember') === 'on',
  };
  return orWhenBusy(
    () => handleComment(previous, formData, locale, values),
    async () => ({
      ...previous,
      status: 'refused',
      code: 503,
      message: (await getTranslations({ locale, namespace: 'Service' }))('busy'),
      errors: {},
      values,
      sent: undefined,
      version: previous.version + 1,
    }),
  );
}

async function handleComment(
  previous: CommentFormState,
  formData: FormData,
  locale: string,
  values: CommentFormState['values'],
): Promise<CommentFormState> {
  const t = await getTranslations({ locale, namespace: 'Comments' });
  const db = getDb();
  const settings = getSettings(db);
  const secret = getSigningSecret(db);
  const now = Date.now();

  const state = (patch: Partial<CommentFormState>): CommentFormState => ({
    ...previous,
    status: 'refused',
    code: 200,
    message: undefined,
    errors: {},
    values,
    sent: undefined,
    version: previous.version + 1,
    ...patch,
  });
  const pretendSent = (): CommentFormState =>
    state({ status: 'sent', message: t('awaiting'), values: { ...values, body: '' }, token: issueFormToken(secret, now) });

  if (field(formData, 'homepage') !== '') return pretendSent();
  const token = checkFormToken(secret, field(formData, 'token'), now, settings['comments.minSecondsToSubmit'], FORM_TOKEN_MAX_AGE_SECONDS);
  if (token === 'invalid' || token === 'too-fast') return pretendSent();
  if (token === 'expired') return state({ code: 400, message: t('errors.expired'), token: issueFormToken(secret, now) });

  const articleId = Number(field(formData, 'articleId'));
  const article = Number.isInteger(articleId) && articleId > 0 ? getCommentTarget(db, articleId) : undefined;
  if (!commentsAreOpen(article, now, settings['comments.closeAfterDays'])) {
    return state({ code: 403, message: t('closed') });
  }

  const checked = validateComment(values);
  if (!checked.ok) {
    const errors = Object.fromEntries(Object.entries(checked.errors).map(([name, key]) => [name, t(`errors.${key}`)]));
    return state({ status: 'invalid', code: 400, message: t('errors.fixFields'), errors });
  }
  const input = checked.data;

  let placement = { parentId: null as number | null, depth: 0 };
  const parentId = Number(field(formData, 'parentId'));
  if (field(formData, 'parentId') !== '') {
    const parent = Number.isInteger(parentId) && parentId > 0 ? getReplyParent(db, article!.id, parentId) : undefined;
    if (!parent) return state({ code: 400, message: t('errors.badParent'), parent: null });
    placement = threadPlacement(parent);
  }

  const requestHeaders = await headers();
  const ip = requestHeaders.get('x-portal-client-ip') ?? '0.0.0.0';
  const ipHash = hashIp(secret, ip);
  const floodSeconds = settings['comments.floodSeconds'];
  // Staff answering readers are not held back by the flood rule.
  if (!(await currentStaff()) && isFlood(lastCommentAt(db, { ipHash, email: input.email }, now - floodSeconds * 1000), now, floodSeconds)) {
    return state({ code: 429, message: t('errors.flood') });
  }

  const verdict = classifyComment(
    { ...input, ip },
    { moderationWords: settings['comments.moderationWords'], blockList: settings['comments.blockList'] },
    hasApprovedComment(db, input.email),
  );
  const stored = insertComment(db, {
    articleId: article!.id,
    parentId: placement.parentId,
    depth: placement.depth,
    authorName: input.name,
    authorEmail: input.email,
    authorUrl: input.website,
    body: input.body,
    bodyHash: hashBody(input.body),
    status: verdict,
    ipHash,
    userAgent: (requestHeaders.get('user-agent') ?? '').slice(0, 255),
    createdAt: now,
  });
  if (!stored.ok) return state({ code: 409, message: t('errors.duplicate') });

  const jar = await cookies();
  if (values.remember) {
    jar.set(AUTHOR_COOKIE, encodeAuthor(secret, { name: input.name, email: input.email, website: input.website ?? '' }), cookieOptions(365));
  } else {
    jar.delete(AUTHOR_COOKIE);
  }
  if (verdict === 'pending') {
    jar.set(PENDING_COOKIE, encodePending(secret, [...decodePending(secret, jar.get(PENDING_COOKIE)?.value), stored.id]), cookieOptions(30));
  }
  if (values.remember || verdict === 'pending') jar.set(MARKER_COOKIE, '1', cookieOptions(365, false));

  if (verdict === 'approved') revalidateComments(db, article!.id);

  // Spam is answered like a held comment: the sender learns nothing from the difference.
  const outcome = verdict === 'approved' ? 'approved' : 'pending';
  return state({
    status: 'sent',
    code: 201,
    message: outcome === 'approved' ? t('published') : t('awaiting'),
    values: { ...values, body: '' },
    parent: null,
    token: issueFormToken(secret, now),
    sent: { name: input.name, body: input.body, createdAt: now, outcome },
  });
}
