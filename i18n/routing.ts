import { defineRouting } from 'next-intl/routing';

export const routing = defineRouting({
  locales: ['ar', 'en'],
  defaultLocale: 'ar',
  // Arabic lives at the root; English under /en. The language follows the URL only, so cached pages
  // are the same for every reader and Arabic readers with English browsers still get Arabic.
  localePrefix: 'as-needed',
  localeDetection: false,
  localeCookie: false,
  // hreflang alternates are declared in each page's metadata instead of a Link header per response.
  alternateLinks: false,
});

export type Locale = (typeof routing.locales)[number];
