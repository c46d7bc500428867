import { expect, test } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { createArticle } from '@/db/queries/articles';
import { insertComment } from '@/db/queries/comments';
import { addArticleTags, createTag } from '@/db/queries/tags';
import { createUser } from '@/db/queries/users';
import { articles } from '@/db/schema';
import { authorPath, tagPath } from '@/lib/paths';
import { slugify } from '@/lib/slug';
import { hashBody } from '@/lib/signing';
import {
  approvedCount,
  articleFor,
  commentsByEmail,
  fastForms,
  fillComment,
  moderate,
  postFormWithoutJs,
  sampleArticlePath,
  sendAfterPause,
  sender,
  useSender,
} from './comment-helpers';
import { testDb, waitForHydration } from './helpers';
import fs from 'node:fs';
import { createTranslator } from 'next-intl';

const t = createTranslator({ locale: 'ar', messages: JSON.parse(fs.readFileSync('messages/ar.json', 'utf8')) });

test.beforeAll(() => fastForms());

test('the article shows the comment area of the sample page', async ({ page }) => {
  const { path } = sampleArticlePath();
  await page.goto(path);
  await expect(page.getByRole('heading', { name: 'اترك تعليقاً' })).toBeVisible();
  await expect(page.getByText('لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *')).toBeVisible();
  for (const label of ['التعليق', 'الاسم', 'البريد الإلكتروني']) {
    await expect(page.getByRole('textbox', { name: label, exact: true })).toHaveAttribute('aria-required', 'true');
  }
  await expect(page.getByRole('textbox', { name: 'الموقع الإلكتروني', exact: true })).not.toHaveAttribute('aria-required', 'true');
  await expect(page.getByRole('button', { name: 'إرسال التعليق' })).toBeVisible();
});

test('a valid comment is held for review, stored once and seen only by its author until approved', async ({ page, browser, request }, testInfo) => {
  const me = sender(testInfo);
  await useSender(page.context(), me.ip);
  const { id: articleId, path } = articleFor(testInfo, 0);
  await page.goto(path);
  const before = approvedCount(articleId);
  const body = `تعليق للاختبار ${me.email}`;
  await fillComment(page, { body, name: me.name, email: me.email });
  await sendAfterPause(page);

  await expect(page.getByRole('status')).toContainText('تعليقك بانتظار المراجعة');
  // The notice is where the reader is looking (on a phone it used to sit above the screen).
  const notice = page.getByRole('status').getByText('تعليقك بانتظار المراجعة');
  await expect(notice).toBeFocused();
  await expect(notice).toBeInViewport();
  await expect(page.locator('#respond').getByText(body)).toBeVisible();
  await expect(page.locator('#respond').getByText('بانتظار المراجعة', { exact: true })).toBeVisible();
  // What was typed is gone from the comment box; name and email stay for the next one.
  await expect(page.getByRole('textbox', { name: 'التعليق', exact: true })).toHaveValue('');
  await expect(page.getByRole('textbox', { name: 'الاسم', exact: true })).toHaveValue(me.name);

  const [row] = commentsByEmail(me.email);
  expect(row).toMatchObject({ articleId, status: 'pending', authorName: me.name, body, parentId: null, depth: 0 });
  expect(row!.ipHash).toMatch(/^[0-9a-f]{32}$/);
  expect(row!.ipHash).not.toContain(me.ip);

  // The same browser sees it as awaiting review after a reload; another browser does not see it.
  await page.reload();
  await expect(page.locator('#respond').getByText(body)).toBeVisible();
  const other = await browser.newContext();
  const stranger = await other.newPage();
  await stranger.goto(path);
  await expect(stranger.getByText(body)).toHaveCount(0);

  // Approval publishes it, with the count in Arabic.
  await moderate(request, row!.id, 'approved');
  await stranger.reload();
  const published = stranger.locator(`#comment-${row!.id}`);
  await expect(published).toContainText(body);
  await expect(published).toContainText(me.name);
  await expect(stranger.locator('#comments-title')).toHaveText(t('Comments.count', { count: before + 1 }));
  expect(approvedCount(articleId)).toBe(before + 1);
  await other.close();
});

