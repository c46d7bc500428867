import { feedAlternates } from '@/lib/feed-links';
import { routing } from './routing';

// Localized paths without next-intl's createNavigation: its module graph pulls next-intl's client
// Link (and the ICU formatter) into every page's JavaScript, and the site uses plain links.

/** A path for `locale`: Arabic unprefixed, English under /en. */
export function localized(locale: string, path: string): string {
  if (locale === routing.defaultLocale) return path;
  return path === '/' ? `/${locale}` : `/${locale}${path}`;
}

/**
 * Metadata alternates for a page: its canonical address in `locale`, the address in each language,
 * and the site's RSS feed. A page's `alternates` replaces the layout's whole, so the feed link the
 * reader layout declares has to come along here too.
 */
export function alternatesFor(locale: string, path: string) {
  return {
    types: feedAlternates(),
    canonical: localized(locale, path),
    languages: Object.fromEntries([
      ...routing.locales.map((l) => [l, localized(l, path)]),
      ['x-default', localized(routing.defaultLocale, path)],
    ]),
  };
}
