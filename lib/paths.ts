// Reader URLs, before the locale prefix is added (see i18n/navigation.ts).
// Articles are addressed by id; the slug is only for people and is corrected by a redirect.

/**
 * A path or URL as a page's links carry it: Arabic (any non-ASCII text) as letters rather than
 * percent-encoded bytes, about a third of the size. Browsers encode it back to the same bytes when
 * they follow the link; encoded ASCII (%2F, %3F, %23, %25, ...) stays encoded. Canonical URLs,
 * redirects, feeds and sitemaps keep the encoded form.
 */
export function hrefOf(url: string): string {
  return url.replace(/(?:%[89A-F][0-9A-F])+/gi, (bytes) => {
    try {
      return decodeURIComponent(bytes);
    } catch {
      return bytes;
    }
  });
}

export function articlePath(id: number, slug: string): string {
  return `/article/${id}/${encodeURIComponent(slug)}`;
}

/** The article by id alone: it moves (308) to articlePath. Short enough to share as it is. */
export function articleShortPath(id: number): string {
  return `/article/${id}`;
}

export function sectionPath(slug: string, page = 1): string {
  const base = `/section/${encodeURIComponent(slug)}`;
  return page > 1 ? `${base}/page/${page}` : base;
}

export function tagPath(slug: string, page = 1): string {
  const base = `/tag/${encodeURIComponent(slug)}`;
  return page > 1 ? `${base}/page/${page}` : base;
}

export function authorPath(slug: string, page = 1): string {
  const base = `/author/${encodeURIComponent(slug)}`;
  return page > 1 ? `${base}/page/${page}` : base;
}

export function searchPath(query: string, page = 1): string {
  const params = new URLSearchParams({ q: query });
  if (page > 1) params.set('page', String(page));
  return `/search?${params}`;
}

export function feedPath(): string {
  return '/feed.xml';
}

/** A section's feed lists the section and every section below it, like its front. */
export function sectionFeedPath(slug: string): string {
  return `${sectionPath(slug)}/feed.xml`;
}

export const SITEMAP_INDEX_PATH = '/sitemap.xml';
export const NEWS_SITEMAP_PATH = '/news-sitemap.xml';

/** A chunk of the sitemap index, by file name (lib/sitemap.ts names them). */
export function sitemapChunkPath(fileName: string): string {
  return `/sitemaps/${fileName}`;
}