test('each missing or invalid field gets its Arabic message, keeps what was typed and stores nothing', async ({ page }, testInfo) => {
  const me = sender(testInfo);
  await useSender(page.context(), me.ip);
  await page.goto(sampleArticlePath().path);
  await sendAfterPause(page);
  await expect(page.locator('#comment-error')).toHaveText('يرجى كتابة تعليقك');
  await expect(page.locator('#author-error')).toHaveText('الاسم مطلوب');
  await expect(page.locator('#email-error')).toHaveText('البريد الإلكتروني مطلوب');
  await expect(page.getByRole('textbox', { name: 'التعليق', exact: true })).toBeFocused();
  await expect(page.getByRole('textbox', { name: 'التعليق', exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('textbox', { name: 'التعليق', exact: true })).toHaveAttribute('aria-describedby', 'comment-error');

  // Whitespace, zero-width characters and tatweel are an empty comment; a bad email and a
  // javascript: website are refused; what was typed stays.
  await fillComment(page, { body: ' \u200B\u0640\u0640 ', name: me.name, email: 'not-an-email', website: 'javascript:alert(1)' });
  await sendAfterPause(page);
  await expect(page.locator('#comment-error')).toHaveText('يرجى كتابة تعليقك');
  await expect(page.locator('#email-error')).toHaveText('البريد الإلكتروني غير صالح');
  await expect(page.locator('#url-error')).toContainText('عنوان الموقع غير صالح');
  await expect(page.locator('#author-error')).toHaveText('');
  await expect(page.getByRole('textbox', { name: 'الاسم', exact: true })).toHaveValue(me.name);
  await expect(page.getByRole('textbox', { name: 'البريد الإلكتروني', exact: true })).toHaveValue('not-an-email');
  await expect(page.getByRole('textbox', { name: 'الموقع الإلكتروني', exact: true })).toHaveValue('javascript:alert(1)');
  expect(commentsByEmail('not-an-email')).toHaveLength(0);
});

test('a comment longer than the limit is refused in the form, before and at the server', async ({ page, request }, testInfo) => {
  const me = sender(testInfo);
  await useSender(page.context(), me.ip);
  const { path } = sampleArticlePath();
  await page.goto(path);
  const tooLong = 'ب'.repeat(32_763); // 65,526 bytes: one past the limit
  await fillComment(page, { body: tooLong, name: me.name, email: me.email });
  await sendAfterPause(page);
  await expect(page.locator('#comment-error')).toContainText('التعليق طويل جدًا');
  await expect(page.getByRole('textbox', { name: 'التعليق', exact: true })).toHaveValue(tooLong);

  // Far beyond the action's body limit, without JavaScript: an Arabic answer, not an error page.
  const huge = await postFormWithoutJs(request, path, { body: 'ب'.repeat(700_000), name: me.name, email: me.email }, { 'x-forwarded-for': me.ip });
  expect(huge.status()).toBe(413);
  expect(await huge.text()).toContain('الإرسال أكبر من المسموح به');
  expect(commentsByEmail(me.email)).toHaveLength(0);
  // The server keeps serving.
  expect((await request.get(path)).status()).toBe(200);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the form posts, shows errors with values kept, then the notice', async ({ page }, testInfo) => {
    const me = sender(testInfo);
    await useSender(page.context(), me.ip);
    const { path } = sampleArticlePath();
    await page.goto(path);
    await fillComment(page, { body: 'تعليق بلا جافاسكربت', name: me.name, email: 'broken@' });
    await page.getByRole('button', { name: 'إرسال التعليق' }).click();
    await expect(page.locator('#email-error')).toHaveText('البريد الإلكتروني غير صالح');
    // The page comes back with the caret in the field to fix (the browser's autofocus, no script).
    await expect(page.getByRole('textbox', { name: 'البريد الإلكتروني', exact: true })).toBeFocused();
    await expect(page.getByRole('textbox', { name: 'التعليق', exact: true })).toHaveValue('تعليق بلا جافاسكربت');
    await expect(page.getByRole('textbox', { name: 'الاسم', exact: true })).toHaveValue(me.name);

    await page.getByRole('textbox', { name: 'البريد الإلكتروني', exact: true }).fill(me.email);
    await page.getByRole('button', { name: 'إرسال التعليق' }).click();
    await expect(page.getByRole('status')).toContainText('تعليقك بانتظار المراجعة');
    await expect(page.locator('#respond').getByText('تعليق بلا جافاسكربت')).toBeVisible();
    expect(commentsByEmail(me.email)).toHaveLength(1);
  });

  test('«رد» leads to the form answering that comment', async ({ page }) => {
    const { path } = sampleArticlePath();
    await page.goto(path);
    const reply = page.locator('#comments').getByRole('link', { name: /^رد على تعليق/ }).first();
    const label = await reply.getAttribute('aria-label');
    await reply.click();
    await expect(page).toHaveURL(/\/reply\/\d+#respond$/);
    await expect(page.getByRole('heading', { name: `الرد على ${label!.replace('رد على تعليق ', '')}` })).toBeVisible();
    await expect(page.getByRole('link', { name: 'إلغاء الرد' })).toHaveAttribute('href', new RegExp(`${path.split('/').slice(0, 3).join('/')}/.+#respond$`));
  });
});

test('replies thread three levels deep; deeper replies stay on the third level', async ({ page, request }, testInfo) => {
  const me = sender(testInfo);
  await useSender(page.context(), me.ip);
  const { id: articleId, path } = sampleArticlePath();
  const db = testDb();
  // The seeded conversation on the sample article already goes three levels deep.
  const deepest = db.query.comments.findFirst({ where: (c, { and, eq }) => and(eq(c.articleId, articleId), eq(c.depth, 2)) }).sync();
  expect(deepest).toBeTruthy();

  await page.goto(path);
  // «رد» in place, with the form's code (a tap before it arrives: e2e/deferred-runtime.spec.ts).
  await waitForHydration(page, '#respond form');
  await page.locator(`#comment-${deepest!.id}`).getByRole('link', { name: /^رد على تعليق/ }).click();
  await expect(page.getByRole('heading', { name: `الرد على ${deepest!.authorName}` })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'التعليق', exact: true })).toBeFocused();
  await fillComment(page, { body: 'رد في العمق الرابع', name: me.name, email: me.email });
  await sendAfterPause(page);
  await expect(page.getByRole('status')).toContainText('تعليقك بانتظار المراجعة');

  const [row] = commentsByEmail(me.email);
  expect(row).toMatchObject({ depth: 2, parentId: deepest!.parentId });
  await moderate(request, row!.id, 'approved');
  await page.reload();
  // Shown in the same list as the comment it answers.
  const level = page.locator(`#comment-${deepest!.id}`).locator('xpath=../..');
  await expect(level.locator(`#comment-${row!.id}`)).toBeVisible();

  // Cancelling a reply goes back to a plain comment.
  await page.locator(`#comment-${row!.id}`).getByRole('link', { name: /^رد على تعليق/ }).click();
  await page.getByRole('link', { name: 'إلغاء الرد' }).click();
  await expect(page.getByRole('heading', { name: 'اترك تعليقاً' })).toBeVisible();
});

