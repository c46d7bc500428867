import { expect, test } from '@playwright/test';
import { breadcrumb } from './helpers';

test('a section front lists its and its descendants\' articles, 20 a page, newest first', async ({ page }) => {
  await page.goto('/section/news');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('أخبار');
  await expect(breadcrumb(page)).toHaveText(['الرئيسية', 'أخبار']);

  const items = page.locator('main ul.divide-y > li');
  await expect(items).toHaveCount(20);
  const times = await items.locator('time').evaluateAll((els) => els.map((el) => Date.parse(el.getAttribute('datetime')!)));
  expect(times).toEqual([...times].sort((a, b) => b - a));
  // Articles of child sections are listed too, labelled with their own section.
  await expect(items.getByRole('link', { name: 'الدبلوماسية الدولية' }).first()).toBeVisible();

  const pagination = page.getByRole('navigation', { name: 'التنقل بين الصفحات' });
  await pagination.getByRole('link', { name: 'الصفحة التالية' }).click();
  await expect(page).toHaveURL(/\/section\/news\/page\/2$/);
  await expect(page.getByRole('navigation', { name: 'التنقل بين الصفحات' }).locator('[aria-current="page"]')).toContainText('2');
  const page2Times = await page.locator('main ul.divide-y > li time').evaluateAll((els) => els.map((el) => Date.parse(el.getAttribute('datetime')!)));
  expect(Math.max(...page2Times)).toBeLessThanOrEqual(Math.min(...times));
});

test('the header navigation offers top sections and their children', async ({ page, isMobile }) => {
  test.skip(!!isMobile, 'children open on hover or focus on wide screens; phones use the footer list');
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'الأقسام الرئيسية' });
  await nav.getByRole('link', { name: 'أخبار', exact: true }).hover();
  await expect(nav.getByRole('link', { name: 'أخبار دولية' })).toBeVisible();
  await nav.getByRole('link', { name: 'أخبار دولية' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('أخبار دولية');
});

test('on phones every section is reachable from the footer list', async ({ page }) => {
  await page.goto('/');
  const footer = page.getByRole('navigation', { name: 'أقسام الجريدة' });
  await footer.getByRole('link', { name: 'الدبلوماسية الدولية' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('الدبلوماسية الدولية');
  await expect(breadcrumb(page)).toHaveText([
    'الرئيسية',
    'أخبار',
    'أخبار دولية',
    'الأفق',
    'الدبلوماسية الدولية',
  ]);
});

test('the front page has a lead story with an image, latest stories, section blocks and most read', async ({ page }) => {
  await page.goto('/');
  const lead = page.getByRole('region', { name: 'الخبر الرئيسي' });
  await expect(lead.getByRole('img')).toHaveCount(0); // the lead image link is decorative (aria-hidden)
  await expect(lead.locator('img')).toHaveAttribute('fetchpriority', 'high');
  const image = lead.locator('img');
  expect(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  await expect(page.getByRole('region', { name: 'آخر الأخبار' }).getByRole('article')).toHaveCount(8);
  const mostRead = page.getByRole('complementary', { name: 'الأكثر قراءة' });
  await expect(mostRead.getByRole('region', { name: 'خلال 24 ساعة' }).getByRole('listitem')).toHaveCount(5);
  await expect(mostRead.getByRole('region', { name: 'خلال 7 أيام' }).getByRole('listitem')).toHaveCount(5);
  for (const name of ['أخبار', 'اقتصاد', 'رياضة']) {
    await expect(page.getByRole('region', { name, exact: true })).toBeVisible();
  }
});
