import { type APIRequestContext, expect, test } from '@playwright/test';
import { eq, inArray } from 'drizzle-orm';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { createArticle } from '@/db/queries/articles';
import { getSectionBySlug } from '@/db/queries/sections';
import { articles, users } from '@/db/schema';
import { articlePath, authorPath, sectionPath, tagPath } from '@/lib/paths';
import { site } from '@/lib/site';
import { slugify } from '@/lib/slug';
import { sampleArticle, sampleArticleRow, testDb } from './helpers';

// Feeds, sitemaps and robots.txt as feed readers and crawlers fetch them: parsed with a real XML
// parser, every address absolute under SITE_URL (the test server's own address).

const SAMPLE_CHAIN = ['news', 'international', 'horizon', 'international-diplomacy'];
const RFC_822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const W3C_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['item', 'url', 'sitemap'].includes(name),
});

type RssItem = { title: string; link: string; guid: { '#text': string; '@isPermaLink': string }; pubDate: string; category: string; 'dc:creator': string; author?: string; description: string };

async function fetchXml(request: APIRequestContext, path: string, type: string) {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  expect(response.headers()['content-type']).toBe(`${type}; charset=utf-8`);
  expect(response.headers()['cache-control']).toBe('public, max-age=300');
  const xml = await response.text();
  expect(XMLValidator.validate(xml), path).toBe(true);
  return parser.parse(xml);
}

async function fetchFeed(request: APIRequestContext, path: string) {
  const { rss } = await fetchXml(request, path, 'application/rss+xml');
  expect(rss['@version']).toBe('2.0');
  return rss.channel as { title: string; link: string; description: string; language: string; 'atom:link': { '@href': string }; item?: RssItem[] };
}

const absolute = (baseURL: string, path: string) => new URL(`${baseURL}${path}`).href;

function sampleUrl(baseURL: string) {
  const row = sampleArticleRow(testDb());
  return absolute(baseURL, articlePath(row.id, row.slug));
}

test('the site feed lists the newest articles with every field, the sample article among them', async ({ request, baseURL }) => {
  const channel = await fetchFeed(request, '/feed.xml');
  expect(channel).toMatchObject({ title: site.name, link: `${baseURL}/`, description: 'أخبار المغرب والعالم بالعربية', language: 'ar' });
  expect(channel['atom:link']['@href']).toBe(`${baseURL}/feed.xml`);

  const items = channel.item!;
  expect(items.length).toBeGreaterThan(0);
  expect(items.length).toBeLessThanOrEqual(30);
  for (const item of items) {
    expect(item.link.startsWith(`${baseURL}/article/`)).toBe(true);
    expect(item.guid).toEqual({ '#text': item.link, '@isPermaLink': 'true' });
    expect(item.pubDate).toMatch(RFC_822);
    expect(item.title && item.category && item['dc:creator'] && item.description).toBeTruthy();
    expect(item.author, 'RSS <author> is an email address; staff addresses are never published').toBeUndefined();
  }
  const times = items.map((i) => Date.parse(i.pubDate));
  expect(times).toEqual([...times].sort((a, b) => b - a));

  const sample = items.find((i) => i.link === sampleUrl(baseURL!));
  expect(sample).toMatchObject({
    title: sampleArticle.title,
    category: 'الدبلوماسية الدولية',
    'dc:creator': 'هيئة التحرير',
    description: sampleArticle.deck,
  });
  expect(Date.parse(sample!.pubDate)).toBe(sampleArticle.publishedAt);
  // Drafts and scheduled articles never appear.
  expect(items.some((i) => /^(مسودة|مجدول):/.test(i.title))).toBe(false);
});

test('each section of the sample article’s chain has a feed with the article', async ({ request, baseURL }) => {
  for (const slug of SAMPLE_CHAIN) {
    const section = getSectionBySlug(testDb(), slug)!;
    const channel = await fetchFeed(request, `/section/${slug}/feed.xml`);
    expect(channel).toMatchObject({ title: `${section.name} | ${site.name}`, link: absolute(baseURL!, sectionPath(slug)), language: 'ar' });
    expect(channel['atom:link']['@href']).toBe(absolute(baseURL!, `/section/${slug}/feed.xml`));
    expect(channel.item!.map((i) => i.link)).toContain(sampleUrl(baseURL!));
  }
  // Another branch of the tree does not carry it.
  const economy = await fetchFeed(request, '/section/economy/feed.xml');
  expect((economy.item ?? []).map((i) => i.link)).not.toContain(sampleUrl(baseURL!));
});

test('an unknown section has no feed, and the reader pages around the feeds still work', async ({ request }) => {
  expect((await request.get('/section/no-such-section/feed.xml')).status()).toBe(404);
  expect((await request.get('/section/news/page/2/feed.xml')).status()).toBe(404);
  expect((await request.get('/en/feed.xml')).status()).toBe(404);
  const sectionPage = await request.get('/section/news');
  expect(sectionPage.status()).toBe(200);
  expect(sectionPage.headers()['content-type']).toContain('text/html');
  const row = sampleArticleRow(testDb());
  expect((await request.get(articlePath(row.id, row.slug))).status()).toBe(200);
});

