import { asciiUrl, escapeXml, w3cDate } from './xml';

// The Google News sitemap: articles published in the last two days, at most 1,000 of them
// (https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap).

export const NEWS_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;
export const NEWS_MAX_URLS = 1000;

export type NewsArticle = { url: string; title: string; publishedAt: number };
export type NewsPublication = { name: string; language: string };

export function newsWindowStart(now: number): number {
  return now - NEWS_WINDOW_MS;
}

/** The articles the news sitemap may list at `now`: inside the window, newest first, capped. */
export function selectNewsArticles(articles: NewsArticle[], now: number): NewsArticle[] {
  const start = newsWindowStart(now);
  return articles
    .filter((a) => a.publishedAt >= start && a.publishedAt <= now)
    .sort((a, b) => b.publishedAt - a.publishedAt)
    .slice(0, NEWS_MAX_URLS);
}

export function buildNewsSitemap(articles: NewsArticle[], publication: NewsPublication, now: number): string {
  const name = escapeXml(publication.name);
  const language = escapeXml(publication.language);
  const entries = selectNewsArticles(articles, now).map(
    (a) =>
      `<url><loc>${escapeXml(asciiUrl(a.url))}</loc><news:news><news:publication><news:name>${name}</news:name>` +
      `<news:language>${language}</news:language></news:publication>` +
      `<news:publication_date>${w3cDate(a.publishedAt)}</news:publication_date>` +
      `<news:title>${escapeXml(a.title)}</news:title></news:news></url>`,
  );
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n' +
    `${entries.join('\n')}\n</urlset>\n`
  );
}
