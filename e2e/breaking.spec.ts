import { expect, test } from '@playwright/test';
import { articleByTitle, fillEditor, signIn, uniqueTitle } from './admin-helpers';
import { utcToWallTime } from '@/lib/time';

// «عاجل»: an editor marks an article as breaking until a time; the ticker shows it on every reader
// page, linked, and it leaves by itself when the time passes.

/** The editor's datetime-local value (newsroom time, with seconds) for a UTC instant. */
const wallTime = (ms: number) => utcToWallTime(ms, undefined, true);

test('breaking news shows on every reader page until its time, then leaves by itself', async ({ page, context, baseURL, request }, testInfo) => {
  test.setTimeout(150_000);
  await signIn(context, 'editor', baseURL!);
  const title = uniqueTitle(testInfo, 'عاجل');
  await page.goto('/admin/articles/new');
  await fillEditor(page, { title, body: 'تفاصيل الخبر العاجل.' });

  // A time already past is refused, and nothing is published.
  await page.getByLabel(/«عاجل» حتى/).fill(wallTime(Date.now() - 60_000));
  await page.getByRole('button', { name: 'حفظ', exact: true }).click();
  await expect(page.getByText('اختر وقتًا في المستقبل لانتهاء «عاجل»، أو اترك الحقل فارغًا.')).toBeVisible();
  expect(articleByTitle(title)).toBeUndefined();

  const until = Date.now() + 45_000;
  await page.getByLabel(/«عاجل» حتى/).fill(wallTime(until));
  await page.getByRole('button', { name: 'حفظ', exact: true }).click();
  await expect(page).toHaveURL(/\?created=1$/);
  await page.getByRole('button', { name: 'نشر', exact: true }).click();
  await expect(page.getByTestId('article-status')).toHaveText('الحالة: منشور');
  const article = articleByTitle(title)!;
  expect(Math.abs(article.breakingUntil! - until)).toBeLessThan(1000);

  const reader = await context.browser()!.newContext();
  const readerPage = await reader.newPage();
  for (const path of ['/', '/section/news', '/search?q=test', '/en']) {
    await readerPage.goto(path);
    const ticker = readerPage.getByRole('complementary', { name: path === '/en' ? 'Breaking' : 'عاجل' });
    await expect(ticker.getByRole('link', { name: title }), path).toHaveAttribute('href', new RegExp(`/article/${article.id}/`));
  }

  // After its time: gone from freshly served pages (the scheduler revalidates them) …
  await expect
    .poll(async () => (await request.get('/')).text(), { timeout: 60_000 + Math.max(0, until - Date.now()), intervals: [2000] })
    .not.toContain(`>${title}</a></li>`);
  // … and from a page that was already open.
  await readerPage.goto('/section/news');
  await expect(readerPage.getByTestId('breaking').getByRole('link', { name: title })).toHaveCount(0);
  await reader.close();
});

test('an author cannot mark an article as breaking', async ({ page, context, baseURL }) => {
  await signIn(context, 'author', baseURL!);
  await page.goto('/admin/articles/new');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByLabel(/«عاجل» حتى/)).toHaveCount(0);
});
