import { expect, type Locator, test } from '@playwright/test';
import { sampleArticle } from './helpers';

// Search: the header box, Arabic spellings, snippets, hostile input, empty states and paging.

test('a reader searches from the header and finds the sample article however the words are spelled', async ({ page, isMobile }) => {
  await page.goto('/');
  // On a phone the header has a link to the search page instead of a field.
  if (isMobile) await page.getByRole('link', { name: 'ابحث في الموقع' }).click();
  const box = page.getByRole('searchbox', { name: isMobile ? 'البحث في الأخبار' : 'ابحث في الموقع' });
  await box.fill('بايكال آمور');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/search\?q=/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('نتائج البحث عن «بايكال آمور»');
  const first = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2 }) }).first();
  await expect(first.getByRole('heading', { level: 2 })).toHaveText(sampleArticle.title);
  // The snippet marks the words in the article's own spelling (آمور and أمور both appear in it).
  const marks = first.getByTestId('search-snippet').locator('mark');
  await expect(marks.first()).toBeVisible();
  expect(await marks.allTextContents()).toEqual(expect.arrayContaining(['بايكال']));

  for (const spelling of ['بايكال امور', 'بايكال أمور', 'بَايْكَال آمُور', 'بايـــكال امور', 'الاذربيجانى علييف بوتين', 'أذربيجاني علييف بوتين', 'والاذربيجاني علييف بوتين']) {
    await page.goto(`/search?q=${encodeURIComponent(spelling)}`);
    await expect(page.getByRole('heading', { level: 2 }).first(), spelling).toHaveText(sampleArticle.title);
  }
});

test('the search boxes start right to left on the Arabic site, and a Latin query runs left to right', async ({ page, isMobile }) => {
  await page.goto('/search?q=x');
  /** Which character the caret lands before when the reader taps just inside the box's left or right edge. */
  const caretAt = (box: Locator, edge: 'left' | 'right') =>
    box.evaluate((el, edge) => {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      const x = edge === 'left' ? r.left + parseFloat(style.paddingLeft) + 2 : r.right - parseFloat(style.paddingRight) - 2;
      return document.caretPositionFromPoint(x, r.top + r.height / 2)?.offset;
    }, edge);
  const boxes = [page.locator('#search-page-query')];
  if (!isMobile) boxes.push(page.getByRole('searchbox', { name: 'ابحث في الموقع' }));
  for (const box of boxes) {
    await box.fill('');
    // Empty, placeholder and caret are on the right (dir="auto" made an empty box left to right).
    expect(await box.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    // What is typed is laid out by its own direction: a Latin word starts at the left edge…
    await box.fill('Maroc');
    expect(await caretAt(box, 'left')).toBe(0);
    // …an Arabic one at the right.
    await box.fill('المغرب');
    expect(await caretAt(box, 'right')).toBe(0);
  }
});

test('the result count is in Arabic words and results page through', async ({ page }) => {
  await page.goto(`/search?q=${encodeURIComponent('الخارجية')}`);
  const status = page.getByRole('status');
  await expect(status).toContainText(/\d+ (نتيجة|نتائج)/);
  await expect(status).toContainText('الصفحة 1 من');
  const titles = page.getByRole('main').getByRole('article').getByRole('heading', { level: 2 });
  await expect(titles).toHaveCount(20);
  await page.getByRole('navigation', { name: 'صفحات نتائج البحث' }).getByRole('link', { name: 'الصفحة التالية' }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(status).toContainText('الصفحة 2 من');
  // Titles may repeat in the generated corpus: compare addresses.
  const hrefs = () => titles.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  const secondPage = await hrefs();
  await page.goBack();
  await expect(status).toContainText('الصفحة 1 من');
  const firstPage = await hrefs();
  expect(firstPage).toHaveLength(20);
  expect(secondPage.some((href) => firstPage.includes(href))).toBe(false);
});

test('nothing found: a friendly page with suggestions and the sections', async ({ page }) => {
  await page.goto(`/search?q=${encodeURIComponent('كلمةلاتوجدأبدا')}`);
  await expect(page.getByText('لم نعثر على نتائج لـ«كلمةلاتوجدأبدا».')).toBeVisible();
  await expect(page.getByText('التأكد من كتابة الكلمات، أو كتابتها بصيغة أخرى.')).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: 'أخبار', exact: true })).toBeVisible();
  // The query stays in the box to be corrected.
  await expect(page.getByRole('searchbox', { name: 'البحث في الأخبار' })).toHaveValue('كلمةلاتوجدأبدا');
});

test('an empty search explains itself', async ({ page }) => {
  for (const url of ['/search', '/search?q=', '/search?q=%20%20']) {
    const response = await page.goto(url);
    expect(response!.status(), url).toBe(200);
    await expect(page.getByText('اكتب كلمة أو أكثر للبحث في عناوين الأخبار ونصوصها ووسومها.')).toBeVisible();
  }
});

test('hostile queries get a normal page, never an error', async ({ request }) => {
  const queries = [
    '"', '""', '*', 'بوتين*', 'NEAR(بوتين علييف)', 'NEAR(', '-بوتين', '^بوتين', '(بوتين', ')', '%', '%%25', "'", "' OR 1=1 --",
    'title:بوتين', '{title body}:x', 'AND', 'OR NOT', '\\', '<script>alert(1)</script>', '\u202Eبوتين', 'ـــــ', '\u064E\u064F',
    'كلمة '.repeat(2100), // about 10 KB of Arabic in UTF-8
    'a'.repeat(10_240),
  ];
  for (const q of queries) {
    const response = await request.get(`/search?q=${encodeURIComponent(q)}`);
    expect(response.status(), q.slice(0, 40)).toBe(200);
    const html = await response.text();
    expect(html, q.slice(0, 40)).toContain('البحث');
    expect(html).not.toContain('<script>alert(1)</script>');
  }
  const long = await (await request.get(`/search?q=${encodeURIComponent('كلمة '.repeat(2100))}`)).text();
  expect(long).toContain('طلب البحث طويل، فاستُعملت بداياته فقط.');
});

test('page numbers that are not positive integers are not found', async ({ request }) => {
  for (const p of ['0', '-1', 'abc', '٢', '1.5', '99999']) {
    const response = await request.get(`/search?q=${encodeURIComponent('بوتين')}&page=${encodeURIComponent(p)}`);
    expect(response.status(), p).toBe(404);
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the header search works as a plain form', async ({ page, isMobile }) => {
    await page.goto('/');
    if (isMobile) await page.getByRole('link', { name: 'ابحث في الموقع' }).click();
    await page.getByRole('searchbox', { name: isMobile ? 'البحث في الأخبار' : 'ابحث في الموقع' }).fill('آذربيجان');
    // One word on every search button («البحث» on the search page's own was a second wording).
    await page.getByRole('button', { name: 'بحث', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('نتائج البحث عن «آذربيجان»');
    await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
  });
});