test('remember me refills the form in this browser', async ({ page }, testInfo) => {
  const me = sender(testInfo);
  await useSender(page.context(), me.ip);
  const { path } = sampleArticlePath();
  await page.goto(path);
  await fillComment(page, { body: 'تذكرني', name: me.name, email: me.email, website: 'example.com/me' });
  await page.getByLabel(/احفظ اسمي/).check();
  await sendAfterPause(page);
  await expect(page.getByRole('status')).toContainText('تعليقك بانتظار المراجعة');
  const cookies = await page.context().cookies();
  const author = cookies.find((c) => c.name === 'comment_author');
  expect(author?.httpOnly).toBe(true);
  expect(author?.sameSite).toBe('Lax');

  await page.goto('/');
  await page.goto(path);
  await expect(page.getByRole('textbox', { name: 'الاسم', exact: true })).toHaveValue(me.name);
  await expect(page.getByRole('textbox', { name: 'البريد الإلكتروني', exact: true })).toHaveValue(me.email);
  await expect(page.getByRole('textbox', { name: 'الموقع الإلكتروني', exact: true })).toHaveValue('http://example.com/me');
  await expect(page.getByLabel(/احفظ اسمي/)).toBeChecked();
});

test('without the box ticked nothing is remembered', async ({ page }, testInfo) => {
  const me = sender(testInfo);
  await useSender(page.context(), me.ip);
  await page.goto(sampleArticlePath().path);
  await fillComment(page, { body: 'لا تتذكرني', name: me.name, email: me.email });
  await sendAfterPause(page);
  await expect(page.getByRole('status')).toContainText('تعليقك بانتظار المراجعة');
  expect((await page.context().cookies()).find((c) => c.name === 'comment_author')).toBeUndefined();
});

