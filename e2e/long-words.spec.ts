import { expect, type Page, test } from '@playwright/test';
import { fillEditor, signIn, uniqueTitle } from './admin-helpers';
import { articleFor, commentsByEmail, fastForms, fillComment, moderate, sampleArticlePath, sendAfterPause, sender, useSender } from './comment-helpers';

// Staff sometimes paste a long address or a run of letters with no space. On a phone that one word
// must wrap, never widen the page (a wider page scrolls sideways and moves everything under a tap).
// Commenters too: a name or a comment that is one long run of letters.

test.beforeAll(() => fastForms());

// The screen's width, not window.innerWidth: a phone widens its layout viewport to fit a page that
// is too wide (zooming out), and innerWidth follows, so it would always match the page.
const screen = (page: Page) => page.viewportSize()!.width;
const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

test('a title that is one long word never makes a reader page wider than the phone', async ({ page, context, baseURL }, testInfo) => {
  test.skip(testInfo.project.name !== 'phone', 'a phone’s width is the point');
  await signIn(context, 'editor', baseURL!);
  const word = `<script>window.__x=1</script>https://example.com/${'مقال'.repeat(12)}`;
  const title = `${word} ${uniqueTitle(testInfo, 'كلمة')}`;
  await page.goto('/admin/articles/new');
  await fillEditor(page, { title, body: 'نص قصير.', tags: word.slice(0, 40) });
  await page.getByRole('button', { name: 'نشر', exact: true }).click();
  await expect(page).toHaveURL(/created=1/, { timeout: 15_000 });
  const id = page.url().match(/articles\/(\d+)/)![1];

  const pages: [string, boolean][] = [['/', true], [`/article/${id}`, true], ['/section/national', true], [sampleArticlePath().path, false], ['/en', true]];
  for (const [path, shows] of pages) {
    await page.goto(path);
    if (shows) await expect(page.getByText(word.slice(0, 20)).first(), path).toBeAttached();
    const scroll = await pageWidth(page);
    expect(scroll, `${path} is ${scroll}px wide on a ${screen(page)}px screen`).toBeLessThanOrEqual(screen(page));
  }
});

test('a commenter’s name and comment that are one long word never make the article wider than the phone', async ({ page, context, request }, testInfo) => {
  test.skip(testInfo.project.name !== 'phone', 'a phone’s width is the point');
  const me = sender(testInfo);
  await useSender(context, me.ip);
  const { path } = articleFor(testInfo, 3);
  const name = `${me.name}</b><script>window.__pwned=1</script>`;
  const body = `https://example.com/${'تعليق'.repeat(20)}`;
  await page.goto(path);
  await fillComment(page, { body, name, email: me.email });
  await sendAfterPause(page);
  await expect(page.getByRole('status')).toContainText('تعليقك بانتظار المراجعة');
  // Under review, in the commenter's own list; then published, in the thread.
  let scroll = await pageWidth(page);
  expect(scroll, `${scroll}px wide on a ${screen(page)}px screen`).toBeLessThanOrEqual(screen(page));
  await moderate(request, commentsByEmail(me.email)[0]!.id, 'approved');
  await page.goto(path);
  await expect(page.locator('#comments').getByText(name)).toBeVisible();
  scroll = await pageWidth(page);
  expect(scroll, `${scroll}px wide on a ${screen(page)}px screen`).toBeLessThanOrEqual(screen(page));
});
