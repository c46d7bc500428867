import fs from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { images, sections, tags, users } from '@/db/schema';
import { localized } from '@/i18n/navigation';
import { articlePath, authorPath, sectionPath, tagPath } from '@/lib/paths';
import { sectionName } from '@/lib/section-name';
import { site } from '@/lib/site';
import type arMessages from '@/messages/ar.json';
import { sampleArticle, sampleArticleRow, testDb } from './helpers';

// What search engines and link previews read: the document as the server sends it (no JavaScript),
// its <head> (title, description, canonical, Open Graph, Twitter card) and its JSON-LD, parsed.

test.use({ javaScriptEnabled: false });

const messagesOf = (locale: string): typeof arMessages => JSON.parse(fs.readFileSync(`messages/${locale}.json`, 'utf8'));
const ar = messagesOf('ar');
const en = messagesOf('en');

const LOCALES = [
  { locale: 'ar', ogLocale: 'ar_MA', messages: ar },
  { locale: 'en', ogLocale: 'en_US', messages: en },
] as const;

type Head = {
  title: string;
  canonical: string | null;
  /** Every <meta> in the head by property or name, in document order. */
  meta: Map<string, string[]>;
  jsonLd: Record<string, any>[];
};

async function readHead(page: Page, path: string, status = 200): Promise<Head> {
  const response = await page.goto(path);
  expect(response!.status(), path).toBe(status);
  const pairs = await page
    .locator('head meta[property], head meta[name]')
    .evaluateAll((els) => els.map((e) => [e.getAttribute('property') ?? e.getAttribute('name') ?? '', e.getAttribute('content') ?? '']));
  const meta = new Map<string, string[]>();
  for (const [key, value] of pairs) meta.set(key!, [...(meta.get(key!) ?? []), value!]);
  const canonical = page.locator('head link[rel="canonical"]');
  const scripts = await page.locator('script[type="application/ld+json"]').evaluateAll((els) => els.map((e) => e.textContent ?? ''));
  for (const text of scripts) expect(text).not.toContain('<');
  return {
    title: await page.title(),
    canonical: (await canonical.count()) === 1 ? await canonical.getAttribute('href') : null,
    meta,
    jsonLd: scripts.map((text) => JSON.parse(text)),
  };
}

/** The one value of a meta tag (fails when it is missing or repeated). */
function one(head: Head, key: string): string {
  const values = head.meta.get(key) ?? [];
  expect(values, key).toHaveLength(1);
  return values[0]!;
}

/** What every reader page carries; returns the title and description to compare pages. */
function expectSocial(head: Head, expected: { url: string; type: 'website' | 'article'; ogLocale: string; image: boolean }) {
  const description = one(head, 'description');
  expect(head.title.trim()).not.toBe('');
  expect(description.trim()).not.toBe('');
  // Next writes the root as the bare origin (no trailing slash): the same URL.
  expect(new URL(head.canonical!).href).toBe(new URL(expected.url).href);
  expect(one(head, 'og:url')).toBe(head.canonical);
  expect(one(head, 'og:type')).toBe(expected.type);
  expect(one(head, 'og:site_name')).toBe(site.name);
  expect(one(head, 'og:locale')).toBe(expected.ogLocale);
  expect(one(head, 'og:title').trim()).not.toBe('');
  expect(head.title).toContain(one(head, 'og:title'));
  expect(one(head, 'og:description')).toBe(description);
  expect(one(head, 'twitter:card')).toBe(expected.image ? 'summary_large_image' : 'summary');
  expect(one(head, 'twitter:title')).toBe(one(head, 'og:title'));
  expect(one(head, 'twitter:description')).toBe(description);
  if (!expected.image) {
    expect(head.meta.has('og:image')).toBe(false);
    expect(head.meta.has('twitter:image')).toBe(false);
  }
  return { title: head.title, description };
}

function sampleData() {
  const db = testDb();
  const row = sampleArticleRow(db);
  const author = db.select().from(users).where(eq(users.id, row.authorId)).get()!;
  const image = db.select().from(images).where(eq(images.id, row.imageId!)).get()!;
  const section = db.select().from(sections).where(eq(sections.id, row.sectionId)).get()!;
  const tagRows = sampleArticle.tags.map((name) => db.select().from(tags).where(eq(tags.name, name)).get()!);
  const chain = sampleArticle.sectionChain.map((name) => db.select().from(sections).where(eq(sections.name, name)).get()!);
  const width = Math.max(...image.widths.split(',').map(Number));
  return {
    row,
    author,
    section,
    tags: tagRows,
    chain,
    image: { path: `/media/${image.key}-${width}.webp`, width, height: Math.round((image.height * width) / image.width) },
  };
}