test('HTML and scripts in a name and a comment show as text', async ({ page, request }, testInfo) => {
  const me = sender(testInfo);
  await useSender(page.context(), me.ip);
  const { path } = sampleArticlePath();
  const name = `<b>${me.name}</b><script>window.__pwned=1</script>`;
  const body = '<img src=x onerror="window.__pwned=2"><script>window.__pwned=3</script>\nسطر ثان';
  await page.goto(path);
  await fillComment(page, { body, name, email: me.email });
  await sendAfterPause(page);
  await expect(page.getByRole('status')).toContainText('تعليقك بانتظار المراجعة');
  const [row] = commentsByEmail(me.email);
  await moderate(request, row!.id, 'approved');

  await page.goto(path);
  const shown = page.locator(`#comment-${row!.id}`);
  await expect(shown).toContainText('<script>window.__pwned=3</script>');
  await expect(shown).toContainText(name);
  await expect(shown.locator('script, img, b')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  // Line breaks are kept.
  expect(await shown.locator('p.whitespace-pre-line').innerText()).toContain('\nسطر ثان');
});

test('robots: a filled honeypot and a form sent too fast get the notice and store nothing', async ({ request }, testInfo) => {
  const me = sender(testInfo);
  const { id, path } = sampleArticlePath();
  const headers = { 'x-forwarded-for': me.ip };
  const honeypot = await postFormWithoutJs(request, path, { body: 'سبام', name: me.name, email: me.email, homepage: 'http://spam.example' }, headers);
  expect(await honeypot.text()).toContain('تعليقك بانتظار المراجعة');

  // A fresh token and an immediate post: faster than any person.
  const session = await (await request.get(`/api/comments/session?article=${id}`, { headers })).json();
  const fast = await postFormWithoutJs(request, path, { body: 'سريع جدًا', name: me.name, email: me.email, token: session.token }, headers);
  expect(await fast.text()).toContain('تعليقك بانتظار المراجعة');
  // A forged token too.
  await postFormWithoutJs(request, path, { body: 'مزور', name: me.name, email: me.email, token: 'Zm9ybToxMjM.forged' }, headers);
  expect(commentsByEmail(me.email)).toHaveLength(0);
});

test('a second comment within 15 seconds waits; the same comment twice is stored once', async ({ page }, testInfo) => {
  test.setTimeout(90_000); // it waits out the 15-second window
  const me = sender(testInfo);
  await useSender(page.context(), me.ip);
  await page.goto(sampleArticlePath().path);
  await fillComment(page, { body: 'الأول', name: me.name, email: me.email });
  await sendAfterPause(page);
  await expect(page.getByRole('status')).toContainText('تعليقك بانتظار المراجعة');
  await fillComment(page, { body: 'الثاني بسرعة' });
  await sendAfterPause(page);
  await expect(page.getByRole('status')).toContainText('تمهّل قليلًا');
  await expect(page.getByRole('textbox', { name: 'التعليق', exact: true })).toHaveValue('الثاني بسرعة');

  // Same text again, after the flood window, from another address: a duplicate.
  await useSender(page.context(), sender(testInfo, 1).ip);
  await page.waitForTimeout(15_500);
  await fillComment(page, { body: 'الأول' });
  await sendAfterPause(page);
  await expect(page.getByRole('status')).toContainText('يبدو أنك أرسلت هذا التعليق من قبل');
  expect(commentsByEmail(me.email).map((c) => c.body)).toEqual(['الأول']);
});

test('two identical comments sent at the same moment are stored once', async ({ request }, testInfo) => {
  const me = sender(testInfo);
  const { path } = sampleArticlePath();
  const fields = { body: 'في اللحظة نفسها', name: me.name, email: me.email };
  await Promise.all([
    postFormWithoutJs(request, path, fields, { 'x-forwarded-for': me.ip }),
    postFormWithoutJs(request, path, fields, { 'x-forwarded-for': sender(testInfo, 2).ip }),
  ]);
  expect(commentsByEmail(me.email)).toHaveLength(1);
});

test('comments are refused on closed, draft and unknown articles', async ({ request }, testInfo) => {
  const me = sender(testInfo);
  const db = testDb();
  // Closing an article of its own (closing the sample would refuse other tests' comments meanwhile);
  // the form comes from the sample article's page, as from a page opened before comments closed.
  const { id } = articleFor(testInfo, 2);
  const { path } = sampleArticlePath();
  const headers = { 'x-forwarded-for': me.ip };
  db.update(articles).set({ commentsOpen: false }).where(eq(articles.id, id)).run();
  try {
    const closed = await postFormWithoutJs(request, path, { body: 'مغلق', name: me.name, email: me.email, articleId: String(id) }, headers);
    expect(await closed.text()).toContain('التعليقات مغلقة');
    const unknown = await postFormWithoutJs(request, path, { body: 'مجهول', name: me.name, email: me.email, articleId: '99999999' }, headers);
    expect(await unknown.text()).toContain('التعليقات مغلقة');
    const draft = db.select().from(articles).where(eq(articles.status, 'draft')).get()!;
    const onDraft = await postFormWithoutJs(request, path, { body: 'مسودة', name: me.name, email: me.email, articleId: String(draft.id) }, headers);
    expect(await onDraft.text()).toContain('التعليقات مغلقة');
  } finally {
    db.update(articles).set({ commentsOpen: true }).where(eq(articles.id, id)).run();
  }
  expect(commentsByEmail(me.email)).toHaveLength(0);
});

test('a post from another site is refused and stores nothing', async ({ request }, testInfo) => {
  const me = sender(testInfo);
  const { path } = sampleArticlePath();
  const response = await postFormWithoutJs(request, path, { body: 'من موقع آخر', name: me.name, email: me.email }, { origin: 'http://evil.example', 'x-forwarded-for': me.ip });
  expect(response.status()).toBe(403);
  expect(await response.text()).toContain('طلب مرفوض');
  expect(commentsByEmail(me.email)).toHaveLength(0);
});

test('email addresses never reach a browser: not in the HTML, not in the RSC payload', async ({ request }) => {
  const { id, path } = sampleArticlePath();
  const emails = testDb().query.comments.findMany({ where: (c, { eq }) => eq(c.articleId, id) }).sync().map((c) => c.authorEmail);
  expect(emails.length).toBeGreaterThan(0);
  const html = await (await request.get(path)).text();
  const rsc = await (await request.get(path, { headers: { rsc: '1' } })).text();
  for (const email of emails) {
    expect(html).not.toContain(email);
    expect(rsc).not.toContain(email);
  }
  expect(html).not.toContain('@example.org');
  expect(rsc).not.toContain('@example.org');
});

test('an email with an approved comment is published at once; unapproving hides it again', async ({ page, browser, request }, testInfo) => {
  const me = sender(testInfo);
  await useSender(page.context(), me.ip);
  const { id: articleId, path } = articleFor(testInfo, 1);
  const db = testDb();
  // An approved comment from a minute ago makes this email trusted.
  insertComment(db, {
    articleId,
    authorName: me.name,
    authorEmail: me.email,
    body: 'أول تعليق لي',
    bodyHash: hashBody('أول تعليق لي'),
    status: 'approved',
    ipHash: 'earlier',
    createdAt: Date.now() - 60_000,
  });

  await useSender(page.context(), sender(testInfo, 1).ip);
  await page.goto(path);
  await fillComment(page, { body: 'تعليق ثان ينشر فورًا', name: me.name, email: me.email });
  await sendAfterPause(page);
  await expect(page.getByRole('status')).toContainText('نُشر تعليقك');
  const [second] = commentsByEmail(me.email);
  expect(second!.status).toBe('approved');

  // Another browser sees it straight away, with the count, on the article and its section front.
  const other = await browser.newContext();
  const reader = await other.newPage();
  await reader.goto(path);
  await expect(reader.locator(`#comment-${second!.id}`)).toContainText('تعليق ثان ينشر فورًا');
  const count = approvedCount(articleId);
  await expect(reader.locator('#comments-title')).toHaveText(t('Comments.count', { count }));
  const section = db.query.articles.findFirst({ where: (a, { eq }) => eq(a.id, articleId) }).sync()!;
  const sectionSlug = db.query.sections.findFirst({ where: (s, { eq }) => eq(s.id, section.sectionId) }).sync()!.slug;
  await reader.goto(`/section/${sectionSlug}`);
  await expect(reader.locator('main li', { has: reader.locator(`a[href^="/article/${articleId}/"]`) }).first()).toContainText(t('Comments.count', { count }));

  await moderate(request, second!.id, 'pending');
  await reader.goto(path);
  await expect(reader.locator(`#comment-${second!.id}`)).toHaveCount(0);
  await other.close();
});

test('an approved comment updates the count on the article\'s tag and author pages readers already had cached', async ({ page, request }, testInfo) => {
  const db = testDb();
  const stamp = `${testInfo.project.name}-${Date.now() % 100000}`;
  const sample = db.query.articles.findFirst().sync()!;
  // A new author and tag: their pages are rendered here first, so the new article is on them.
  const author = createUser(db, { email: `count-${stamp}@portal.test`, displayName: `كاتب العد ${stamp}`, slug: `count-author-${stamp}` });
  const title = `خبر لعدّ التعليقات ${stamp}`;
  const articleId = createArticle(db, {
    slug: slugify(title),
    title,
    // Every published article has what the feeds need (e2e/feeds.spec.ts checks the newest ones).
    deck: 'سطر تمهيدي',
    body: 'نص الخبر.',
    sectionId: sample.sectionId,
    authorId: author.id,
    status: 'published',
    publishedAt: Date.now() - 60_000,
    updatedAt: Date.now(),
  });
  const tag = createTag(db, `وسم العد ${stamp}`, `count-tag-${stamp}`);
  addArticleTags(db, articleId, [tag.id]);
  const card = (path: string) => page.locator('main li', { has: page.locator(`a[href^="/article/${articleId}/"]`) }).first();

  // Both lists are rendered and cached without a comment count on the card…
  for (const path of [tagPath(tag.slug), authorPath(author.slug)]) {
    for (let i = 0; i < 2; i++) await page.goto(path);
    await expect(card(path)).toBeVisible();
    await expect(card(path)).not.toContainText(t('Comments.count', { count: 1 }));
  }
  // …then a comment on the article is approved.
  const inserted = insertComment(db, {
    articleId,
    authorName: 'قارئ',
    authorEmail: `count-${stamp}@example.org`,
    body: 'تعليق يعد',
    bodyHash: hashBody(`تعليق يعد ${stamp}`),
    status: 'pending',
    ipHash: stamp,
    createdAt: Date.now(),
  });
  if (!inserted.ok) throw new Error('comment not inserted');
  await moderate(request, inserted.id, 'approved');
  for (const path of [tagPath(tag.slug), authorPath(author.slug)]) {
    await page.goto(path);
    await expect(card(path), path).toContainText(t('Comments.count', { count: 1 }));
  }
});
