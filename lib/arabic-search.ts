// Arabic-aware search: the one place that says how text is folded for matching. The same functions
// fold what is indexed (through SQL functions registered on every connection, db/search-functions.ts)
// and what readers type, so both sides always agree.
//
// Folding, in this order:
//  1. NFKC (presentation forms and ligatures become plain letters; decomposed hamza/madda compose).
//  2. Remove harakat U+064B–U+065F, the superscript alef U+0670, tatweel U+0640, and invisible
//     format characters (zero-width, bidi controls, BOM).
//  3. آ أ إ ٱ → ا;  ى → ي;  ة → ه;  ؤ → و;  ئ → ي.
//  4. Persian and Urdu yeh (ی ے ۓ) → ي;  Persian and swash kaf (ک ڪ) → ك.
//  5. Arabic-Indic (٠–٩) and Persian (۰–۹) digits → 0–9;  Latin letters to lower case.
// Then words are split on anything that is not a letter or digit, and a light prefix rule drops the
// article with the conjunctions and prepositions that attach to it: وال، فال، بال، كال، لل، ال — when
// at least two letters remain — so «الدبلوماسية», «والدبلوماسية» and «دبلوماسية» are one word.
// The bare prefixes و ف ب ك ل are not removed: «وزير» or «بلد» would lose a letter of their own.

const LETTERS: Record<string, string> = {
  'آ': 'ا', 'أ': 'ا', 'إ': 'ا', 'ٱ': 'ا',
  'ى': 'ي', 'ة': 'ه', 'ؤ': 'و', 'ئ': 'ي',
  'ی': 'ي', 'ے': 'ي', 'ۓ': 'ي',
  'ک': 'ك', 'ڪ': 'ك',
};
const PREFIXES = ['وال', 'فال', 'بال', 'كال', 'لل', 'ال'] as const;
const MIN_STEM = 2;

// One table for steps 2–5, read in a single pass over the text.
const REMOVED = /[\u064B-\u065F\u0670\u0640\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/;
const fold = new Map<string, string>(Object.entries(LETTERS));
for (let d = 0; d < 10; d++) {
  fold.set(String.fromCharCode(0x0660 + d), String(d));
  fold.set(String.fromCharCode(0x06f0 + d), String(d));
}
// Text made only of these characters is already NFKC (harakat may be reordered by it, but they are
// removed anyway), so the costly normalization is skipped for plain Arabic and ASCII.
const NFKC_STABLE = /^[\u0000-\u007F\u060C\u061B\u061F\u0621-\u0652\u0660-\u066D\u0670\u06A9\u06AA\u06CC\u06D2\u06D3\u06F0-\u06F9\u200B-\u200F\u202A-\u202E\u2060-\u2069]*$/;

/** Steps 1–5: the folded form of any text, same length or shorter, still with its spaces and punctuation. */
export function foldArabic(text: string): string {
  const normalized = NFKC_STABLE.test(text) ? text : text.normalize('NFKC');
  let out = '';
  for (const ch of normalized) {
    if (REMOVED.test(ch)) continue;
    out += fold.get(ch) ?? ch;
  }
  return out.toLowerCase();
}

/** The prefix rule, for one folded word. */
export function stripPrefix(word: string): string {
  for (const prefix of PREFIXES) {
    if (word.startsWith(prefix) && [...word].length - prefix.length >= MIN_STEM) return word.slice(prefix.length);
  }
  return word;
}

/** The words of a text as the index holds them: folded, split, prefix-stripped. */
export function searchTerms(text: string): string[] {
  return foldArabic(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map(stripPrefix);
}

/** What goes into the full-text index for a text. */
export function indexText(text: string): string {
  return searchTerms(text).join(' ');
}

export const QUERY_MAX_CHARS = 200;
export const QUERY_MAX_TERMS = 12;

/** A reader's query, tidied for showing back: trimmed, single-spaced, capped. */
export function cleanQuery(raw: string): string {
  return [...raw.replace(/[\u0000-\u001F\u007F]/g, ' ').replace(/\s+/g, ' ').trim()].slice(0, QUERY_MAX_CHARS).join('').trim();
}

/**
 * The FTS5 MATCH expression for a reader's query: every term must appear (AND), each one quoted so
 * nothing the reader types is read as FTS5 syntax. Null when nothing searchable is left.
 */
export function matchExpression(query: string): string | null {
  const terms = [...new Set(searchTerms(cleanQuery(query)))].slice(0, QUERY_MAX_TERMS);
  if (terms.length === 0) return null;
  // Terms hold only letters and digits, so a quote can never appear inside one.
  return terms.map((t) => `"${t}"`).join(' ');
}

export type SnippetPart = { text: string; hit: boolean };

const WORD = /[\p{L}\p{N}\p{M}\u0640]+/gu;

/**
 * The words of `text` that match the query, marked, in a window of about `words` words around the
 * first match (the start of the text when none matches). Original spelling is kept: matching is on
 * the folded form of each word.
 */
export function snippet(text: string, query: string, words = 30): SnippetPart[] {
  const wanted = new Set(searchTerms(cleanQuery(query)));
  const folded = new Map<string, boolean>();
  // Folding is the costly part (NFKC); words repeat, so each is folded once.
  const isHit = (word: string) => {
    let hit = folded.get(word);
    if (hit === undefined) folded.set(word, (hit = wanted.has(stripPrefix(foldArabic(word)))));
    return hit;
  };
  const matches = [...text.matchAll(WORD)];
  const first = matches.findIndex((m) => isHit(m[0]));
  const startWord = first < 0 ? 0 : Math.max(0, Math.min(first - Math.floor(words / 3), matches.length - words));
  const window = matches.slice(startWord, startWord + words);
  if (window.length === 0) return text ? [{ text: text.slice(0, 200), hit: false }] : [];
  const parts: SnippetPart[] = [];
  let cursor = window[0]!.index!;
  const push = (part: SnippetPart) => {
    const last = parts.at(-1);
    if (last && last.hit === part.hit) last.text += part.text;
    else parts.push(part);
  };
  if (startWord > 0) push({ text: '… ', hit: false });
  for (const m of window) {
    if (m.index! > cursor) push({ text: text.slice(cursor, m.index), hit: false });
    push({ text: m[0], hit: isHit(m[0]) });
    cursor = m.index! + m[0].length;
  }
  const endsEarly = startWord + words < matches.length;
  if (endsEarly) push({ text: ' …', hit: false });
  else if (cursor < text.length) push({ text: text.slice(cursor), hit: false });
  return parts;
}