const sorted = (values: string[]) => [...values].sort();

for (const { locale, ogLocale, messages } of LOCALES) {
  test.describe(`${locale} interface`, () => {
    test('the sample article: meta tags, article:* times, section and tags, og:image, NewsArticle and BreadcrumbList', async ({ page, request, baseURL }) => {
      const { row, author, tags: tagRows, chain, image } = sampleData();
      const url = `${baseURL}${localized(locale, articlePath(row.id, row.slug))}`;
      const head = await readHead(page, localized(locale, articlePath(row.id, row.slug)));
      expectSocial(head, { url, type: 'article', ogLocale, image: true });

      expect(head.title).toBe(`${sampleArticle.title} | ${site.name}`);
      expect(one(head, 'description')).toBe(sampleArticle.deck);
      expect(one(head, 'og:title')).toBe(sampleArticle.title);
      const published = new Date(row.publishedAt!).toISOString();
      const modified = new Date(Math.max(row.publishedAt!, row.updatedAt)).toISOString();
      expect(published).toBe(new Date(sampleArticle.publishedAt).toISOString());
      expect(one(head, 'article:published_time')).toBe(published);
      expect(one(head, 'article:modified_time')).toBe(modified);
      expect(one(head, 'article:section')).toBe(sampleArticle.sectionChain.at(-1));
      expect(sorted(head.meta.get('article:tag') ?? [])).toEqual(sorted(sampleArticle.tags));
      const authorUrl = `${baseURL}${localized(locale, authorPath(author.slug))}`;
      expect(one(head, 'article:author')).toBe(authorUrl);

      const imageUrl = `${baseURL}${image.path}`;
      expect(image.width).toBe(1200);
      expect(one(head, 'og:image')).toBe(imageUrl);
      expect(one(head, 'og:image:width')).toBe(String(image.width));
      expect(one(head, 'og:image:height')).toBe(String(image.height));
      expect(one(head, 'twitter:image')).toBe(imageUrl);
      const imageResponse = await request.get(imageUrl);
      expect(imageResponse.status()).toBe(200);
      expect(imageResponse.headers()['content-type']).toBe('image/webp');

      // JSON-LD: exactly one NewsArticle and one BreadcrumbList.
      expect(head.jsonLd.map((d) => d['@type']).sort()).toEqual(['BreadcrumbList', 'NewsArticle']);
      const news = head.jsonLd.find((d) => d['@type'] === 'NewsArticle')!;
      expect(news['@context']).toBe('https://schema.org');
      expect(news.headline).toBe(sampleArticle.title);
      expect(news.description).toBe(sampleArticle.deck);
      expect(news.image).toEqual([{ '@type': 'ImageObject', url: imageUrl, width: image.width, height: image.height }]);
      expect(news.datePublished).toBe(published);
      expect(news.dateModified).toBe(modified);
      expect(news.author).toEqual([{ '@type': 'Person', name: author.displayName, url: authorUrl }]);
      expect(news.publisher).toMatchObject({
        '@type': 'NewsMediaOrganization',
        name: site.name,
        url: `${baseURL}/`,
        logo: { '@type': 'ImageObject', url: `${baseURL}/logo.png`, width: 512, height: 512 },
      });
      expect(news.articleSection).toBe(sampleArticle.sectionChain.at(-1));
      expect(sorted(news.keywords)).toEqual(sorted(sampleArticle.tags));
      expect(tagRows).toHaveLength(sampleArticle.tags.length);
      expect(news.inLanguage).toBe('ar');
      expect(news.url).toBe(url);
      expect(news.mainEntityOfPage).toEqual({ '@type': 'WebPage', '@id': url });
      const logo = await request.get(news.publisher.logo.url);
      expect(logo.status()).toBe(200);
      expect(logo.headers()['content-type']).toBe('image/png');

      // The BreadcrumbList is the visible breadcrumb, then the article itself.
      const crumbs = await page
        .getByRole('navigation', { name: messages.Article.breadcrumb })
        .locator('li > a')
        .evaluateAll((links) => links.map((a) => [a.textContent, (a as HTMLAnchorElement).href]));
      const home = `${baseURL}${localized(locale, '/')}`;
      expect(crumbs).toEqual([
        [messages.Site.home, home],
        ...chain.map((s) => [sectionName(s, locale), `${baseURL}${localized(locale, sectionPath(s.slug))}`]),
      ]);
      const list = head.jsonLd.find((d) => d['@type'] === 'BreadcrumbList')!;
      expect(list['@context']).toBe('https://schema.org');
      expect(list.itemListElement).toEqual([
        ...crumbs.map(([name, href], i) => ({ '@type': 'ListItem', position: i + 1, name, item: href })),
        { '@type': 'ListItem', position: crumbs.length + 1, name: sampleArticle.title, item: url },
      ]);
    });

    test('front page, section, tag and author: complete meta tags, titles and descriptions of their own; WebSite on the front', async ({ page, baseURL }) => {
      const { author, tags: tagRows, chain } = sampleData();
      const pages = [
        localized(locale, '/'),
        localized(locale, sectionPath(chain[0]!.slug)),
        localized(locale, sectionPath(chain.at(-1)!.slug)),
        localized(locale, tagPath(tagRows[0]!.slug)),
        localized(locale, authorPath(author.slug)),
      ];
      const seen: { title: string; description: string }[] = [];
      for (const path of pages) {
        const head = await readHead(page, path);
        seen.push(expectSocial(head, { url: `${baseURL}${path}`, type: 'website', ogLocale, image: false }));
        // The site's feed link survives the page's own alternates.
        const feeds = await page.locator('head link[rel="alternate"][type="application/rss+xml"]').evaluateAll((links) => links.map((l) => l.getAttribute('href')));
        expect(feeds[0], path).toBe(`${baseURL}/feed.xml`);
        if (path === pages[0]) {
          expect(head.title).toBe(messages.Home.title.replace('{name}', site.name));
          expect(head.jsonLd).toHaveLength(1);
          const website = head.jsonLd[0]!;
          expect(website).toMatchObject({
            '@context': 'https://schema.org',
            '@type': 'WebSite',
            name: site.name,
            url: `${baseURL}/`,
            potentialAction: {
              '@type': 'SearchAction',
              target: { '@type': 'EntryPoint', urlTemplate: `${baseURL}/search?q={search_term_string}` },
              'query-input': 'required name=search_term_string',
            },
          });
          expect(website.publisher.logo.url).toBe(`${baseURL}/logo.png`);
          // The template leads to real results.
          await page.goto(website.potentialAction.target.urlTemplate.replace('{search_term_string}', encodeURIComponent('اذربيجان')));
          await expect(page.getByRole('link', { name: sampleArticle.title }).first()).toBeVisible();
        } else {
          expect(head.jsonLd).toEqual([]);
        }
      }
      expect(new Set(seen.map((s) => s.title)).size).toBe(pages.length);
      expect(new Set(seen.map((s) => s.description)).size).toBe(pages.length);
    });

    test('search and the 404 page have titles, descriptions and previews, and stay out of the index', async ({ page, baseURL }) => {
      const searchPath = `${localized(locale, '/search')}?q=${encodeURIComponent('روسيا')}`;
      const search = await readHead(page, searchPath);
      expectSocial(search, { url: `${baseURL}${searchPath}`, type: 'website', ogLocale, image: false });
      expect(search.title).toContain('روسيا');
      expect(one(search, 'robots')).toBe('noindex, follow');

      const missing = await readHead(page, localized(locale, '/tag/لا-يوجد-وسم'), 404);
      expect(missing.title).toContain(messages.NotFound.title);
      expect(one(missing, 'description')).toBe(messages.NotFound.body);
      expect(one(missing, 'og:title')).toBe(messages.NotFound.title);
      expect(one(missing, 'og:locale')).toBe(ogLocale);
      expect(one(missing, 'twitter:card')).toBe('summary');
      expect(one(missing, 'robots')).toBe('noindex, follow');
      // It answers for an address that does not exist: no canonical or og:url to point at.
      expect(missing.canonical).toBeNull();
      expect(missing.meta.has('og:url')).toBe(false);
    });
  });
}

test('the tab and home-screen icons are small raster images that answer', async ({ page, request }) => {
  await page.goto('/');
  const icons = await page
    .locator('head link[rel="icon"], head link[rel="apple-touch-icon"]')
    .evaluateAll((links) => links.map((l) => ({ rel: l.getAttribute('rel'), href: (l as HTMLLinkElement).href, type: l.getAttribute('type') })));
  expect(icons.map((i) => i.rel).sort()).toEqual(['apple-touch-icon', 'icon']);
  for (const icon of icons) {
    // Chromium decodes a page's favicon on its main thread while the page loads: an SVG one costs
    // a document, a PNG or ICO one next to nothing.
    expect(icon.type ?? '', icon.href).not.toContain('svg');
    const answer = await request.get(icon.href);
    expect(answer.status(), icon.href).toBe(200);
    expect(answer.headers()['content-type'], icon.href).toMatch(/^image\/(png|x-icon|vnd\.microsoft\.icon)$/);
    expect((await answer.body()).length, icon.href).toBeLessThan(4096);
  }
});
