// Feeds, sitemaps and robots.txt: public, and cacheable for five minutes by browsers, feed readers
// and proxies. The server reads fresh or tag-revalidated data, so a publish shows at the next fetch
// that reaches it.

export const SYNDICATION_MAX_AGE_SECONDS = 300;

export type SyndicationType = 'application/rss+xml' | 'application/xml' | 'text/plain';

export function syndicationResponse(body: string, type: SyndicationType): Response {
  return new Response(body, {
    headers: {
      'Content-Type': `${type}; charset=utf-8`,
      'Cache-Control': `public, max-age=${SYNDICATION_MAX_AGE_SECONDS}`,
    },
  });
}
