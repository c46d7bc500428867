import { z } from 'zod';
import { hasControlCharacters, isVisiblyEmpty, normalizeText } from './comment-text';
import { slugify } from './slug';

// The article editor's schema (server action). Errors are keys under Admin.editor.errors.

export const articleLimits = { title: 300, deck: 500, source: 200, excerpt: 1000, body: 200_000, tag: 60, tags: 20, imageAlt: 300, imageCaption: 300, imageCredit: 150 } as const;

export type ArticleErrorKey =
  | 'titleRequired' | 'titleTooLong' | 'textInvalid' | 'deckTooLong' | 'sourceTooLong' | 'excerptTooLong'
  | 'bodyRequired' | 'bodyTooLong' | 'sectionRequired' | 'tagsInvalid' | 'imageAltTooLong' | 'imageCaptionTooLong' | 'imageCreditTooLong';

const line = (max: number, tooLong: ArticleErrorKey) =>
  z
    .string()
    .refine((s) => !hasControlCharacters(s, { allowLineBreaks: false }), { error: 'textInvalid', abort: true })
    .transform(normalizeText)
    .refine((s) => [...s].length <= max, { error: tooLong });

/** Tags typed as a list separated by commas (Latin or Arabic). */
export function parseTags(value: string): string[] {
  return [...new Set(value.split(/[,،]/).map((t) => normalizeText(t).replace(/\s+/g, ' ')).filter((t) => !isVisiblyEmpty(t)))];
}

export const articleSchema = z.object({
  title: line(articleLimits.title, 'titleTooLong').refine((s) => !isVisiblyEmpty(s), { error: 'titleRequired' }),
  deck: line(articleLimits.deck, 'deckTooLong'),
  source: line(articleLimits.source, 'sourceTooLong'),
  excerpt: z
    .string()
    .refine((s) => !hasControlCharacters(s, { allowLineBreaks: true }), { error: 'textInvalid', abort: true })
    .transform(normalizeText)
    .refine((s) => [...s].length <= articleLimits.excerpt, { error: 'excerptTooLong' }),
  body: z
    .string()
    .refine((s) => !hasControlCharacters(s, { allowLineBreaks: true }), { error: 'textInvalid', abort: true })
    .transform((s) => s.replace(/\r\n?/g, '\n').normalize('NFC').trim())
    .refine((s) => !isVisiblyEmpty(s), { error: 'bodyRequired', abort: true })
    .refine((s) => s.length <= articleLimits.body, { error: 'bodyTooLong' }),
  slug: z.string().transform((s) => s.trim()),
  sectionId: z.unknown().transform((v, ctx) => {
    const id = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : NaN;
    if (!Number.isSafeInteger(id) || id <= 0) {
      ctx.addIssue({ code: 'custom', message: 'sectionRequired' });
      return z.NEVER;
    }
    return id;
  }),
  tags: z
    .string()
    .refine((s) => !hasControlCharacters(s, { allowLineBreaks: false }), { error: 'tagsInvalid', abort: true })
    .transform(parseTags)
    .refine((list) => list.length <= articleLimits.tags && list.every((t) => [...t].length <= articleLimits.tag), { error: 'tagsInvalid' }),
  imageAlt: line(articleLimits.imageAlt, 'imageAltTooLong'),
  imageCaption: line(articleLimits.imageCaption, 'imageCaptionTooLong'),
  imageCredit: line(articleLimits.imageCredit, 'imageCreditTooLong'),
  commentsOpen: z.boolean(),
});

export type ArticleForm = z.input<typeof articleSchema>;
export type ArticleInput = z.output<typeof articleSchema>;

export function validateArticle(form: ArticleForm): { ok: true; data: ArticleInput & { slug: string } } | { ok: false; errors: Partial<Record<keyof ArticleForm, ArticleErrorKey>> } {
  const result = articleSchema.safeParse(form);
  if (!result.success) {
    const errors: Partial<Record<keyof ArticleForm, ArticleErrorKey>> = {};
    for (const issue of result.error.issues) errors[issue.path[0] as keyof ArticleForm] ??= issue.message as ArticleErrorKey;
    return { ok: false, errors };
  }
  // The slug is made from what was typed, or from the title; it is always URL-safe.
  return { ok: true, data: { ...result.data, slug: slugify(result.data.slug || result.data.title) } };
}
