import { getDb } from '@/db/client';
import { listPublishedSince } from '@/db/queries/syndication';
import { NEWS_MAX_URLS, buildNewsSitemap, newsWindowStart } from '@/lib/news-sitemap';
import { articlePath } from '@/lib/paths';
import { site, siteUrl } from '@/lib/site';
import { syndicationResponse } from '@/lib/syndication-response';

// The Google News sitemap: what was published in the last two days, read at each request.
export const dynamic = 'force-dynamic';

export function GET() {
  const now = Date.now();
  const origin = siteUrl();
  const articles = listPublishedSince(getDb(), newsWindowStart(now), now, NEWS_MAX_URLS).map((a) => ({
    url: `${origin}${articlePath(a.id, a.slug)}`,
    title: a.title,
    publishedAt: a.publishedAt,
  }));
  return syndicationResponse(buildNewsSitemap(articles, { name: site.name, language: 'ar' }, now), 'application/xml');
}
