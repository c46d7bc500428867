import { expect, test } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { auditLog, comments } from '@/db/schema';
import { signIn } from './admin-helpers';
import { articleFor, commentsByEmail, fastForms, postFormWithoutJs, sampleArticlePath, sender } from './comment-helpers';
import { testDb } from './helpers';

test.beforeAll(() => fastForms());

async function pendingComment(request: import('@playwright/test').APIRequestContext, testInfo: import('@playwright/test').TestInfo, n: number, body: string, path = sampleArticlePath().path) {
  const me = sender(testInfo, n);
  await postFormWithoutJs(request, path, { body, name: me.name, email: me.email }, { 'x-forwarded-for': me.ip });
  const [row] = commentsByEmail(me.email);
  expect(row?.status).toBe('pending');
  return { ...row!, who: me };
}

test('an editor approves a held comment from the queue and it appears on the article', async ({ page, context, baseURL, request }, testInfo) => {
  const comment = await pendingComment(request, testInfo, 0, `تعليق ينتظر الموافقة ${Date.now()}`);
  await signIn(context, 'editor', baseURL!);
  await page.goto('/admin/comments');
  await expect(page.getByRole('link', { name: /بانتظار المراجعة \(\d+\)/ })).toHaveAttribute('aria-current', 'page');
  const item = page.locator('li', { hasText: comment.body }).first();
  await expect(item).toContainText(comment.who.email);
  await item.getByRole('button', { name: `نشر: ${comment.who.name}` }).click();
  await expect.poll(() => testDb().select().from(comments).where(eq(comments.id, comment.id)).get()!.status).toBe('approved');
  // The queue follows: the comment has left the pending tab.
  await expect(page.locator('li', { hasText: comment.body })).toHaveCount(0);

  const { path } = sampleArticlePath();
  const reader = await (await request.get(path)).text();
  expect(reader).toContain(comment.body);
});

test('bulk actions change every ticked comment', async ({ page, context, baseURL, request }, testInfo) => {
  const one = await pendingComment(request, testInfo, 1, `تعليق مزعج أول ${Date.now()}`);
  const two = await pendingComment(request, testInfo, 2, `تعليق مزعج ثان ${Date.now()}`);
  await signIn(context, 'editor', baseURL!);
  await page.goto('/admin/comments');
  for (const c of [one, two]) await page.getByRole('checkbox', { name: `اختيار تعليق ${c.who.name}` }).check();
  await page.getByRole('combobox', { name: 'إجراء على المحدد' }).selectOption('spam');
  await page.getByRole('button', { name: 'تطبيق' }).click();
  for (const c of [one, two]) {
    await expect.poll(() => testDb().select().from(comments).where(eq(comments.id, c.id)).get()!.status).toBe('spam');
  }
});

test('a reply from the newsroom is published at once and marked as staff', async ({ page, context, baseURL, request }, testInfo) => {
  // An article of its own: a reader page the other specs render at the same moment could be cached
  // from just before the reply (see the closing note of this change) and hide it.
  const { path } = articleFor(testInfo, 4);
  const question = await pendingComment(request, testInfo, 3, `سؤال للتحرير ${Date.now()}`, path);
  await signIn(context, 'editor', baseURL!);
  await page.goto('/admin/comments');
  const item = page.locator('li', { hasText: question.body }).first();
  await item.getByText(`رد على تعليق ${question.who.name} باسم فريق التحرير`).click();
  const answer = `جواب التحرير ${Date.now()}`;
  await item.getByRole('textbox', { name: 'رد باسم فريق التحرير' }).fill(answer);
  await item.getByRole('button', { name: 'نشر الرد' }).click();
  await expect.poll(() => testDb().select().from(comments).where(eq(comments.body, answer)).get()?.status).toBe('approved');
  // The reply, the held question it published and a log row for each were one write.
  const stored = testDb().select().from(comments).where(eq(comments.body, answer)).get()!;
  const logged = testDb().select().from(auditLog).where(eq(auditLog.entityType, 'comment')).all();
  expect(logged.filter((e) => e.entityId === stored.id).map((e) => e.action)).toEqual(['comment.reply']);
  expect(logged.filter((e) => e.entityId === question.id).map((e) => e.action)).toEqual(['comment.approved']);
  expect(testDb().select().from(comments).where(eq(comments.id, question.id)).get()!.status).toBe('approved');

  await page.goto(path);
  const reply = page.locator('article', { hasText: answer }).last();
  await expect(reply).toContainText('فريق التحرير');
  // Replying to a held comment published it as well.
  await expect(page.locator(`#comment-${question.id}`)).toContainText(question.body);
});
