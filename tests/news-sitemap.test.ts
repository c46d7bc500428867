import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { buildNewsSitemap, NEWS_MAX_URLS, NEWS_WINDOW_MS, newsWindowStart, selectNewsArticles, type NewsArticle } from '@/lib/news-sitemap';

const NOW = Date.UTC(2024, 3, 22, 12, 0);
const HOUR = 3_600_000;
const article = (id: number, publishedAt: number): NewsArticle => ({ url: `https://news.example/article/${id}/a`, title: `خبر ${id}`, publishedAt });

describe('the two-day window', () => {
  it('is 48 hours back from now', () => {
    expect(NEWS_WINDOW_MS).toBe(48 * HOUR);
    expect(newsWindowStart(NOW)).toBe(NOW - 48 * HOUR);
  });

  it('keeps articles from its first millisecond to now, and nothing older or in the future', () => {
    const picked = selectNewsArticles(
      [
        article(1, NOW - 48 * HOUR - 1),
        article(2, NOW - 48 * HOUR),
        article(3, NOW - HOUR),
        article(4, NOW),
        article(5, NOW + 1),
      ],
      NOW,
    );
    expect(picked.map((a) => a.url)).toEqual([article(4, 0).url, article(3, 0).url, article(2, 0).url]);
  });

  it('lists at most 1,000, the newest', () => {
    const many = Array.from({ length: 1_500 }, (_, i) => article(i, NOW - i * 60_000));
    const picked = selectNewsArticles(many, NOW);
    expect(NEWS_MAX_URLS).toBe(1_000);
    expect(picked).toHaveLength(1_000);
    expect(picked[0]!.publishedAt).toBe(NOW);
    expect(picked[999]!.publishedAt).toBe(NOW - 999 * 60_000);
  });
});

describe('buildNewsSitemap', () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => name === 'url' });

  it('writes the news fields for each article', () => {
    const xml = buildNewsSitemap(
      [{ url: 'https://news.example/article/9/أ', title: 'أذربيجان & روسيا <تعاون>\u0001', publishedAt: NOW - HOUR }, article(8, NOW - 50 * HOUR)],
      { name: 'جريدة Ouma press', language: 'ar' },
      NOW,
    );
    expect(XMLValidator.validate(xml)).toBe(true);
    const { urlset } = parser.parse(xml);
    expect(urlset['@xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
    expect(urlset.url).toHaveLength(1);
    expect(urlset.url[0]).toEqual({
      loc: 'https://news.example/article/9/%D8%A3',
      'news:news': {
        'news:publication': { 'news:name': 'جريدة Ouma press', 'news:language': 'ar' },
        'news:publication_date': '2024-04-22T11:00:00Z',
        'news:title': 'أذربيجان & روسيا <تعاون>',
      },
    });
  });

  it('is a valid empty urlset when nothing is recent', () => {
    const xml = buildNewsSitemap([], { name: 'x', language: 'ar' }, NOW);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(parser.parse(xml).urlset.url).toBeUndefined();
  });
});
