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
});

test('the Arabic site is the default at the root and /ar redirects there', async ({ page, request }) => {
  const response = await request.get('/ar', { maxRedirects: 0 });
  expect([307, 308]).toContain(response.status());
  expect(response.headers()['location']).toMatch(/^(http:\/\/[^/]+)?\/$/);
  await page.goto('/');
  await expect(page.getByRole('navigation', { name: 'الأقسام الرئيسية' }).getByRole('link', { name: 'الرئيسية' })).toBeVisible();
});
