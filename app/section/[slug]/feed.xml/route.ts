import { getTranslations } from 'next-intl/server';
import { getFeedArticles, getSections } from '@/db/cached';
import { sectionFeedTitle } from '@/lib/feed-links';
import { sectionFeedPath, sectionPath } from '@/lib/paths';
import { articleRssItems, buildRss } from '@/lib/rss';
import { siteUrl } from '@/lib/site';
import { decodeSlug } from '@/lib/slug';
import { syndicationResponse } from '@/lib/syndication-response';

// A section's RSS feed: its newest visible articles and those of the sections below it. Reached
// without the locale rewrite (next.config.ts leaves /section/<slug>/feed.xml alone).
export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const sections = await getSections();
  const section = sections.find((s) => s.slug === decodeSlug(slug));
  if (!section) return new Response('Not found', { status: 404 });

  const origin = siteUrl();
  const [articles, t] = await Promise.all([getFeedArticles(section.id), getTranslations({ locale: 'ar', namespace: 'Site' })]);
  const xml = buildRss(
    {
      title: sectionFeedTitle(section.name),
      description: section.description || t('tagline'),
      link: `${origin}${sectionPath(section.slug)}`,
      feedUrl: `${origin}${sectionFeedPath(section.slug)}`,
    },
    articleRssItems(articles, origin, sections),
  );
  return syndicationResponse(xml, 'application/rss+xml');
}
