import { getTranslations } from 'next-intl/server';
import { getFeedArticles, getSections } from '@/db/cached';
import { siteFeedTitle } from '@/lib/feed-links';
import { feedPath } from '@/lib/paths';
import { articleRssItems, buildRss } from '@/lib/rss';
import { siteUrl } from '@/lib/site';
import { syndicationResponse } from '@/lib/syndication-response';

// The site's RSS feed: the newest visible articles of every section.
export const dynamic = 'force-dynamic';

export async function GET() {
  const origin = siteUrl();
  const [articles, sections, t] = await Promise.all([
    getFeedArticles(null),
    getSections(),
    getTranslations({ locale: 'ar', namespace: 'Site' }),
  ]);
  const xml = buildRss(
    { title: siteFeedTitle(), description: t('tagline'), link: `${origin}/`, feedUrl: `${origin}${feedPath()}` },
    articleRssItems(articles, origin, sections),
  );
  return syndicationResponse(xml, 'application/rss+xml');
}
