import { arabicContent, type ContentLang, interfaceText } from './content-lang';

type Named = { name: string; nameEn?: string };

function showsEnglish(section: Named, locale: string): boolean {
  return locale === 'en' && !!section.nameEn;
}

/** A section's name on this interface: its English name on the English side, when it has one. */
export function sectionName(section: Named, locale: string): string {
  return showsEnglish(section, locale) ? section.nameEn! : section.name;
}

/**
 * The attributes of the element showing sectionName. The Arabic name is marked as Arabic on the
 * English side; the English one as English, since it often sits in Arabic content (a card, a result).
 */
export function sectionNameAttributes(section: Named, locale: string): ContentLang {
  return showsEnglish(section, locale) ? interfaceText(locale) : arabicContent(locale);
}
