import { and, eq, isNull, gt } from 'drizzle-orm';
import { expect, test } from '@playwright/test';
import { articles } from '@/db/schema';
import { testDb } from './helpers';

async function expectArabic404(page: import('@playwright/test').Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('الصفحة غير موجودة');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('link', { name: 'العودة إلى الصفحة الرئيسية' })).toHaveAttribute('href', '/');
}

test('unknown articles and unknown sections get the Arabic 404 page with a way back', async ({ page }) => {
  for (const path of ['/article/99999999/x', '/article/0', '/article/abc', '/article/-1', '/section/no-such-section', '/no/such/page']) {
    await expectArabic404(page, path);
  }
});

test('drafts and articles scheduled for later are not found', async ({ page }) => {
  const db = testDb();
  const draft = db.select().from(articles).where(and(eq(articles.status, 'draft'), isNull(articles.publishedAt))).get();
  const future = db.select().from(articles).where(and(eq(articles.status, 'scheduled'), gt(articles.publishedAt, Date.now()))).get();
  expect(draft && future).toBeTruthy();
  await expectArabic404(page, `/article/${draft!.id}/${draft!.slug}`);
  await expectArabic404(page, `/article/${future!.id}/${future!.slug}`);
});

test('page numbers that are not positive integers or are past the end are not found', async ({ page, request }) => {
  for (const n of ['0', '-1', '01', '1.5', 'abc', '١', '2e1', '999', '99999999999']) {
    const response = await request.get(`/section/news/page/${encodeURIComponent(n)}`, { maxRedirects: 0 });
    expect(response.status(), `page ${n}`).toBe(404);
  }
  const extra = await request.get('/section/news/page/2/3', { maxRedirects: 0 });
  expect(extra.status()).toBe(404);
  await expectArabic404(page, '/section/news/page/999');
});

test('/page/1 moves permanently to the section address', async ({ request }) => {
  const response = await request.get('/section/news/page/1', { maxRedirects: 0 });
  expect(response.status()).toBe(308);
  expect(response.headers()['location']).toMatch(/\/section\/news$/);
});

test('malformed percent-escapes get the Arabic page with a 400, never a 500', async ({ page }) => {
  for (const path of ['/%ZZ', '/section/%ZZ', '/article/1/%E0%A4%A', '/media/%ZZ']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(400);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('الصفحة غير موجودة');
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the 404 page is complete HTML: Arabic, right to left, with a way back', async ({ page }) => {
    for (const path of ['/article/99999999/x', '/section/no-such-section', '/section/news/page/999', '/no/such/page']) {
      await expectArabic404(page, path);
      await expect(page.getByRole('navigation', { name: 'الأقسام الرئيسية' })).toBeVisible();
    }
    const response = await page.goto('/en/no/such/page');
    expect(response?.status()).toBe(404);
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  });
});

test('a missing image answers 404 in Arabic', async ({ request }) => {
  for (const path of ['/media/demo-999-400.webp', '/media/not-an-image.txt']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
    expect(await response.text(), path).toBe('الصورة غير موجودة');
  }
});
