import { z } from 'zod';
import { commentLimits } from './comment-limits';
import { charLength, hasControlCharacters, isVisiblyEmpty, normalizeText, utf8Length } from './comment-text';

// The comment form's one schema, used by the server action and by the form (which loads it on the
// first submit and checks before sending). Errors are message keys under Comments.errors in messages/*.json.
// Limits are in comment-limits.ts (the form imports them without pulling zod into the browser).

export type CommentErrorKey =
  | 'bodyRequired' | 'bodyTooLong' | 'bodyInvalid'
  | 'nameRequired' | 'nameTooLong' | 'nameInvalid'
  | 'emailRequired' | 'emailTooLong' | 'emailInvalid'
  | 'websiteTooLong' | 'websiteInvalid';

const text = (multiline: boolean, invalid: CommentErrorKey) =>
  z
    .string()
    .refine((s) => !hasControlCharacters(s, { allowLineBreaks: multiline }), { error: invalid, abort: true })
    .transform(normalizeText);

const body = text(true, 'bodyInvalid')
  .refine((s) => !isVisiblyEmpty(s), { error: 'bodyRequired', abort: true })
  .refine((s) => utf8Length(s) <= commentLimits.bodyBytes, { error: 'bodyTooLong' });

const name = text(false, 'nameInvalid')
  .refine((s) => !isVisiblyEmpty(s), { error: 'nameRequired', abort: true })
  .refine((s) => charLength(s) <= commentLimits.name, { error: 'nameTooLong' });

const email = text(false, 'emailInvalid')
  .refine((s) => s.length > 0, { error: 'emailRequired', abort: true })
  .refine((s) => charLength(s) <= commentLimits.email, { error: 'emailTooLong', abort: true })
  .pipe(z.email({ error: 'emailInvalid' }))
  .transform((s) => s.toLowerCase());

/** A bare domain gets http:// (as WordPress does); anything but http(s) with a host is refused. */
export function normalizeWebsite(value: string): string | null {
  if (!value) return null;
  // "example.com:8080" has no scheme; "javascript:…" and "ftp://…" do (and are refused below).
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) || /^(javascript|data|vbscript|mailto|file|tel|blob):/i.test(value);
  const withScheme = hasScheme ? value : `http://${value}`;
  try {
    const url = new URL(withScheme);
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname.includes('.') || url.username || url.password) {
      return null;
    }
    return url.href.length <= commentLimits.website ? url.href : null;
  } catch {
    return null;
  }
}

const website = text(false, 'websiteInvalid')
  .refine((s) => charLength(s) <= commentLimits.website, { error: 'websiteTooLong', abort: true })
  .refine((s) => s === '' || normalizeWebsite(s) !== null, { error: 'websiteInvalid' })
  .transform((s) => normalizeWebsite(s));

export const commentSchema = z.object({ body, name, email, website });

export type CommentFields = { body: string; name: string; email: string; website: string };
export { commentLimits };
export type CommentInput = z.output<typeof commentSchema>;

/** Validates the four fields; on failure, the first error key of each field. */
export function validateComment(
  fields: CommentFields,
): { ok: true; data: CommentInput } | { ok: false; errors: Partial<Record<keyof CommentFields, CommentErrorKey>> } {
  const result = commentSchema.safeParse(fields);
  if (result.success) return { ok: true, data: result.data };
  const errors: Partial<Record<keyof CommentFields, CommentErrorKey>> = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0] as keyof CommentFields;
    errors[field] ??= issue.message as CommentErrorKey;
  }
  return { ok: false, errors };
}
