// Text for XML 1.0 documents (feeds, sitemaps). Stored text may hold characters XML 1.0 cannot carry
// at all (C0 controls other than tab and line breaks, lone surrogates, U+FFFE/U+FFFF); one of them
// makes the whole document unreadable to a parser, so they are removed, not escaped.

const INVALID_XML_CHARS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function stripInvalidXmlChars(text: string): string {
  return text.replace(INVALID_XML_CHARS, '');
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Safe inside element content and quoted attribute values. */
export function escapeXml(text: string): string {
  return stripInvalidXmlChars(text).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** W3C Datetime, as sitemaps want it: 2024-03-05T10:00:00Z. */
export function w3cDate(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** An absolute URL in ASCII (non-ASCII path characters percent-encoded), as sitemaps require. */
export function asciiUrl(url: string): string {
  return new URL(url).href;
}
