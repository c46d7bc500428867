import { expect, test, type APIRequestContext } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { comments, sections, users } from '@/db/schema';
import { SESSION_COOKIE } from '@/lib/session-rules';
import { signIn } from './admin-helpers';
import { commentsByEmail, fastForms, postFormWithoutJs, sampleArticlePath, sender } from './comment-helpers';
import { testDb } from './helpers';

test.beforeAll(() => fastForms());

const adminPages = ['/admin', '/admin/articles', '/admin/articles/new', '/admin/articles/1', '/admin/articles/1/preview', '/admin/articles/1/revisions', '/admin/comments', '/admin/tags', '/admin/sections', '/admin/staff', '/admin/profile', '/admin/log'];

test('without a session every admin page leads to the login, whatever the headers say', async ({ request }) => {
  for (const path of adminPages) {
    const tricks: Record<string, string>[] = [{}, { 'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware' }, { 'x-middleware-subrequest': 'src/middleware' }];
    for (const headers of tricks) {
      const response = await request.get(path, { headers, maxRedirects: 0 });
      expect(response.status(), `${path} ${JSON.stringify(headers)}`).toBe(307);
      expect(response.headers()['location']).toMatch(/\/admin\/login$/);
    }
  }
});

test('each role sees only its pages', async ({ browser, baseURL }) => {
  const expectations: Record<'author' | 'editor', string[]> = {
    author: ['/admin/comments', '/admin/tags', '/admin/sections', '/admin/staff', '/admin/log'],
    editor: ['/admin/sections', '/admin/staff', '/admin/log'],
  };
  for (const role of ['author', 'editor'] as const) {
    const context = await browser.newContext();
    await signIn(context, role, baseURL!);
    const page = await context.newPage();
    for (const path of expectations[role]) {
      await page.goto(path);
      await expect(page.getByText('لا تملك صلاحية الوصول إلى هذه الصفحة.'), `${role} ${path}`).toBeVisible();
    }
    await page.goto('/admin');
    await expect(page.getByRole('navigation', { name: 'أقسام لوحة التحرير' }).getByRole('link', { name: 'فريق العمل' })).toHaveCount(0);
    await context.close();
  }
});

/** The hidden fields of the page's form that contains `marker`, as a browser without JavaScript posts them. */
async function replay(request: APIRequestContext, path: string, marker: string, fields: Record<string, string>, ownerCookie: string, senderCookie: string | null) {
  const html = await (await request.get(path, { headers: { cookie: ownerCookie } })).text();
  const form = html.split('<form').map((part) => part.slice(0, part.indexOf('</form>'))).find((part) => part.includes(marker));
  expect(form, marker).toBeTruthy();
  const hidden: Record<string, string> = {};
  for (const [, tag] of form!.matchAll(/<input([^>]*type="hidden"[^>]*)>/g)) {
    const name = tag!.match(/name="([^"]*)"/)?.[1];
    if (name) hidden[name.replace(/&amp;/g, '&')] = (tag!.match(/value="([^"]*)"/)?.[1] ?? '').replace(/&amp;/g, '&').replace(/&quot;/g, '"');
  }
  return request.post(path, { multipart: { ...hidden, ...fields }, headers: senderCookie ? { cookie: senderCookie } : {}, maxRedirects: 0 });
}

test('actions refuse a lower role and a missing session, and change nothing', async ({ browser, baseURL, request }, testInfo) => {
  const cookieOf = async (role: 'admin' | 'editor' | 'author') => {
    const context = await browser.newContext();
    const { token } = await signIn(context, role, baseURL!);
    await context.close();
    return `${SESSION_COOKIE}=${token}`;
  };
  const admin = await cookieOf('admin');
  const editor = await cookieOf('editor');
  const author = await cookieOf('author');
  const db = testDb();

  // Creating a section: an editor or nobody may not.
  const sectionsBefore = db.select().from(sections).all().length;
  for (const who of [editor, null]) {
    await replay(request, '/admin/sections', 'value="create"', { name: 'قسم مرفوض', slug: 'refused', description: '', parentId: '' }, admin, who);
  }
  expect(db.select().from(sections).all()).toHaveLength(sectionsBefore);
  expect(db.select().from(sections).where(eq(sections.slug, 'refused')).get()).toBeUndefined();

  // Adding a staff account: an editor may not.
  await replay(request, '/admin/staff', 'value="create"', { displayName: 'دخيل', email: 'intruder@example.com', role: 'admin', password: 'intruder-password-1' }, admin, editor);
  expect(db.select().from(users).where(eq(users.email, 'intruder@example.com')).get()).toBeUndefined();

  // Approving a comment: an author or nobody may not.
  const me = sender(testInfo);
  const { path } = sampleArticlePath();
  await postFormWithoutJs(request, path, { body: `تعليق محمي ${Date.now()}`, name: me.name, email: me.email }, { 'x-forwarded-for': me.ip });
  const [held] = commentsByEmail(me.email);
  for (const who of [author, null]) {
    await replay(request, '/admin/comments', 'id="bulk"', { single: `${held!.id}:approve`, operation: 'approve' }, editor, who);
  }
  expect(db.select().from(comments).where(eq(comments.id, held!.id)).get()!.status).toBe('pending');
});
