import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

/** Paths (without the leading slash) of the feeds, sitemaps and robots.txt. */
const SYNDICATION_PATTERNS = [
  '(?:feed|sitemap|news-sitemap)\\.xml$',
  'robots\\.txt$',
  'sitemaps/',
  'section/[^/]+/feed\\.xml$',
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // server.ts compresses (and serves pre-compressed pages from its page cache).
  compress: false,
  reactStrictMode: true,
  // Reader pages are cached in memory and rebuilt on demand. Nothing is written under .next at run
  // time, so a restart (or a test run on a fresh database) never serves pages of another database.
  cacheMaxMemorySize: 256 * 1024 * 1024,
  experimental: {
    isrFlushToDisk: false,
    // The stylesheet (Tailwind, about 8 KB compressed) goes in the page's <head>: no render-blocking
    // request before the first paint on a phone's slow connection.
    inlineCss: true,
    // Actions are accepted from the site's own address only (server.ts refuses other origins first).
    serverActions: {
      // The editor's image upload (5 MB) plus the form; server.ts keeps readers' posts under 1 MB.
      bodySizeLimit: '6mb',
      allowedOrigins: process.env.SITE_URL ? [new URL(process.env.SITE_URL).host] : [],
    },
  },
  // Locale routing without a proxy (middleware) on every request: Arabic is served at the root by
  // rewriting to the [locale] segment, English lives under /en, and /ar/... moves to the root.
  // Feeds, sitemaps and robots.txt are routes outside [locale] (app/feed.xml, app/sitemaps, ...).
  async rewrites() {
    const outsideLocale = ['en(?:/|$)', 'ar(?:/|$)', '_next/', 'media/', 'api/', ...SYNDICATION_PATTERNS];
    return [{ source: `/:path((?!${outsideLocale.join('|')}).*)`, destination: '/ar/:path' }];
  },
  async redirects() {
    return [
      { source: '/ar', destination: '/', permanent: true },
      { source: '/ar/:path*', destination: '/:path*', permanent: true },
    ];
  },
};

export default createNextIntlPlugin('./i18n/request.ts')(nextConfig);
