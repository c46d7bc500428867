import { expect, type Page, test } from '@playwright/test';
import { commentsByEmail, fastForms, fillComment, sampleArticlePath, sendAfterPause, sender, useSender } from './comment-helpers';

// Reader pages load Next’s client runtime on the reader’s first interaction (lib/deferred-scripts.ts):
// a reader who only reads downloads no JavaScript file, the read still counts, and the comment form
// becomes the in-place form as soon as the reader starts on it.

test.beforeAll(() => fastForms());

/** The interactions the page saw, to tell what made it load the runtime if a test finds it loaded. */
async function recordInteractions(page: Page) {
  await page.addInitScript(() => {
    for (const name of ['pointerdown', 'keydown', 'touchstart', 'focusin', 'wheel']) {
      addEventListener(name, (event) => ((window as unknown as { seen: string[] }).seen ??= []).push(`${name} on ${(event.target as Node | null)?.nodeName}`), { capture: true, passive: true });
    }
  });
  return () => page.evaluate(() => (window as unknown as { seen?: string[] }).seen ?? []);
}

function scriptRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') urls.push(request.url());
  });
  return urls;
}

const hydrated = (page: Page) =>
  page.evaluate(() => Object.keys(document.querySelector('#respond form') ?? {}).some((key) => key.startsWith('__reactProps')));

for (const path of ['/', '/section/news', '/en', '/search']) {
  test(`${path} is read without downloading a script`, async ({ page }) => {
    const scripts = scriptRequests(page);
    const seen = await recordInteractions(page);
    await page.goto(path);
    // The search page's box takes focus by itself: that is not the reader's first interaction.
    if (path === '/search') await expect(page.getByRole('searchbox', { name: 'البحث في الأخبار' })).toBeFocused();
    await page.waitForLoadState('networkidle');
    expect(scripts, `interactions: ${(await seen()).join(', ')}`).toEqual([]);
    const html = await page.content();
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toMatch(/<link[^>]+as="script"/);
    expect(html).not.toContain('self.__next_f');
  });
}

test('an article counts the read without scripts, and the form hydrates once the reader starts on it', async ({ page }) => {
  const { path } = sampleArticlePath();
  const scripts = scriptRequests(page);
  const seen = await recordInteractions(page);
  const beacon = page.waitForRequest((r) => r.url().endsWith('/api/views') && r.method() === 'POST');
  await page.goto(path);
  await beacon;
  await page.waitForLoadState('networkidle');
  expect(scripts, `interactions: ${(await seen()).join(', ')}`).toEqual([]);
  expect(await hydrated(page)).toBe(false);

  const session = page.waitForResponse((r) => r.url().includes('/api/comments/session'));
  await page.getByRole('textbox', { name: 'التعليق', exact: true }).click();
  await expect.poll(() => hydrated(page), { timeout: 15_000 }).toBe(true);
  expect(scripts.length).toBeGreaterThan(0);
  // First the page's own data, then Next's runtime, all from this site.
  expect(new URL(scripts[0]!).pathname).toMatch(/^\/_flight\/[\w-]{22}\.js$/);
  expect(scripts.slice(1).every((url) => new URL(url).pathname.startsWith('/_next/static/'))).toBe(true);
  // Focus was already in the form when its code arrived: it still fetches a fresh token.
  expect((await session).status()).toBe(200);
});

test('a comment typed before the code arrives is kept and sent in place', async ({ page, context }, testInfo) => {
  const who = sender(testInfo);
  await useSender(context, who.ip);
  const { path } = sampleArticlePath();
  await page.goto(path);
  await fillComment(page, { body: 'تعليق كُتب قبل وصول الشيفرة.', name: who.name, email: who.email });
  await expect.poll(() => hydrated(page), { timeout: 15_000 }).toBe(true);
  await expect(page.getByRole('textbox', { name: 'التعليق', exact: true })).toHaveValue('تعليق كُتب قبل وصول الشيفرة.');

  // Sent in place: the same document before and after (a plain form post would load a new one).
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
  await sendAfterPause(page);
  await expect(page.getByRole('status')).toContainText('تعليقك بانتظار المراجعة');
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  expect(commentsByEmail(who.email)).toHaveLength(1);

  // A returning commenter gets the form's code at once: their comment under review shows on arrival.
  const scripts = scriptRequests(page);
  await page.goto(path);
  await expect(page.locator('#respond').getByText('بانتظار المراجعة').first()).toBeVisible();
  expect(scripts.length).toBeGreaterThan(0);
});

test('the first tap on «رد», before the code arrives, opens the reply in place', async ({ page, context }, testInfo) => {
  const who = sender(testInfo);
  await useSender(context, who.ip);
  const { path } = sampleArticlePath();
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  expect(await hydrated(page)).toBe(false);
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));

  const link = page.locator('#comments').getByRole('link', { name: /^رد على تعليق/ }).first();
  const parentId = Number(await link.getAttribute('data-reply-to'));
  const name = await link.getAttribute('data-reply-name');
  await link.click();
  await expect(page.getByRole('heading', { name: `الرد على ${name}` })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('textbox', { name: 'التعليق', exact: true })).toBeFocused();
  expect(new URL(page.url()).pathname).toBe(new URL(path, 'http://x').pathname);
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);

  await fillComment(page, { body: 'رد من أول لمسة.', name: who.name, email: who.email });
  await sendAfterPause(page);
  await expect(page.getByRole('status')).toContainText('تعليقك بانتظار المراجعة');
  expect(commentsByEmail(who.email)).toMatchObject([{ parentId }]);
});