test('the sitemap index points at chunks that list articles, sections, tags and authors', async ({ request, baseURL }) => {
  const index = await fetchXml(request, '/sitemap.xml', 'application/xml');
  const chunkUrls: string[] = index.sitemapindex.sitemap.map((s: { loc: string }) => s.loc);
  expect(chunkUrls.map((u) => u.replace(/-\d+\.xml$/, ''))).toEqual(
    ['articles', 'sections', 'tags', 'authors'].map((kind) => `${baseURL}/sitemaps/${kind}`),
  );

  const entries = new Map<string, string | undefined>();
  for (const url of chunkUrls) {
    const { urlset } = await fetchXml(request, new URL(url).pathname, 'application/xml');
    expect(urlset.url.length).toBeLessThanOrEqual(50_000);
    for (const u of urlset.url as { loc: string; lastmod?: string }[]) entries.set(u.loc, u.lastmod);
  }
  for (const loc of entries.keys()) expect(loc.startsWith(`${baseURL}/`)).toBe(true);

  const row = sampleArticleRow(testDb());
  expect(entries.get(sampleUrl(baseURL!))).toBe(new Date(Math.max(row.publishedAt!, row.updatedAt)).toISOString().replace('.000Z', 'Z'));
  for (const [loc, lastmod] of entries) if (loc.includes('/article/')) expect(lastmod).toMatch(W3C_DATE);
  for (const slug of SAMPLE_CHAIN) expect(entries.has(absolute(baseURL!, sectionPath(slug)))).toBe(true);
  for (const name of sampleArticle.tags) expect(entries.has(absolute(baseURL!, tagPath(slugify(name))))).toBe(true);
  const author = testDb().select().from(users).where(eq(users.id, row.authorId)).get()!;
  expect(entries.has(absolute(baseURL!, authorPath(author.slug)))).toBe(true);
  // The demo's draft and its article scheduled for 2099 are not listed.
  const hidden = testDb().select().from(articles).where(inArray(articles.status, ['draft', 'scheduled'])).all();
  expect(hidden.length).toBeGreaterThan(0);
  for (const a of hidden) expect(entries.has(absolute(baseURL!, articlePath(a.id, a.slug)))).toBe(false);

  expect((await request.get('/sitemaps/articles-99.xml')).status()).toBe(404);
  expect((await request.get('/sitemaps/comments-1.xml')).status()).toBe(404);
});

test('robots.txt keeps the newsroom out and names both sitemaps', async ({ request, baseURL }) => {
  const response = await request.get('/robots.txt');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('text/plain; charset=utf-8');
  const lines = (await response.text()).split('\n');
  expect(lines).toEqual(expect.arrayContaining(['User-agent: *', 'Disallow: /admin', 'Disallow: /en/admin', `Sitemap: ${baseURL}/sitemap.xml`, `Sitemap: ${baseURL}/news-sitemap.xml`]));
});

test('reader pages link the site feed in their head, section fronts their own feed too', async ({ page, baseURL }) => {
  const feedLinks = () => page.locator('head link[rel="alternate"][type="application/rss+xml"]').evaluateAll((links) => links.map((l) => [l.getAttribute('href'), l.getAttribute('title')]));
  const siteFeed = [`${baseURL}/feed.xml`, site.name];
  const row = sampleArticleRow(testDb());

  for (const path of ['/', articlePath(row.id, row.slug), '/en']) {
    await page.goto(path);
    expect(await feedLinks(), path).toEqual([siteFeed]);
  }
  await page.goto('/section/international-diplomacy');
  expect(await feedLinks()).toEqual([siteFeed, [`${baseURL}/section/international-diplomacy/feed.xml`, `الدبلوماسية الدولية | ${site.name}`]]);
});

test('an article published now shows in the news sitemap and, once revalidated, in the cached feeds', async ({ request, baseURL }, testInfo) => {
  test.setTimeout(60_000);
  // Warm the cached feeds first, so seeing the article later proves the publish revalidated them.
  await fetchFeed(request, '/feed.xml');
  await fetchFeed(request, '/section/athletics/feed.xml');
  const news = await fetchXml(request, '/news-sitemap.xml', 'application/xml');
  // The demo corpus is from 2024: only articles the tests publish fall in the two-day window.
  expect(news.urlset['@xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');

  const db = testDb();
  const title = `خبر عاجل للخلاصات ${testInfo.project.name} ${Date.now()}`;
  const now = Date.now();
  // Due now: the server's scheduler publishes it within seconds and revalidates the pages (and
  // feeds) that show it, as it does for an editor's scheduled article.
  const id = createArticle(db, {
    slug: slugify(title),
    title,
    deck: 'سطر تمهيدي للخبر',
    body: 'نص الخبر.',
    sectionId: getSectionBySlug(db, 'athletics')!.id,
    authorId: sampleArticleRow(db).authorId,
    status: 'scheduled',
    publishedAt: now,
    updatedAt: now,
  });
  const url = absolute(baseURL!, articlePath(id, slugify(title)));

  const feedLinks = async (path: string) => ((await fetchFeed(request, path)).item ?? []).map((i) => i.link);
  await expect.poll(() => feedLinks('/feed.xml'), { timeout: 30_000, intervals: [1_000] }).toContain(url);
  expect(await feedLinks('/section/athletics/feed.xml')).toContain(url);
  expect(await feedLinks('/section/sports/feed.xml')).toContain(url);
  expect(await feedLinks('/section/news/feed.xml')).not.toContain(url);

  const { urlset } = await fetchXml(request, '/news-sitemap.xml', 'application/xml');
  const entries = urlset.url as { loc: string; 'news:news': Record<string, unknown> }[];
  expect(entries.length).toBeLessThanOrEqual(1_000);
  expect(entries.find((e) => e.loc === url)?.['news:news']).toEqual({
    'news:publication': { 'news:name': site.name, 'news:language': 'ar' },
    'news:publication_date': new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    'news:title': title,
  });
  expect(entries.map((e) => e.loc)).not.toContain(sampleUrl(baseURL!));
});
