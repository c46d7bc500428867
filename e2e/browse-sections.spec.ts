import { expect, test } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { createArticle } from '@/db/queries/articles';
import { addSection } from '@/db/queries/section-admin';
import { sections } from '@/db/schema';
import { articlePath } from '@/lib/paths';
import { slugify } from '@/lib/slug';
import { signIn } from './admin-helpers';
import { breadcrumb, sampleArticleRow, testDb } from './helpers';

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

test('on a phone the header is one row and the sections one row that scrolls sideways, so the article starts on the first screen', async ({ page, isMobile }) => {
  test.skip(!isMobile, 'the phone layout');
  const row = sampleArticleRow(testDb());
  await page.goto(articlePath(row.id, row.slug));
  const header = page.getByRole('banner');
  // It took 212 px, with the search field on a row of its own and the sections wrapped onto two rows.
  expect((await header.boundingBox())!.height).toBeLessThanOrEqual(120);
  await expect(page.getByRole('searchbox')).toHaveCount(0);
  const nav = page.getByRole('navigation', { name: 'الأقسام الرئيسية' });
  const tops = await nav.getByRole('listitem').evaluateAll((items) => items.filter((li) => li.getClientRects().length).map((li) => Math.round(li.getBoundingClientRect().top)));
  expect(new Set(tops).size, 'one row').toBe(1);
  // The headline starts high on the first screen (about 310 px down before, under the 212 px header),
  // with room for the «عاجل» ticker other tests may have switched on.
  expect((await page.getByRole('heading', { level: 1 }).boundingBox())!.y).toBeLessThan(290);
  // The last section is off screen at first and reachable by scrolling the row.
  const last = nav.getByRole('link', { name: 'علوم وتكنولوجيا' });
  await expect(last).not.toBeInViewport();
  await last.scrollIntoViewIfNeeded();
  await expect(last).toBeInViewport();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'the page itself does not scroll sideways').toBe(true);
  await last.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('علوم وتكنولوجيا');

  // Search is a link to the search page, whose box is ready to type in.
  await page.getByRole('link', { name: 'ابحث في الموقع' }).click();
  await expect(page).toHaveURL(/\/search$/);
  await expect(page.getByRole('searchbox', { name: 'البحث في الأخبار' })).toBeFocused();
});

test('on the narrowest phones (320 and 340 px) the header is still one row, in both languages', async ({ page, isMobile }) => {
  test.skip(!isMobile, 'the phone layout');
  for (const width of [320, 340]) {
    await page.setViewportSize({ width, height: 640 });
    for (const path of ['/', '/en']) {
      await page.goto(path);
      const header = page.getByRole('banner');
      const name = header.getByRole('link').first();
      const english = path === '/en';
      const links = [
        name,
        header.getByRole('link', { name: english ? 'Search the site' : 'ابحث في الموقع', exact: true }),
        header.getByRole('link', { name: english ? 'تصفح الموقع بالعربية' : 'Read this site in English', exact: true }),
      ];
      const tops = await Promise.all(links.map(async (link) => Math.round((await link.boundingBox())!.y)));
      expect(Math.max(...tops) - Math.min(...tops), `${path} at ${width}px: name, search and language on one row`).toBeLessThan(20);
      // It was 155 px at 320 px, the site name pushed onto a row of its own.
      expect((await header.boundingBox())!.height, `${path} at ${width}px`).toBeLessThanOrEqual(120);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${path} at ${width}px`).toBeLessThanOrEqual(width);
    }
  }
});

test('at tablet widths the page does not scroll sideways, in Arabic or in English (longer names)', async ({ page, isMobile }) => {
  test.skip(!!isMobile, 'widths set here');
  for (const width of [768, 1024]) {
    await page.setViewportSize({ width, height: 900 });
    for (const path of ['/', '/en']) {
      await page.goto(path);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${path} at ${width}px`).toBeLessThanOrEqual(width);
    }
  }
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

test('a section with an Arabic address is linked in letters and opens', async ({ page, context, baseURL }, testInfo) => {
  const db = testDb();
  const stamp = `${testInfo.project.name}-${Date.now() % 100000}`;
  const parent = db.select().from(sections).where(eq(sections.slug, 'international-diplomacy')).get()!;
  const name = `اقتصاد أخضر ${stamp}`;
  const slug = slugify(name);
  expect(slug).toMatch(/^اقتصاد-أخضر-/);
  await signIn(context, 'admin', baseURL!);
  await page.goto('/admin/sections');
  const create = page.getByRole('region', { name: 'إضافة قسم' });
  await create.getByRole('textbox', { name: 'الاسم', exact: true }).fill(name);
  await create.getByRole('textbox', { name: 'الرابط المختصر' }).fill(slug);
  await create.getByRole('combobox', { name: 'القسم الأب' }).selectOption(String(parent.id));
  await create.getByRole('button', { name: 'إضافة قسم' }).click();
  await expect.poll(() => db.select().from(sections).where(eq(sections.slug, slug)).get()?.parentId).toBe(parent.id);
  const title = `خبر في قسم عنوانه عربي ${stamp}`;
  const id = createArticle(db, {
    slug: slugify(title),
    title,
    deck: 'سطر تمهيدي',
    body: 'نص الخبر.',
    sectionId: db.select().from(sections).where(eq(sections.slug, slug)).get()!.id,
    authorId: sampleArticleRow(db).authorId,
    status: 'published',
    publishedAt: Date.now() - 60_000,
    updatedAt: Date.now(),
  });

  await page.goto(articlePath(id, slugify(title)));
  const link = breadcrumb(page).filter({ hasText: name });
  // Letters, not six bytes of %D8%.. per letter; the browser encodes them back when it follows the link.
  await expect(link).toHaveAttribute('href', `/section/${slug}`);
  await link.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  expect(decodeURIComponent(new URL(page.url()).pathname)).toBe(`/section/${slug}`);
  await expect(page.getByRole('link', { name: title })).toBeVisible();
});
