import { defineRouting } from 'next-intl/routing';

// Arabic lives at the root and English under /en. There is no proxy (middleware): next.config.ts
// rewrites unprefixed paths to the [locale] segment, so the language follows the URL only and a
// cached page is the same for every reader.
export const routing = defineRouting({
  locales: ['ar', 'en'],
  defaultLocale: 'ar',
  localePrefix: 'as-needed',
});

export type Locale = (typeof routing.locales)[number];
