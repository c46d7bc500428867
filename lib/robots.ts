// robots.txt: everything but the newsroom may be crawled; the sitemaps are named with absolute URLs,
// as the protocol requires.

export function buildRobotsTxt(sitemapUrls: string[]): string {
  return [
    'User-agent: *',
    'Disallow: /admin',
    'Disallow: /en/admin',
    'Allow: /',
    '',
    ...sitemapUrls.map((url) => `Sitemap: ${url}`),
    '',
  ].join('\n');
}
