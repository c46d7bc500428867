import { randomInt } from 'node:crypto';
import type { APIRequestContext, BrowserContext, Page, TestInfo } from '@playwright/test';
import { and, desc, eq } from 'drizzle-orm';
import { articles, comments } from '@/db/schema';
import { setSetting } from '@/db/queries/settings';
import { sampleArticleRow, testDb, waitForHydration } from './helpers';

// Addresses are counted per worker process from a random start (the worker is in the first part), so
// two senders of one run do not share one: a shared address trips the 15-second flood rule.
let senders = randomInt(0, 250 * 250);

/** One sender per test: a distinct address (the server trusts x-forwarded-for in tests) and email. */
export function sender(testInfo: TestInfo, n = 0) {
  const a = (testInfo.workerIndex % 200) + 20;
  const b = (Math.floor(senders / 250) % 250) + 1;
  const c = (senders++ % 250) + 1;
  const tag = `${testInfo.testId.slice(0, 8)}-${n}-${Date.now() % 1_000_000}`;
  return { ip: `10.${a}.${b}.${c}`, email: `reader-${tag}@example.com`, name: `قارئ ${tag.slice(0, 4)}${n}${c}` };
}

export async function useSender(context: BrowserContext, ip: string) {
  await context.setExtraHTTPHeaders({ 'x-forwarded-for': ip });
}

/** Tests wait one second, not three, between showing the form and sending it. */
export function fastForms() {
  setSetting(testDb(), 'comments.minSecondsToSubmit', 1);
}

export function commentsByEmail(email: string) {
  return testDb().select().from(comments).where(eq(comments.authorEmail, email)).orderBy(desc(comments.id)).all();
}

export function approvedCount(articleId: number): number {
  return testDb().select().from(comments).where(and(eq(comments.articleId, articleId), eq(comments.status, 'approved'))).all().length;
}

/** Approves the way moderation will: status change, then revalidation (see the test-hooks route). */
export async function moderate(request: APIRequestContext, id: number, status: 'approved' | 'pending' | 'spam' | 'trash') {
  const response = await request.post('/api/test-hooks/comment-status', { data: { id, status } });
  if (!response.ok()) throw new Error(`moderation hook answered ${response.status()}`);
}

export function sampleArticlePath() {
  const row = sampleArticleRow(testDb());
  return { id: row.id, path: `/article/${row.id}/${row.slug}` };
}

/** An article of its own for a test that counts comments, so parallel tests and projects don't race. */
export function articleFor(testInfo: TestInfo, slot: number) {
  const id = 1 + slot * 2 + (testInfo.project.name === 'desktop' ? 1 : 0);
  const row = testDb().select().from(articles).where(eq(articles.id, id)).get()!;
  return { id: row.id, path: `/article/${row.id}/${row.slug}` };
}

export async function fillComment(page: Page, values: { body?: string; name?: string; email?: string; website?: string }) {
  if (values.body !== undefined) await page.getByRole('textbox', { name: 'التعليق', exact: true }).fill(values.body);
  if (values.name !== undefined) await page.getByRole('textbox', { name: 'الاسم', exact: true }).fill(values.name);
  if (values.email !== undefined) await page.getByRole('textbox', { name: 'البريد الإلكتروني', exact: true }).fill(values.email);
  if (values.website !== undefined) await page.getByRole('textbox', { name: 'الموقع الإلكتروني', exact: true }).fill(values.website);
}

/**
 * Waits until the form's code has hydrated it (so the send takes the JavaScript path a test means to
 * check), then out the minimum time from the fresh token it fetches on focus, then sends it.
 */
export async function sendAfterPause(page: Page) {
  await waitForHydration(page, '#respond form');
  await page.waitForTimeout(1200);
  await page.getByRole('button', { name: 'إرسال التعليق' }).click();
}

/** The hidden fields (action id, token…) of the form in `html` that contains `marker`. */
export function hiddenFields(html: string, marker = 'name="body"'): Record<string, string> {
  // The comment form (or the one with `marker`), not the header's search form.
  const start = html.lastIndexOf('<form', html.indexOf(marker));
  const form = html.slice(start, html.indexOf('</form>', start));
  const hidden: Record<string, string> = {};
  for (const [, tag] of form.matchAll(/<input([^>]*type="hidden"[^>]*)>/g)) {
    const name = tag!.match(/name="([^"]*)"/)?.[1];
    const value = tag!.match(/value="([^"]*)"/)?.[1] ?? '';
    if (name) hidden[name.replace(/&amp;/g, '&')] = value.replace(/&amp;/g, '&').replace(/&quot;/g, '"');
  }
  return hidden;
}

/**
 * Posts the comment form the way a browser without JavaScript does: the page's own hidden fields
 * (action id, token…) plus the given ones, as multipart, to the article's address.
 */
export async function postFormWithoutJs(
  request: APIRequestContext,
  path: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
  /** Something only the wanted form contains: the comment form's body field by default. */
  marker = 'name="body"',
) {
  const html = await (await request.get(path, { headers })).text();
  // A page rendered just now carries a token younger than the minimum time: wait it out.
  if (!fields.token) await new Promise((r) => setTimeout(r, 1100));
  return request.post(path, { multipart: { ...hiddenFields(html, marker), ...fields }, headers, maxRedirects: 0 });
}
