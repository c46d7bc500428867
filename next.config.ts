import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Reader pages are cached in memory and rebuilt on demand. Nothing is written under .next at run
  // time, so a restart (or a test run on a fresh database) never serves pages of another database.
  cacheMaxMemorySize: 256 * 1024 * 1024,
  experimental: { isrFlushToDisk: false },
};

export default createNextIntlPlugin('./i18n/request.ts')(nextConfig);
