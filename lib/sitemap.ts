import { asciiUrl, escapeXml, w3cDate } from './xml';

// Sitemaps (sitemaps.org 0.9): an index pointing at chunks, each a urlset of at most 50,000 URLs,
// the protocol's limit. Chunks are named `<kind>-<n>.xml` and numbered from 1.

export const SITEMAP_MAX_URLS = 50_000;

export const sitemapKinds = ['articles', 'sections', 'tags', 'authors'] as const;
export type SitemapKind = (typeof sitemapKinds)[number];

export type SitemapChunk = { kind: SitemapKind; number: number };

/** How many chunks hold `total` URLs; none when there is nothing to list. */
export function chunkCount(total: number): number {
  return Math.ceil(Math.max(0, total) / SITEMAP_MAX_URLS);
}

/** The rows of chunk `number` (1-based) as a page of a list. */
export function chunkPage(number: number): { limit: number; offset: number } {
  return { limit: SITEMAP_MAX_URLS, offset: (number - 1) * SITEMAP_MAX_URLS };
}

export function chunkFileName(chunk: SitemapChunk): string {
  return `${chunk.kind}-${chunk.number}.xml`;
}

/** `articles-2.xml` → { kind: 'articles', number: 2 }; anything else (01, 0, other kinds) → null. */
export function parseChunkFileName(name: string): SitemapChunk | null {
  const match = /^([a-z]+)-([1-9][0-9]{0,5})\.xml$/.exec(name);
  if (!match || !(sitemapKinds as readonly string[]).includes(match[1]!)) return null;
  return { kind: match[1] as SitemapKind, number: Number(match[2]) };
}

/** Every chunk the index lists, kind by kind, for these totals. */
export function listChunks(totals: Record<SitemapKind, number>): SitemapChunk[] {
  return sitemapKinds.flatMap((kind) => Array.from({ length: chunkCount(totals[kind]) }, (_, i) => ({ kind, number: i + 1 })));
}

/** An article changes when it is edited after publication; before that, its publication is the news. */
export function articleLastModified(publishedAt: number, updatedAt: number): number {
  return Math.max(publishedAt, updatedAt);
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

export function buildSitemapIndex(urls: string[]): string {
  const entries = urls.map((loc) => `<sitemap><loc>${escapeXml(asciiUrl(loc))}</loc></sitemap>`);
  return `${XML_DECLARATION}<sitemapindex xmlns="${SITEMAP_NS}">\n${entries.join('\n')}\n</sitemapindex>\n`;
}

export type SitemapUrl = { loc: string; lastModified?: number };

export function buildUrlset(urls: SitemapUrl[]): string {
  if (urls.length > SITEMAP_MAX_URLS) throw new Error(`a sitemap holds at most ${SITEMAP_MAX_URLS} URLs, got ${urls.length}`);
  const entries = urls.map(
    (u) => `<url><loc>${escapeXml(asciiUrl(u.loc))}</loc>${u.lastModified === undefined ? '' : `<lastmod>${w3cDate(u.lastModified)}</lastmod>`}</url>`,
  );
  return `${XML_DECLARATION}<urlset xmlns="${SITEMAP_NS}">\n${entries.join('\n')}\n</urlset>\n`;
}
