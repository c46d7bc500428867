import { routing } from './routing';

// Localized paths without next-intl's createNavigation: its module graph pulls next-intl's client
// Link (and the ICU formatter) into every page's JavaScript, and the site uses plain links.

/** A path for `locale`: Arabic unprefixed, English under /en. */
export function localized(locale: string, path: string): string {
  if (locale === routing.defaultLocale) return path;
  return path === '/' ? `/${locale}` : `/${locale}${path}`;
}
