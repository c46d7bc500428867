// Readable URL slugs for Arabic and Latin titles. Arabic letters are kept as they are (browsers show
// them decoded in the address bar); diacritics, tatweel and punctuation go, words join with '-'.

const HARAKAT_AND_TATWEEL = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
const INVISIBLE = /[\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

export const MAX_SLUG_WORDS = 8;
export const MAX_SLUG_LENGTH = 80;

export function slugify(text: string): string {
  const words = text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(HARAKAT_AND_TATWEEL, '')
    .toLowerCase()
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .split(NOT_WORD)
    .filter(Boolean)
    .slice(0, MAX_SLUG_WORDS);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word.slice(0, MAX_SLUG_LENGTH);
    if (next.length > MAX_SLUG_LENGTH) break;
    slug = next;
  }
  return slug || 'article';
}

/** Route params may arrive percent-encoded or not; compare slugs in decoded NFC form. */
export function decodeSlug(raw: string): string {
  let value = raw;
  try {
    value = decodeURIComponent(raw);
  } catch {
    // malformed escapes: compare as given
  }
  return value.normalize('NFC');
}
