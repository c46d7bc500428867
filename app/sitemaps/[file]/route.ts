import { getDb } from '@/db/client';
import { listSections } from '@/db/queries/sections';
import { listArticleUrls, listAuthorSlugsWithArticles, listTagSlugsWithArticles } from '@/db/queries/syndication';
import { articlePath, authorPath, sectionPath, tagPath } from '@/lib/paths';
import { siteUrl } from '@/lib/site';
import { articleLastModified, buildUrlset, chunkPage, parseChunkFileName, type SitemapChunk, type SitemapUrl } from '@/lib/sitemap';
import { syndicationResponse } from '@/lib/syndication-response';

// One chunk of the sitemap index (app/sitemap.xml): `/sitemaps/articles-1.xml` and the like.
export const dynamic = 'force-dynamic';

function chunkUrls({ kind, number }: SitemapChunk): SitemapUrl[] {
  const db = getDb();
  const now = Date.now();
  const origin = siteUrl();
  const page = chunkPage(number);
  switch (kind) {
    case 'articles':
      return listArticleUrls(db, now, page).map((a) => ({
        loc: `${origin}${articlePath(a.id, a.slug)}`,
        lastModified: articleLastModified(a.publishedAt, a.updatedAt),
      }));
    case 'sections':
      return listSections(db)
        .slice(page.offset, page.offset + page.limit)
        .map((s) => ({ loc: `${origin}${sectionPath(s.slug)}` }));
    case 'tags':
      return listTagSlugsWithArticles(db, now, page).map((slug) => ({ loc: `${origin}${tagPath(slug)}` }));
    case 'authors':
      return listAuthorSlugsWithArticles(db, now, page).map((slug) => ({ loc: `${origin}${authorPath(slug)}` }));
  }
}

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const chunk = parseChunkFileName((await params).file);
  const urls = chunk ? chunkUrls(chunk) : [];
  if (urls.length === 0) return new Response('Not found', { status: 404 });
  return syndicationResponse(buildUrlset(urls), 'application/xml');
}
