import { expect, test } from '@playwright/test';
import { and, eq, lte, sql } from 'drizzle-orm';
import { articles, articleTags, tags, users } from '@/db/schema';
import { sampleArticle, sampleArticleRow, testDb } from './helpers';

// Tag and author pages, reached the way readers reach them: from an article.

/** «N مقالات» with the Arabic plural forms the pages use. */
const arabicArticles = (n: number) => (n === 1 ? 'مقال واحد' : n === 2 ? 'مقالان' : n % 100 >= 3 && n % 100 <= 10 ? `${n} مقالات` : n % 100 >= 11 ? `${n} مقالًا` : `${n} مقال`);

const visibleCount = (where: ReturnType<typeof and>) =>
  testDb().select({ n: sql<number>`count(*)` }).from(articles).where(and(eq(articles.status, 'published'), lte(articles.publishedAt, Date.now()), where)).get()!.n;

test('a tag on the article leads to that tag\'s page: name, count in Arabic, newest first', async ({ page }) => {
  const row = sampleArticleRow(testDb());
  await page.goto(`/article/${row.id}/${row.slug}`);
  await page.getByRole('region', { name: 'الوسوم' }).getByRole('link', { name: 'أذربيجان', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('أذربيجان');
  await expect(page).toHaveTitle(/وسم: أذربيجان/);

  const tag = testDb().select().from(tags).where(eq(tags.name, 'أذربيجان')).get()!;
  const count = visibleCount(sql`${articles.id} in (select ${articleTags.articleId} from ${articleTags} where ${articleTags.tagId} = ${tag.id})`);
  expect(count).toBeGreaterThan(1);
  await expect(page.getByRole('main')).toContainText(arabicArticles(count));
  const titles = page.getByRole('main').getByRole('article').getByRole('heading', { level: 2 });
  await expect(titles).toHaveCount(Math.min(count, 20));
  // The sample article is the newest one with this tag.
  await expect(titles.first()).toHaveText(sampleArticle.title);
});

test('the byline leads to the author\'s page with their bio and articles, paged', async ({ page }) => {
  const row = sampleArticleRow(testDb());
  const author = testDb().select().from(users).where(eq(users.id, row.authorId)).get()!;
  await page.goto(`/article/${row.id}/${row.slug}`);
  await page.getByRole('link', { name: author.displayName, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/author/${encodeURIComponent(author.slug)}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(author.displayName);
  // The kicker names the page's kind, which also fits the collective «هيئة التحرير» («كاتب في» did not).
  await expect(page.getByRole('main').getByText('كتّاب جريدة Ouma press', { exact: true })).toBeVisible();
  if (author.bio) await expect(page.getByText(author.bio)).toBeVisible();

  const count = visibleCount(eq(articles.authorId, author.id));
  await expect(page.getByRole('main')).toContainText(arabicArticles(count));
  const titles = page.getByRole('main').getByRole('article').getByRole('heading', { level: 2 });
  await expect(titles).toHaveCount(Math.min(count, 20));
  if (count > 20) {
    await page.getByRole('link', { name: 'الصفحة التالية' }).click();
    await expect(page).toHaveURL(/\/page\/2$/);
    await expect(titles).toHaveCount(Math.min(count - 20, 20));
  }
});

test('unknown tags and authors, staff without articles and bad page numbers are not found', async ({ request }) => {
  const db = testDb();
  const silent = db.select().from(users).where(sql`not exists (select 1 from ${articles} where ${articles.authorId} = ${users.id} and ${articles.status} = 'published')`).get();
  const urls = ['/tag/لا-يوجد', '/author/nobody-here', '/tag/روسيا/page/0', '/tag/روسيا/page/٢', '/tag/روسيا/x/y', '/tag/روسيا/page/999'];
  if (silent) urls.push(`/author/${encodeURIComponent(silent.slug)}`);
  for (const url of urls) {
    const response = await request.get(encodeURI(url));
    expect(response.status(), url).toBe(404);
    expect(await response.text()).toContain('الصفحة غير موجودة');
  }
  const first = await request.get(encodeURI('/tag/روسيا/page/1'), { maxRedirects: 0 });
  expect(first.status()).toBe(308);
});
