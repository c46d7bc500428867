import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { articleRevisions, articles, images } from '@/db/schema';
import { utcToWallTime } from '@/lib/time';
import { articleByTitle, fillEditor, signIn, uniqueTitle } from './admin-helpers';
import { testDb } from './helpers';

test('an author writes a draft and sends it for review, but cannot publish it', async ({ page, context, baseURL }, testInfo) => {
  await signIn(context, 'author', baseURL!);
  const title = uniqueTitle(testInfo, 'مقال كاتب');
  await page.goto('/admin/articles/new');
  await fillEditor(page, { title, body: 'نص المسودة.' });
  await expect(page.getByRole('button', { name: 'نشر', exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: 'حفظ', exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/articles\/\d+\?created=1$/);
  const draft = articleByTitle(title)!;
  expect(draft.status).toBe('draft');

  // A publish button smuggled into the page is refused by the action itself; nothing changes.
  await page.evaluate(() => {
    const button = document.createElement('button');
    button.name = 'intent';
    button.value = 'publish';
    button.textContent = 'smuggled';
    document.querySelector('#field-body')!.closest('form')!.append(button);
  });
  await page.getByRole('button', { name: 'smuggled' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'صلاحية' })).toContainText('لا تملك صلاحية');
  expect(articleByTitle(title)).toMatchObject({ status: 'draft', version: draft.version });

  await page.getByRole('button', { name: 'إرسال للمراجعة' }).click();
  await expect(page.getByTestId('article-status')).toHaveText('الحالة: قيد المراجعة');
  expect(articleByTitle(title)!.status).toBe('review');
  expect((await page.request.get('/')).status()).toBe(200);
  expect(await (await page.request.get('/')).text()).not.toContain(title);
});

test('an editor publishes: the article is on the cached front page and its section at the next request', async ({ page, context, baseURL, request }, testInfo) => {
  await signIn(context, 'editor', baseURL!);
  // Warm both caches first, so the test proves revalidation rather than a first render.
  for (let i = 0; i < 2; i++) {
    await request.get('/');
    await request.get('/section/national');
  }
  const title = uniqueTitle(testInfo, 'خبر منشور');
  await page.goto('/admin/articles/new');
  await fillEditor(page, { title, body: 'فقرة أولى من الخبر.\n\nفقرة **ثانية**.', tags: 'الحكومة، وسم الاختبار' });
  await expect(page.getByTestId('preview')).toContainText('ثانية');
  await expect(page.getByTestId('preview').locator('strong')).toHaveText('ثانية');
  await page.getByRole('button', { name: 'حفظ', exact: true }).click();
  await expect(page).toHaveURL(/\?created=1$/);
  await page.getByRole('button', { name: 'نشر', exact: true }).click();
  await expect(page.getByTestId('article-status')).toHaveText('الحالة: منشور');

  const front = await request.get('/');
  expect(await front.text()).toContain(title);
  expect(await (await request.get('/section/national')).text()).toContain(title);
  expect(await (await request.get('/section/news')).text()).toContain(title);
  const article = articleByTitle(title)!;
  const page2 = await (await request.get(`/article/${article.id}/${encodeURIComponent(article.slug)}`)).text();
  expect(page2).toContain('وسم الاختبار');

  // Unpublishing takes it off the site at once.
  await page.getByRole('button', { name: 'إلغاء النشر' }).click();
  await expect(page.getByTestId('article-status')).toHaveText('الحالة: مسودة');
  expect((await request.get(`/article/${article.id}/${encodeURIComponent(article.slug)}`)).status()).toBe(404);
  expect(await (await request.get('/')).text()).not.toContain(title);
});

test('a scheduled article appears by itself when its time comes', async ({ page, context, baseURL, request }, testInfo) => {
  test.setTimeout(60_000);
  await signIn(context, 'editor', baseURL!);
  const title = uniqueTitle(testInfo, 'خبر مجدول');
  await page.goto('/admin/articles/new');
  await fillEditor(page, { title, body: 'ينشر بعد قليل.' });
  await page.getByRole('button', { name: 'حفظ', exact: true }).click();
  await expect(page).toHaveURL(/\?created=1$/);
  await request.get('/');
  const when = Date.now() + 8_000;
  await page.locator('#field-publishAt').fill(utcToWallTime(when).slice(0, 16) + `:${String(new Date(when).getUTCSeconds()).padStart(2, '0')}`);
  await page.getByRole('button', { name: 'جدولة النشر' }).click();
  await expect(page.getByTestId('article-status')).toHaveText('الحالة: مجدول');
  expect(await (await request.get('/')).text()).not.toContain(title);
  // Nobody touches it: the server publishes it within a few seconds of its time.
  await expect.poll(async () => (await (await request.get('/')).text()).includes(title), { timeout: 30_000, intervals: [1000] }).toBe(true);
  expect(articleByTitle(title)!.status).toBe('published');
});

test('two people saving from the same copy: the second is told, and nothing is overwritten', async ({ browser, baseURL }, testInfo) => {
  const first = await browser.newContext();
  const second = await browser.newContext();
  await signIn(first, 'editor', baseURL!);
  await signIn(second, 'admin', baseURL!);
  const title = uniqueTitle(testInfo, 'تعارض');
  const a = await first.newPage();
  await a.goto('/admin/articles/new');
  await fillEditor(a, { title, body: 'الأصل.' });
  await a.getByRole('button', { name: 'حفظ', exact: true }).click();
  await expect(a).toHaveURL(/\?created=1$/);
  const url = a.url().replace(/\?.*$/, '');
  const b = await second.newPage();
  await b.goto(url);

  await a.getByRole('textbox', { name: 'العنوان', exact: true }).fill(`${title} (أ)`);
  await a.getByRole('button', { name: 'حفظ', exact: true }).click();
  await expect(a.getByRole('status').filter({ hasText: 'حُفظت' })).toBeVisible();

  await b.getByRole('textbox', { name: 'العنوان', exact: true }).fill(`${title} (ب)`);
  await b.getByRole('button', { name: 'حفظ', exact: true }).click();
  await expect(b.getByRole('status').filter({ hasText: 'تم تعديل المقال من قبل شخص آخر' })).toBeVisible();
  await expect(b.getByRole('textbox', { name: 'العنوان', exact: true })).toHaveValue(`${title} (ب)`);
  expect(articleByTitle(`${title} (أ)`)).toBeTruthy();
  expect(articleByTitle(`${title} (ب)`)).toBeUndefined();
  await first.close();
  await second.close();
});

test('every save keeps a revision; an old one can be compared and restored', async ({ page, context, baseURL }, testInfo) => {
  await signIn(context, 'editor', baseURL!);
  const title = uniqueTitle(testInfo, 'نسخ');
  await page.goto('/admin/articles/new');
  await fillEditor(page, { title, body: 'النص الأول للمقال.' });
  await page.getByRole('button', { name: 'حفظ', exact: true }).click();
  await expect(page).toHaveURL(/\?created=1$/);
  await page.locator('#field-body').fill('النص الثاني المعدل للمقال.');
  await page.getByRole('button', { name: 'حفظ', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'حُفظت' })).toBeVisible();
  const id = articleByTitle(title)!.id;
  expect(testDb().select().from(articleRevisions).where(eq(articleRevisions.articleId, id)).all()).toHaveLength(2);

  await page.getByRole('link', { name: 'النسخ السابقة' }).click();
  await expect(page.locator('main ol > li')).toHaveCount(2);
  await page.getByRole('link', { name: 'مقارنة بالنص الحالي' }).click();
  await expect(page.locator('del')).toContainText('الأول');
  await expect(page.locator('ins').first()).toContainText('الثاني');
  await page.getByRole('button', { name: 'استعادة هذه النسخة' }).click();
  await expect(page).toHaveURL(/\?restored=1$/);
  await expect(page.locator('#field-body')).toHaveValue('النص الأول للمقال.');
  expect(testDb().select().from(articles).where(eq(articles.id, id)).get()!.body).toBe('النص الأول للمقال.');
  expect(testDb().select().from(articleRevisions).where(eq(articleRevisions.articleId, id)).all()).toHaveLength(3);
});

