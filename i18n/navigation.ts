import { routing } from './routing';

// Localized paths without next-intl's createNavigation: its module graph pulls next-intl's client
// Link (and the ICU formatter) into every page's JavaScript, and the site uses plain links.

/** A path for `locale`: Arabic unprefixed, English under /en. */
export function localized(locale: string, path: string): string {
  if (locale === routing.defaultLocale) return path;
  return path === '/' ? `/${locale}` : `/${locale}${path}`;
}

/** Metadata alternates for a page: its canonical address in `locale` and the address in each language. */
export function alternatesFor(locale: string, path: string) {
  return {
    canonical: localized(locale, path),
    languages: Object.fromEntries([
      ...routing.locales.map((l) => [l, localized(l, path)]),
      ['x-default', localized(routing.defaultLocale, path)],
    ]),
  };
}
