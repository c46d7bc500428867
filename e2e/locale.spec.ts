import { expect, test } from '@playwright/test';
import { sampleArticle, sampleArticleRow, testDb } from './helpers';

test('/en switches the interface to English, left to right; content stays as stored', async ({ page }) => {
  await page.goto('/en');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('navigation', { name: 'Main sections' }).getByRole('link', { name: 'Home' })).toBeVisible();

  const row = sampleArticleRow(testDb());
  await page.goto(`/en/article/${row.id}/${row.slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(sampleArticle.title);
  await expect(page.getByRole('heading', { name: 'Related articles' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link').first()).toHaveAttribute('href', '/en');
  await expect(page.locator('article time').first()).toHaveText(/22 April 2024/);
  // Stored Arabic content keeps its language and direction inside the English interface.
  await expect(page.getByRole('heading', { level: 1 })).toHaveAttribute('lang', 'ar');
  await expect(page.locator('.article-body')).toHaveAttribute('dir', 'rtl');
});

test('the language switch leads to the same page in the other language', async ({ page }) => {
  const row = sampleArticleRow(testDb());
  await page.goto(`/article/${row.id}/${row.slug}`);
  await page.getByRole('link', { name: 'Read this site in English' }).click();
  await expect(page).toHaveURL(new RegExp(`/en/article/${row.id}/`));
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('link', { name: 'تصفح الموقع بالعربية' }).click();
  await expect(page).toHaveURL(new RegExp(`^[^?]+//[^/]+/article/${row.id}/`));
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
});

test('the Arabic site is the default at the root and /ar redirects there', async ({ page, request }) => {
  const response = await request.get('/ar', { maxRedirects: 0 });
  expect([307, 308]).toContain(response.status());
  expect(response.headers()['location']).toMatch(/^(http:\/\/[^/]+)?\/$/);
  await page.goto('/');
  await expect(page.getByRole('navigation', { name: 'الأقسام الرئيسية' }).getByRole('link', { name: 'الرئيسية' })).toBeVisible();
});

test('the English interface names sections in English where they have an English name', async ({ page }) => {
  await page.goto('/en');
  const nav = page.getByRole('navigation', { name: 'Main sections' });
  await expect(nav.getByRole('link', { name: 'News', exact: true })).toHaveAttribute('href', '/en/section/news');
  await expect(nav.getByRole('link', { name: 'Science & Technology' })).toHaveCount(1);
  await expect(page.getByRole('link', { name: 'More in Economy' })).toBeVisible();

  const row = sampleArticleRow(testDb());
  await page.goto(`/en/article/${row.id}/${row.slug}`);
  const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link');
  await expect(crumbs).toHaveText(['Home', 'News', 'World', 'Horizon', 'Diplomacy']);
  await expect(crumbs.last()).toHaveAttribute('lang', 'en');

  await page.goto('/en/section/international');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('World');
  await expect(page.getByRole('heading', { level: 1 })).toHaveAttribute('lang', 'en');
  await expect(page).toHaveTitle(/^World/);
  // The cards' section labels too, and the Arabic site keeps the Arabic names.
  const label = page.getByRole('main').getByRole('article').getByRole('link', { name: 'Diplomacy', exact: true }).first();
  await expect(label).toBeVisible();
  await expect(label.locator('[lang="en"]')).toHaveCount(1);
  // Interface text inside an Arabic card reads left to right («comments 4» before).
  const meta = page.getByRole('main').locator('span[dir="ltr"][lang="en"]', { hasText: /^\d+ \w+ \d{4} · \d+ comments?$/ });
  await expect(meta.first()).toBeVisible();
  await page.goto('/section/international');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('أخبار دولية');
});
