import { expect, test, type APIRequestContext } from '@playwright/test';
import { and, eq, gt, sql } from 'drizzle-orm';
import { articles, articleViews } from '@/db/schema';
import { testDb } from './helpers';

// Views: counted by a beacon after load (the page itself stays cached), once per browser per article
// per day, robots ignored, written in batches; «الأكثر قراءة» follows them.

const BROWSER = 'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36';
const HOUR = 3_600_000;

const viewCount = (id: number) => testDb().select().from(articles).where(eq(articles.id, id)).get()!.viewCount;

/** An article of this test's own (far from the ones other specs count), by slot. */
function quietArticle(slot: number, project: string) {
  const row = testDb()
    .select()
    .from(articles)
    .where(eq(articles.status, 'published'))
    .orderBy(articles.id)
    .limit(1)
    .offset(40 + slot * 2 + (project === 'desktop' ? 1 : 0))
    .get()!;
  return { id: row.id, path: `/article/${row.id}/${row.slug}`, title: row.title };
}

async function beacons(request: APIRequestContext, id: number, count: number, ipPrefix: string, userAgent = BROWSER) {
  const statuses: number[] = [];
  for (let start = 0; start < count; start += 250) {
    const batch = Array.from({ length: Math.min(250, count - start) }, (_, k) => start + k);
    statuses.push(
      ...(await Promise.all(
        batch.map(async (i) => {
          const response = await request.post('/api/views', {
            data: String(id),
            headers: { 'content-type': 'text/plain', 'user-agent': userAgent, 'x-forwarded-for': `${ipPrefix}.${i >> 8}.${i & 255}` },
          });
          return response.status();
        }),
      )),
    );
  }
  return statuses;
}

async function settles(id: number, expected: number) {
  await expect.poll(() => viewCount(id), { timeout: 15_000 }).toBe(expected);
}

test('reading an article counts one view, once per browser per day', async ({ page }, testInfo) => {
  const article = quietArticle(0, testInfo.project.name);
  const before = viewCount(article.id);
  const sent = page.waitForRequest((r) => r.url().endsWith('/api/views') && r.method() === 'POST');
  await page.goto(article.path);
  expect((await sent).postData()).toBe(String(article.id));
  await settles(article.id, before + 1);
  // The page was not made dynamic for it: it is still served from the cache.
  const again = await page.goto(article.path);
  expect(again!.headers()['cache-control']).toContain('s-maxage');
  await page.waitForTimeout(3000);
  expect(viewCount(article.id)).toBe(before + 1);
});

test('1,000 beacons at once lose no count; replays and robots add nothing', async ({ request }, testInfo) => {
  test.setTimeout(90_000);
  const article = quietArticle(1, testInfo.project.name);
  const before = viewCount(article.id);
  const prefix = testInfo.project.name === 'desktop' ? '10.201' : '10.202';
  const statuses = await beacons(request, article.id, 1000, prefix);
  expect(statuses.every((s) => s === 204)).toBe(true);
  await settles(article.id, before + 1000);
  // The same readers again, then robots: no change.
  await beacons(request, article.id, 200, prefix);
  await beacons(request, article.id, 50, `${prefix}9`, 'Googlebot/2.1 (+http://www.google.com/bot.html)');
  await new Promise((r) => setTimeout(r, 3000));
  expect(viewCount(article.id)).toBe(before + 1000);
  const bucket = testDb()
    .select({ views: sql<number>`sum(${articleViews.views})` })
    .from(articleViews)
    .where(and(eq(articleViews.articleId, article.id), gt(articleViews.hour, Math.floor(Date.now() / HOUR) - 2)))
    .get()!;
  expect(bucket.views).toBeGreaterThanOrEqual(1000);
});

test('a bad beacon is refused and counts nothing', async ({ request }) => {
  for (const data of ['', 'abc', '-1', '99999999999', 'x'.repeat(5000)]) {
    const response = await request.post('/api/views', { data, headers: { 'content-type': 'text/plain', 'user-agent': BROWSER } });
    expect(response.status(), data.slice(0, 10)).toBeGreaterThanOrEqual(400);
    expect(response.status()).toBeLessThan(500);
  }
  expect((await request.get('/api/views')).status()).toBe(405);
});

test('the most read list follows what readers read', async ({ page, request }, testInfo) => {
  // One project only: two projects pushing two articles to the top at once would race.
  test.skip(testInfo.project.name !== 'desktop', 'server-side ranking; desktop only');
  test.setTimeout(120_000);
  const article = quietArticle(2, testInfo.project.name);
  const hourNow = Math.floor(Date.now() / HOUR);
  const leader = testDb()
    .select({ views: sql<number>`sum(${articleViews.views})` })
    .from(articleViews)
    .where(gt(articleViews.hour, hourNow - 24))
    .groupBy(articleViews.articleId)
    .orderBy(sql`sum(${articleViews.views}) desc`)
    .limit(1)
    .get();
  await page.goto('/');
  const day = page.getByTestId('most-read-day');
  await expect(day.getByRole('link', { name: article.title, exact: true })).toHaveCount(0);

  const prefix = testInfo.project.name === 'desktop' ? '10.203' : '10.204';
  // 1,300 past the leader: the other project's «1,000 beacons» test may push another article up meanwhile.
  await beacons(request, article.id, (leader?.views ?? 0) + 1300, prefix);
  await expect
    .poll(
      async () => {
        await page.goto('/');
        return day.getByRole('listitem').first().textContent();
      },
      { timeout: 60_000, intervals: [2000] },
    )
    .toContain(article.title);
  // The same list beside articles.
  await page.goto(quietArticle(0, testInfo.project.name).path);
  await expect(page.getByTestId('most-read-day').getByRole('listitem').first()).toContainText(article.title);
});
