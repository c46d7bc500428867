// Cleaning what commenters type, before any check or comparison.

const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
/** C0 controls except tab and line breaks, DEL, and C1 controls; NUL included. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LINE_BREAK = /[\r\n\u2028\u2029]/;
/** What a reader cannot see: whitespace, zero-width characters, the word joiner, BOM and tatweel. */
const INVISIBLE = /[\s\u200B-\u200F\u2060-\u2064\uFEFF\u034F\u180E\u0640]/gu;

export function hasControlCharacters(text: string, { allowLineBreaks }: { allowLineBreaks: boolean }): boolean {
  return CONTROL.test(text) || (!allowLineBreaks && LINE_BREAK.test(text));
}

/** NFC, bidi overrides and isolates removed, line breaks unified, outer whitespace trimmed. */
export function normalizeText(text: string): string {
  // Bidi controls go first: left between a letter and its mark they would keep the two from composing.
  return text.replace(BIDI_CONTROLS, '').normalize('NFC').replace(/\r\n?|\u2028|\u2029/g, '\n').trim();
}

/** True when nothing visible is left: only spaces, zero-width characters or tatweel. */
export function isVisiblyEmpty(text: string): boolean {
  return text.replace(INVISIBLE, '').length === 0;
}

const encoder = new TextEncoder();

export function utf8Length(text: string): number {
  return encoder.encode(text).length;
}

/** Length in characters (code points), not UTF-16 units. */
export function charLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** Links a reader would see: http(s) URLs and bare www. addresses. */
export function countLinks(text: string): number {
  return (text.match(/(?:\bhttps?:\/\/|\bwww\.)\S+/gi) ?? []).length;
}
