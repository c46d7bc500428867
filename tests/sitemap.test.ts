import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import {
  articleLastModified,
  buildSitemapIndex,
  buildUrlset,
  chunkCount,
  chunkFileName,
  chunkPage,
  listChunks,
  parseChunkFileName,
  SITEMAP_MAX_URLS,
} from '@/lib/sitemap';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => name === 'url' || name === 'sitemap' });

function parse(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml);
}

describe('chunking at 50,000 URLs', () => {
  it('is the protocol limit', () => {
    expect(SITEMAP_MAX_URLS).toBe(50_000);
  });

  it.each([
    [0, 0],
    [1, 1],
    [49_999, 1],
    [50_000, 1],
    [50_001, 2],
    [100_000, 2],
    [100_001, 3],
  ])('%i URLs need %i chunks', (total, chunks) => {
    expect(chunkCount(total)).toBe(chunks);
  });

  it('pages chunk n from row (n-1) × 50,000', () => {
    expect(chunkPage(1)).toEqual({ limit: 50_000, offset: 0 });
    expect(chunkPage(3)).toEqual({ limit: 50_000, offset: 100_000 });
  });

  it('lists every kind with its chunks and skips empty kinds', () => {
    const chunks = listChunks({ articles: 100_001, sections: 18, tags: 0, authors: 50_000 });
    expect(chunks.map(chunkFileName)).toEqual(['articles-1.xml', 'articles-2.xml', 'articles-3.xml', 'sections-1.xml', 'authors-1.xml']);
  });

  it('refuses a urlset over the limit', () => {
    const urls = Array.from({ length: SITEMAP_MAX_URLS + 1 }, (_, i) => ({ loc: `https://news.example/article/${i}/a` }));
    expect(() => buildUrlset(urls)).toThrow(/50000/);
    expect(() => buildUrlset(urls.slice(0, SITEMAP_MAX_URLS))).not.toThrow();
  });
});

describe('parseChunkFileName', () => {
  it.each([
    ['articles-1.xml', { kind: 'articles', number: 1 }],
    ['tags-12.xml', { kind: 'tags', number: 12 }],
    ['authors-3.xml', { kind: 'authors', number: 3 }],
    ['sections-1.xml', { kind: 'sections', number: 1 }],
  ])('reads %s', (name, chunk) => {
    expect(parseChunkFileName(name)).toEqual(chunk);
  });

  it.each(['articles-0.xml', 'articles-01.xml', 'articles-1', 'articles-١.xml', 'comments-1.xml', 'articles-1.xml.gz', '../articles-1.xml', 'articles-9999999.xml'])(
    'refuses %s',
    (name) => {
      expect(parseChunkFileName(name)).toBeNull();
    },
  );
});

describe('articleLastModified', () => {
  it('is the later of publication and last edit', () => {
    expect(articleLastModified(2_000, 1_000)).toBe(2_000);
    expect(articleLastModified(2_000, 3_000)).toBe(3_000);
  });
});

describe('buildUrlset and buildSitemapIndex', () => {
  it('writes locations in ASCII, escaped, with W3C lastmod', () => {
    const doc = parse(
      buildUrlset([
        { loc: 'https://news.example/article/7/أ?x=1&y=2', lastModified: Date.UTC(2024, 3, 22, 9, 5) },
        { loc: 'https://news.example/section/news' },
      ]),
    );
    expect(doc.urlset['@xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect(doc.urlset.url).toEqual([
      { loc: 'https://news.example/article/7/%D8%A3?x=1&y=2', lastmod: '2024-04-22T09:05:00Z' },
      { loc: 'https://news.example/section/news' },
    ]);
  });

  it('points an index at its chunks', () => {
    const doc = parse(buildSitemapIndex(['https://news.example/sitemaps/articles-1.xml', 'https://news.example/sitemaps/tags-1.xml']));
    expect(doc.sitemapindex['@xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect(doc.sitemapindex.sitemap.map((s: { loc: string }) => s.loc)).toEqual([
      'https://news.example/sitemaps/articles-1.xml',
      'https://news.example/sitemaps/tags-1.xml',
    ]);
  });
});
