import { expect, test } from '@playwright/test';
import { breadcrumb, sampleArticle, sampleArticleRow, sampleBodyLines, testDb } from './helpers';

const chain = sampleArticle.sectionChain;

test('a reader goes from the front page through the sections to the sample article', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page).toHaveTitle(/جريدة Ouma press/);

  // Down the section tree: أخبار › أخبار دولية › الأفق › الدبلوماسية الدولية
  await page.getByRole('navigation', { name: 'الأقسام الرئيسية' }).getByRole('link', { name: chain[0], exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(chain[0]!);
  for (const name of chain.slice(1)) {
    await page.getByRole('navigation', { name: 'أقسام فرعية' }).getByRole('link', { name, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  }

  await page.getByRole('link', { name: sampleArticle.title }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(sampleArticle.title);
  await expect(page).toHaveURL(/\/article\/\d+\/.+/);
});

test('the sample article shows its breadcrumb, deck, source, date and every paragraph', async ({ page }) => {
  const row = sampleArticleRow(testDb());
  await page.goto(`/article/${row.id}/${row.slug}`);

  const crumbs = breadcrumb(page);
  await expect(crumbs).toHaveText(['الرئيسية', ...chain]);

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(sampleArticle.title);
  await expect(page.getByText(sampleArticle.deck, { exact: true })).toBeVisible();
  await expect(page.getByText(sampleArticle.source, { exact: true })).toBeVisible();
  // Monday 22 April 2024, Arabic month, Western digits.
  await expect(page.locator('article time').first()).toHaveText(/22 أبريل 2024/);
  await expect(page.locator('article time').first()).toHaveAttribute('datetime', '2024-04-22T11:00:00.000Z');
  await expect(page.getByText(/للقراءة$/)).toBeVisible();

  const body = (await page.locator('.article-body').innerText()).replace(/\s+/g, ' ');
  for (const line of sampleBodyLines()) expect(body).toContain(line);
  // Paragraph structure survives: five paragraphs as in the source.
  await expect(page.locator('.article-body p')).toHaveCount(5);
});

test('related articles lead to other articles that share its subject', async ({ page }) => {
  const row = sampleArticleRow(testDb());
  await page.goto(`/article/${row.id}/${row.slug}`);
  const related = page.getByRole('region', { name: 'مقالات ذات صلة' });
  await expect(related.getByRole('heading', { level: 2 })).toHaveText('مقالات ذات صلة');
  const links = related.getByRole('article').getByRole('heading').getByRole('link');
  expect(await links.count()).toBeGreaterThanOrEqual(3);
  // No headline twice (the demo data has stories that share one).
  const titles = (await links.allInnerTexts()).map((t) => t.trim());
  expect(new Set(titles).size, titles.join(' | ')).toBe(titles.length);

  const firstTitle = (await links.first().innerText()).trim();
  await links.first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(firstTitle);
  expect(firstTitle).not.toBe(sampleArticle.title);
  expect(page.url()).not.toContain(`/article/${row.id}/`);
});

test('the back-to-top control returns to the top of the page', async ({ page }) => {
  const row = sampleArticleRow(testDb());
  await page.goto(`/article/${row.id}/${row.slug}`);
  const control = page.getByRole('link', { name: 'زر الذهاب إلى الأعلى' });
  await expect(control).toHaveAttribute('href', '#top');
  // It sits inside a landmark (the footer), not loose in the page.
  await expect(page.getByRole('contentinfo').getByRole('link', { name: 'زر الذهاب إلى الأعلى' })).toHaveCount(1);

  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(500);
  await control.click();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
});

test('with the page\'s code running, back-to-top stays out of the way while reading down and shows on the way back up', async ({ page }) => {
  const row = sampleArticleRow(testDb());
  await page.goto(`/article/${row.id}/${row.slug}`);
  const control = page.getByRole('link', { name: 'زر الذهاب إلى الأعلى' });
  // The first interaction loads the page's code (lib/deferred-scripts.ts).
  await page.locator('h1').click();
  await expect(control).toHaveAttribute('data-js', '');
  const opacity = () => control.evaluate((el) => getComputedStyle(el).opacity);
  // Waits for the scroll event to be handled: without that, two quick jumps can reach the page as one
  // (CI once saw 2000 then 1900 arrive as a single move down to 1900).
  const scrollTo = (y: number) =>
    page.evaluate(
      (y) =>
        new Promise<void>((done) => {
          window.addEventListener('scroll', () => requestAnimationFrame(() => done()), { once: true });
          setTimeout(done, 1000); // no event if the page is already there
          window.scrollTo({ top: y, behavior: 'instant' });
        }),
      y,
    );
  for (const y of [300, 800, 1500, 2000]) {
    await scrollTo(y);
    await expect.poll(opacity, `reading down at ${y}`).toBe('0');
  }
  await scrollTo(1900);
  await expect.poll(opacity).toBe('1');
  await control.click();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
  await expect.poll(opacity, 'back at the top').toBe('0');
});

test('share links open each network in a new tab with the title and a short address that leads to the article', async ({ page, request }) => {
  const row = sampleArticleRow(testDb());
  await page.goto(`/article/${row.id}/${row.slug}`);
  const links = await page
    .getByRole('region', { name: 'شارك المقال' })
    .getByRole('link')
    .evaluateAll((all) => all.filter((a) => a.getAttribute('target') === '_blank').map((a) => ({ href: (a as HTMLAnchorElement).href, rel: a.getAttribute('rel') ?? '' })));
  expect(links.map((l) => new URL(l.href).hostname).sort()).toEqual(['t.me', 'wa.me', 'www.facebook.com', 'x.com']);
  for (const link of links) {
    expect(link.rel).toContain('noopener');
    const params = new URL(link.href).searchParams;
    const text = params.get('text') ?? '';
    const shared = params.get('url') ?? params.get('u') ?? text.split(' ').pop()!;
    if (!params.has('u')) expect(text).toContain(sampleArticle.title);
    // The short address, with no percent-encoded slug in it, moves to the article.
    expect(new URL(shared).pathname, link.href).toBe(`/article/${row.id}`);
    const answer = await request.get(new URL(shared).pathname);
    expect(answer.status()).toBe(200);
    expect(decodeURIComponent(new URL(answer.url()).pathname)).toBe(`/article/${row.id}/${row.slug}`);
  }
});

test('article text is right to left and aligned to the right', async ({ page }) => {
  const row = sampleArticleRow(testDb());
  await page.goto(`/article/${row.id}/${row.slug}`);
  const paragraph = page.locator('.article-body p').first();
  expect(await paragraph.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  // The first line starts at the right edge of the text column.
  const [box, container] = await Promise.all([
    paragraph.evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      const first = range.getClientRects()[0]!;
      return { right: first.right };
    }),
    paragraph.evaluate((el) => el.getBoundingClientRect().right),
  ]);
  expect(Math.abs(container - box.right)).toBeLessThan(2);
});

test('the wrong or missing slug moves permanently to the canonical address', async ({ request }) => {
  const row = sampleArticleRow(testDb());
  // Twice each: the second answer replays Next's cached redirect, which used to carry Location twice
  // (a CDN joining them sends readers to "/a, /a").
  for (const path of [`/article/${row.id}`, `/article/${row.id}/wrong-slug`, `/article/${row.id}`, `/article/${row.id}/wrong-slug`]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(308);
    const locations = response.headersArray().filter((h) => h.name.toLowerCase() === 'location');
    expect(locations.map((h) => decodeURIComponent(h.value)), path).toEqual([`/article/${row.id}/${row.slug}`]);
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the article reads completely', async ({ page }) => {
    const row = sampleArticleRow(testDb());
    await page.goto(`/article/${row.id}/${row.slug}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(sampleArticle.title);
    const body = (await page.locator('.article-body').innerText()).replace(/\s+/g, ' ');
    for (const line of sampleBodyLines()) expect(body).toContain(line);
    await expect(page.getByRole('region', { name: 'مقالات ذات صلة' }).getByRole('article')).not.toHaveCount(0);
    const control = page.getByRole('link', { name: 'زر الذهاب إلى الأعلى' });
    await expect(control).toBeVisible();
    // It does not cover the top of the page, and shows once the reader has scrolled.
    const opacity = () => control.evaluate((el) => getComputedStyle(el).opacity);
    expect(await opacity()).toBe('0');
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expect.poll(opacity).toBe('1');
    await control.click();
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
  });
});
