import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { largestRendition } from '@/lib/images';
import { articleDescription, pageMetadata } from '@/lib/seo';
import { site } from '@/lib/site';

const ORIGIN = 'https://news.example';
const image = { key: 'demo-001', width: 1200, height: 675, widths: [400, 800, 1200], alt: 'صورة' };

let saved: string | undefined;
beforeAll(() => {
  saved = process.env.SITE_URL;
  process.env.SITE_URL = `${ORIGIN}/`;
});
afterAll(() => {
  if (saved === undefined) delete process.env.SITE_URL;
  else process.env.SITE_URL = saved;
});

describe('largestRendition', () => {
  it('is the widest stored file, with the height at the same ratio', () => {
    expect(largestRendition(image)).toEqual({ url: '/media/demo-001-1200.webp', width: 1200, height: 675 });
    expect(largestRendition({ ...image, widths: [800, 400] })).toEqual({ url: '/media/demo-001-800.webp', width: 800, height: 450 });
  });
});

describe('articleDescription', () => {
  it('is the deck, else the excerpt', () => {
    expect(articleDescription({ deck: ' نحو تعزيز ', excerpt: 'مقتطف' })).toBe('نحو تعزيز');
    expect(articleDescription({ deck: '', excerpt: 'مقتطف' })).toBe('مقتطف');
  });
});

describe('pageMetadata', () => {
  it('gives a plain page title, description, canonical with the feed, Open Graph and a summary card', () => {
    const meta = pageMetadata({ locale: 'ar', path: '/tag/x', title: 'وسم: x', description: 'آخر الأخبار' });
    expect(meta.title).toBe('وسم: x');
    expect(meta.description).toBe('آخر الأخبار');
    expect(meta.alternates).toMatchObject({
      canonical: '/tag/x',
      languages: { ar: '/tag/x', en: '/en/tag/x', 'x-default': '/tag/x' },
      types: { 'application/rss+xml': [{ url: '/feed.xml', title: site.name }] },
    });
    expect(meta.openGraph).toEqual({
      type: 'website',
      siteName: site.name,
      locale: 'ar_MA',
      alternateLocale: ['en_US'],
      title: 'وسم: x',
      description: 'آخر الأخبار',
      url: `${ORIGIN}/tag/x`,
    });
    expect(meta.twitter).toEqual({ card: 'summary', title: 'وسم: x', description: 'آخر الأخبار' });
    expect(meta).not.toHaveProperty('robots');
  });

  it('uses the English locale and address on /en, and an absolute title when asked', () => {
    const meta = pageMetadata({ locale: 'en', path: '/', title: 'Home', absoluteTitle: true, description: 'd' });
    expect(meta.title).toEqual({ absolute: 'Home' });
    expect(meta.openGraph).toMatchObject({ locale: 'en_US', alternateLocale: ['ar_MA'], url: `${ORIGIN}/en` });
    expect(meta.alternates).toMatchObject({ canonical: '/en' });
  });

  it('describes an article: type, ISO times, section, tags, author, largest image and a large card', () => {
    const meta = pageMetadata({
      locale: 'ar',
      path: '/article/7/slug',
      title: 'عنوان',
      description: 'وصف',
      image,
      article: {
        publishedAt: Date.UTC(2024, 3, 22, 9, 30),
        updatedAt: Date.UTC(2024, 3, 23, 8, 0),
        section: 'الدبلوماسية الدولية',
        tags: ['أذربيجان', 'روسيا'],
        authorPath: '/author/newsroom',
      },
    });
    expect(meta.openGraph).toMatchObject({
      type: 'article',
      url: `${ORIGIN}/article/7/slug`,
      publishedTime: '2024-04-22T09:30:00.000Z',
      modifiedTime: '2024-04-23T08:00:00.000Z',
      section: 'الدبلوماسية الدولية',
      tags: ['أذربيجان', 'روسيا'],
      authors: [`${ORIGIN}/author/newsroom`],
      images: [{ url: `${ORIGIN}/media/demo-001-1200.webp`, width: 1200, height: 675, alt: 'صورة' }],
    });
    expect(meta.twitter).toEqual({
      card: 'summary_large_image',
      title: 'عنوان',
      description: 'وصف',
      images: [{ url: `${ORIGIN}/media/demo-001-1200.webp`, alt: 'صورة' }],
    });
  });

  it('has no canonical or og:url without a path (the 404 page), and passes robots on', () => {
    const meta = pageMetadata({ locale: 'ar', title: 'غير موجودة', description: 'عذرًا', robots: { index: false, follow: true } });
    expect(meta).not.toHaveProperty('alternates');
    expect(meta.openGraph).not.toHaveProperty('url');
    expect(meta.robots).toEqual({ index: false, follow: true });
  });

  it('keeps alternates a page gives instead (a section announces its own feed)', () => {
    const alternates = { canonical: '/section/news', types: { 'application/rss+xml': [] } };
    expect(pageMetadata({ locale: 'ar', path: '/section/news', title: 't', description: 'd', alternates }).alternates).toBe(alternates);
  });
});
