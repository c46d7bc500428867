/** The language and direction an element is marked with when it differs from the interface's. */
export type ContentLang = { lang?: 'ar' | 'en'; dir?: 'rtl' | 'ltr' };

/**
 * Stored content (titles, bodies, section names) is Arabic whatever the interface language. On the
 * English interface it is marked as such, so screen readers use an Arabic voice and punctuation
 * lands at the right end of the line. On the Arabic interface the page's own lang/dir apply.
 */
export function arabicContent(locale: string): { lang?: 'ar'; dir?: 'rtl' } {
  return locale === 'ar' ? {} : { lang: 'ar', dir: 'rtl' };
}

/**
 * The reverse, for interface text (a date, «4 comments») inside Arabic content on the English side:
 * marked as English so it reads left to right («comments 4» otherwise).
 */
export function interfaceText(locale: string): { lang?: 'en'; dir?: 'ltr' } {
  return locale === 'ar' ? {} : { lang: 'en', dir: 'ltr' };
}
