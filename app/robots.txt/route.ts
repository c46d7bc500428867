import { NEWS_SITEMAP_PATH, SITEMAP_INDEX_PATH } from '@/lib/paths';
import { buildRobotsTxt } from '@/lib/robots';
import { siteUrl } from '@/lib/site';
import { syndicationResponse } from '@/lib/syndication-response';

// robots.txt names the sitemaps with absolute URLs, so it is built at run time from SITE_URL.
export const dynamic = 'force-dynamic';

export function GET() {
  const origin = siteUrl();
  return syndicationResponse(buildRobotsTxt([`${origin}${SITEMAP_INDEX_PATH}`, `${origin}${NEWS_SITEMAP_PATH}`]), 'text/plain');
}