test('an uploaded image is stored at several widths and shown on the article; a fake image is refused', async ({ page, context, baseURL, request }, testInfo) => {
  await signIn(context, 'editor', baseURL!);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-upload-'));
  const photo = path.join(dir, 'photo.png');
  await sharp({ create: { width: 1000, height: 600, channels: 3, background: '#a4161a' } }).png().toFile(photo);
  const fake = path.join(dir, 'fake.png');
  fs.writeFileSync(fake, 'this is not an image');

  const title = uniqueTitle(testInfo, 'صورة');
  await page.goto('/admin/articles/new');
  await fillEditor(page, { title, body: 'مقال بصورة.' });
  // A caption for an image the article does not have is refused, not dropped behind a «saved».
  await page.getByRole('textbox', { name: 'تعليق الصورة' }).fill('تعليق بلا صورة');
  await page.getByRole('button', { name: 'حفظ', exact: true }).click();
  await expect(page.locator('#field-imageCaption-note')).toHaveText('لا صورة للمقال: اختر صورة، أو امسح هذا الحقل.');
  await expect(page.getByRole('textbox', { name: 'تعليق الصورة' })).toHaveValue('تعليق بلا صورة');
  expect(articleByTitle(title)).toBeUndefined();
  await page.getByRole('textbox', { name: 'تعليق الصورة' }).fill('');
  await page.locator('#field-image').setInputFiles(fake);
  await page.getByRole('button', { name: 'حفظ', exact: true }).click();
  await expect(page.locator('#field-image-note')).toHaveText('الملف ليس صورة JPEG أو PNG أو WebP صالحة.');
  expect(articleByTitle(title)).toBeUndefined();
  await expect(page.getByRole('textbox', { name: 'العنوان', exact: true })).toHaveValue(title);

  await page.locator('#field-image').setInputFiles(photo);
  await page.getByRole('textbox', { name: 'وصف الصورة (للقارئات الصوتية)' }).fill('مربع أحمر');
  // A caption too long is refused with what was typed kept; then a fitting one with its credit.
  await page.getByRole('textbox', { name: 'تعليق الصورة' }).fill('ت'.repeat(301));
  await page.getByRole('textbox', { name: 'حقوق الصورة' }).fill('<b>وكالة</b> المغرب');
  await page.getByRole('button', { name: 'حفظ', exact: true }).click();
  await expect(page.locator('#field-imageCaption-note')).toHaveText('تعليق الصورة طويل جدًا: 300 حرف على الأكثر.');
  await expect(page.getByRole('textbox', { name: 'حقوق الصورة' })).toHaveValue('<b>وكالة</b> المغرب');
  expect(articleByTitle(title)).toBeUndefined();
  await page.getByRole('textbox', { name: 'تعليق الصورة' }).fill('مربع أحمر على خلفية بيضاء، صورة للاختبار');
  await page.locator('#field-image').setInputFiles(photo);
  await page.getByRole('button', { name: 'حفظ', exact: true }).click();
  await expect(page).toHaveURL(/\?created=1$/);
  await expect(page.getByRole('textbox', { name: 'تعليق الصورة' })).toHaveValue('مربع أحمر على خلفية بيضاء، صورة للاختبار');
  await page.getByRole('button', { name: 'نشر', exact: true }).click();
  await expect(page.getByTestId('article-status')).toHaveText('الحالة: منشور');

  const article = articleByTitle(title)!;
  const stored = testDb().select().from(images).where(eq(images.id, article.imageId!)).get()!;
  expect(stored).toMatchObject({ alt: 'مربع أحمر', caption: 'مربع أحمر على خلفية بيضاء، صورة للاختبار', credit: '<b>وكالة</b> المغرب' });
  await page.goto(`/article/${article.id}/${encodeURIComponent(article.slug)}`);
  const img = page.locator('article figure img');
  await expect(img).toHaveAttribute('alt', 'مربع أحمر');
  // Readers see the caption and the credit under the image, as text (the markup is not run).
  await expect(page.locator('article figure figcaption')).toHaveText('مربع أحمر على خلفية بيضاء، صورة للاختبار (الصورة: <b>وكالة</b> المغرب)');
  await expect(page.locator('article figure figcaption b')).toHaveCount(0);
  // On the English interface the caption is set as the Arabic text it is; the label is English.
  await page.goto(`/en/article/${article.id}/${encodeURIComponent(article.slug)}`);
  const english = page.locator('article figure figcaption');
  await expect(english).toHaveAttribute('lang', 'ar');
  await expect(english).toHaveAttribute('dir', 'rtl');
  await expect(english.locator('[lang="en"]')).toHaveText('Photo:');
  await page.goBack();
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').first().textContent())!);
  expect(jsonLd.image[0]).toMatchObject({ caption: 'مربع أحمر على خلفية بيضاء، صورة للاختبار', creditText: '<b>وكالة</b> المغرب' });
  // A corrected caption on the published article (the image kept) reaches readers.
  await page.goto(`/admin/articles/${article.id}`);
  await page.getByRole('textbox', { name: 'تعليق الصورة' }).fill('مربع أحمر، صورة للاختبار');
  await page.getByRole('button', { name: 'حفظ', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'حُفظت' })).toBeVisible();
  await page.goto(`/article/${article.id}/${encodeURIComponent(article.slug)}`);
  await expect(page.locator('article figure figcaption')).toHaveText('مربع أحمر، صورة للاختبار (الصورة: <b>وكالة</b> المغرب)');
  await expect(img).toHaveAttribute('srcset', /\/media\/up-[0-9a-f]+-400\.webp 400w, .*-800\.webp 800w/);
  expect(await img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
  const media = await request.get((await img.getAttribute('src'))!);
  expect(media.headers()['cache-control']).toContain('immutable');
  expect(media.headers()['content-type']).toBe('image/webp');
  // Removing the image takes its texts with it (on a draft: the published story above keeps its
  // picture, which other specs expect to find leading the front page).
  const draftTitle = uniqueTitle(testInfo, 'صورة تزال');
  await page.goto('/admin/articles/new');
  await fillEditor(page, { title: draftTitle, body: 'مسودة بصورة.' });
  await page.locator('#field-image').setInputFiles(photo);
  await page.getByRole('textbox', { name: 'تعليق الصورة' }).fill('تعليق سيزول');
  await page.getByRole('button', { name: 'حفظ', exact: true }).click();
  await expect(page).toHaveURL(/\?created=1$/);
  const draft = articleByTitle(draftTitle)!;
  expect(draft.imageId).not.toBeNull();
  await page.getByRole('checkbox', { name: 'إزالة الصورة' }).check();
  await page.getByRole('button', { name: 'حفظ', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'حُفظت' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'تعليق الصورة' })).toHaveValue('');
  expect(articleByTitle(draftTitle)!.imageId).toBeNull();
  await page.goto(`/admin/articles/${draft.id}/preview`);
  await expect(page.getByText('مسودة بصورة.')).toBeVisible();
  await expect(page.locator('article figure')).toHaveCount(0);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('an image sent with a save that is refused leaves no row and no files behind', async ({ page, context, baseURL }, testInfo) => {
  await signIn(context, 'editor', baseURL!);
  const db = testDb();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-upload-'));
  const photo = path.join(dir, 'photo.png');
  // A colour of its own, so no other test stored this picture (files are named by content).
  const colour = `#${(Date.now() % 0xffffff).toString(16).padStart(6, '0')}`;
  await sharp({ create: { width: 900, height: 500, channels: 3, background: colour } }).png().toFile(photo);
  const key = `up-${crypto.createHash('sha256').update(fs.readFileSync(photo)).digest('hex').slice(0, 20)}`;
  const media = path.join(path.dirname(process.env.E2E_DATABASE_PATH!), 'media');
  const taken = db.select({ slug: articles.slug }).from(articles).limit(1).get()!.slug;

  const title = uniqueTitle(testInfo, 'صورة مرفوضة');
  await page.goto('/admin/articles/new');
  await fillEditor(page, { title, body: 'مقال بصورة ورابط مأخوذ.' });
  await page.locator('#field-slug').fill(taken);
  await page.locator('#field-image').setInputFiles(photo);
  await page.getByRole('button', { name: 'حفظ', exact: true }).click();
  await expect(page.locator('#field-slug')).toHaveAttribute('aria-invalid', 'true');
  expect(articleByTitle(title)).toBeUndefined();
  expect(db.select().from(images).where(eq(images.key, key)).get()).toBeUndefined();
  expect(fs.readdirSync(media).filter((name) => name.startsWith(key))).toEqual([]);
  fs.rmSync(dir, { recursive: true, force: true });
});
