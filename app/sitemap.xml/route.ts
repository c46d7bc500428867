import { getDb } from '@/db/client';
import { countSections } from '@/db/queries/sections';
import { countAuthorsWithArticles, countTagsWithArticles, countVisibleArticles } from '@/db/queries/syndication';
import { sitemapChunkPath } from '@/lib/paths';
import { siteUrl } from '@/lib/site';
import { buildSitemapIndex, chunkFileName, listChunks } from '@/lib/sitemap';
import { syndicationResponse } from '@/lib/syndication-response';

// The sitemap index. Sitemaps are read from the database at each request (crawlers ask rarely,
// the queries are index scans), so they never lag behind a publish, a rename or a move.
export const dynamic = 'force-dynamic';

export function GET() {
  const db = getDb();
  const now = Date.now();
  const origin = siteUrl();
  const chunks = listChunks({
    articles: countVisibleArticles(db, now),
    sections: countSections(db),
    tags: countTagsWithArticles(db, now),
    authors: countAuthorsWithArticles(db, now),
  });
  return syndicationResponse(buildSitemapIndex(chunks.map((c) => `${origin}${sitemapChunkPath(chunkFileName(c))}`)), 'application/xml');
}
