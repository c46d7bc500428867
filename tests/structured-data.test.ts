import { describe, expect, it } from 'vitest';
import { site } from '@/lib/site';
import { breadcrumbJsonLd, newsArticleJsonLd, publisherJsonLd, serializeJsonLd, webSiteJsonLd } from '@/lib/structured-data';

const ORIGIN = 'https://news.example';
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const PUBLISHED = Date.UTC(2024, 3, 22, 9, 30);
const UPDATED = Date.UTC(2024, 3, 22, 14, 5);

const image = { key: 'demo-001', width: 1200, height: 675, widths: [400, 800, 1200], alt: '' };

function article(overrides: Partial<Parameters<typeof newsArticleJsonLd>[0]> = {}) {
  return newsArticleJsonLd({
    origin: ORIGIN,
    path: '/article/121/%D8%A3%D8%B0%D8%B1%D8%A8%D9%8A%D8%AC%D8%A7%D9%86',
    title: 'أذربيجان وروسيا تبحثان تعزيز التعاون',
    description: 'نحو تعزيز تدابير الثقة',
    image,
    publishedAt: PUBLISHED,
    updatedAt: UPDATED,
    author: { name: 'هيئة التحرير', path: '/author/newsroom' },
    section: 'الدبلوماسية الدولية',
    tags: ['أذربيجان', 'روسيا'],
    inLanguage: 'ar',
    ...overrides,
  });
}

describe('newsArticleJsonLd', () => {
  const data = article();

  it('is a schema.org NewsArticle with the headline, description, section, keywords and language', () => {
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'أذربيجان وروسيا تبحثان تعزيز التعاون',
      description: 'نحو تعزيز تدابير الثقة',
      articleSection: 'الدبلوماسية الدولية',
      keywords: ['أذربيجان', 'روسيا'],
      inLanguage: 'ar',
    });
  });

  it('gives publication and modification times in ISO 8601', () => {
    expect(data.datePublished).toBe('2024-04-22T09:30:00.000Z');
    expect(data.dateModified).toBe('2024-04-22T14:05:00.000Z');
    expect(data.datePublished).toMatch(ISO);
  });

  it('never modifies before it publishes (an article edited before its scheduled time)', () => {
    const early = article({ updatedAt: PUBLISHED - 3_600_000 });
    expect(early.dateModified).toBe(early.datePublished);
  });

  it('points at the largest stored image, absolute, with its size', () => {
    expect(data.image).toEqual([{ '@type': 'ImageObject', url: `${ORIGIN}/media/demo-001-1200.webp`, width: 1200, height: 675 }]);
    const smaller = article({ image: { ...image, widths: [400, 800] } });
    expect(smaller.image).toEqual([{ '@type': 'ImageObject', url: `${ORIGIN}/media/demo-001-800.webp`, width: 800, height: 450 }]);
  });

  it('carries the caption and credit readers see under the image, and leaves empty ones out', () => {
    const captioned = article({ image: { ...image, caption: 'الرئيسان في موسكو', credit: 'أذرتاج' } });
    expect(captioned.image).toEqual([
      { '@type': 'ImageObject', url: `${ORIGIN}/media/demo-001-1200.webp`, width: 1200, height: 675, caption: 'الرئيسان في موسكو', creditText: 'أذرتاج' },
    ]);
    expect(article({ image: { ...image, caption: '', credit: 'أذرتاج' } }).image).toEqual([
      { '@type': 'ImageObject', url: `${ORIGIN}/media/demo-001-1200.webp`, width: 1200, height: 675, creditText: 'أذرتاج' },
    ]);
  });

  it('has no image property when the article has none', () => {
    expect(article({ image: null })).not.toHaveProperty('image');
  });

  it('names the author as a Person with the author page as url', () => {
    expect(data.author).toEqual([{ '@type': 'Person', name: 'هيئة التحرير', url: `${ORIGIN}/author/newsroom` }]);
  });

  it('names the publisher with its logo, absolute', () => {
    expect(data.publisher).toEqual({
      '@type': 'NewsMediaOrganization',
      '@id': `${ORIGIN}/#publisher`,
      name: site.name,
      url: `${ORIGIN}/`,
      logo: { '@type': 'ImageObject', url: `${ORIGIN}/logo.png`, width: 512, height: 512 },
    });
  });

  it('is the main entity of its canonical page', () => {
    const url = `${ORIGIN}/article/121/%D8%A3%D8%B0%D8%B1%D8%A8%D9%8A%D8%AC%D8%A7%D9%86`;
    expect(data.url).toBe(url);
    expect(data.mainEntityOfPage).toEqual({ '@type': 'WebPage', '@id': url });
  });

  it('has only absolute http(s) URLs anywhere', () => {
    const urls: string[] = [];
    JSON.stringify(data, (key, value) => {
      if (['url', 'item', '@id'].includes(key) && typeof value === 'string') urls.push(value);
      return value;
    });
    expect(urls.length).toBeGreaterThanOrEqual(5);
    for (const url of urls) expect(new URL(url).origin).toBe(ORIGIN);
  });
});

describe('breadcrumbJsonLd', () => {
  it('lists the items in order, numbered from 1, with absolute URLs', () => {
    const data = breadcrumbJsonLd(ORIGIN, [
      { name: 'الرئيسية', path: '/' },
      { name: 'أخبار', path: '/section/news' },
      { name: 'العنوان', path: '/article/1/x' },
    ]);
    expect(data).toEqual({
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'الرئيسية', item: `${ORIGIN}/` },
        { '@type': 'ListItem', position: 2, name: 'أخبار', item: `${ORIGIN}/section/news` },
        { '@type': 'ListItem', position: 3, name: 'العنوان', item: `${ORIGIN}/article/1/x` },
      ],
    });
  });
});

describe('webSiteJsonLd', () => {
  it('is the site with a SearchAction on /search?q=', () => {
    const data = webSiteJsonLd(ORIGIN, { description: 'أخبار', inLanguage: 'ar' });
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'WebSite',
      name: site.name,
      url: `${ORIGIN}/`,
      inLanguage: 'ar',
      publisher: publisherJsonLd(ORIGIN),
      potentialAction: {
        '@type': 'SearchAction',
        target: { '@type': 'EntryPoint', urlTemplate: `${ORIGIN}/search?q={search_term_string}` },
        'query-input': 'required name=search_term_string',
      },
    });
  });
});

describe('serializeJsonLd', () => {
  const hostile = '</script><script>alert(1)</script>';
  const data = article({ title: hostile, description: 'a & b <!-- c --> \u2028', tags: ['</SCRIPT>'] });
  const text = serializeJsonLd(data);

  it('leaves no character that can end the script element or open a comment', () => {
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(text).toContain('\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e');
  });

  it('parses back to exactly the same data', () => {
    expect(JSON.parse(text)).toEqual(data);
    expect(JSON.parse(text).headline).toBe(hostile);
  });
});
