import http from 'node:http';
import { expect, test, type APIRequestContext, type APIResponse, type TestInfo } from '@playwright/test';
import { eq, like, or } from 'drizzle-orm';
import { createSession } from '@/db/queries/sessions';
import { articles, comments, sections } from '@/db/schema';
import { hashSessionToken, newSessionToken, SESSION_COOKIE } from '@/lib/session-rules';
import { ensureStaff } from './admin-helpers';
import { fastForms, hiddenFields as hiddenFieldsIn, sampleArticlePath } from './comment-helpers';
import { sampleArticleRow, testDb } from './helpers';

// Hostile input, case by case: every answer is a clear message (Arabic, or the Arabic 404 page), never
// a 500 or a stack trace, and a write stores nothing, or exactly the cleaned text when it is accepted.
// Most cases are raw requests (a browser without JavaScript posting its forms, or a script); a few
// open a page where what the reader sees is the point. Each case sends from its own address under
// 10.233.x.y (the comment and login throttles are per address; no other spec uses this prefix).

let nextHost = 0;
/** A fresh sender address: one block of 1,250 per worker and project, so parallel workers never share one. */
function address(testInfo: TestInfo): string {
  const host = nextHost++;
  const block = (testInfo.workerIndex % 25) * 10 + (testInfo.project.name === 'phone' ? 0 : 5);
  return `10.233.${block + Math.floor(host / 250) % 5}.${(host % 250) + 1}`;
}
/** A short marker unique to this case and project, to find what it stored (or that it stored nothing). */
const tagOf = (testInfo: TestInfo, n: number) => `${testInfo.project.name[0]}${n}q${Date.now() % 100_000}`;

const NOT_FOUND = 'الصفحة غير موجودة';
const CRASH = [/Application error/i, /Internal Server Error/i, /\n\s+at [\w$.<>]+ \([^)\n]*:\d+:\d+\)/, /SqliteError|ZodError|TypeError|RangeError|URIError/, /node_modules\//];

/** Not a 5xx, no error page, no stack trace; returns the body. */
async function safeBody(response: APIResponse, label: string): Promise<string> {
  expect(response.status(), label).toBeLessThan(500);
  const body = await response.text();
  for (const pattern of CRASH) expect(body, `${label}: ${pattern}`).not.toMatch(pattern);
  return body;
}

const decode = (html: string) =>
  html
    .replace(/<!-- -->/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();

/** The text of the element with this id (a field's error or note). */
function textOfId(html: string, id: string): string {
  const match = html.match(new RegExp(`id="${id}"[^>]*>([\\s\\S]*?)</(?:span|p|div)>`));
  return match ? decode(match[1]!) : '';
}

/** The message in the first live region after `marker` (the form's status or alert line). */
function liveMessage(html: string, marker: string): string {
  const from = html.indexOf(marker);
  const match = html.slice(Math.max(0, from)).match(/role="(?:status|alert)" aria-live="(?:polite|assertive)"[^>]*>\s*(?:<p[^>]*>([\s\S]*?)<\/p>)?/);
  return match?.[1] ? decode(match[1]) : '';
}

/** The hidden fields of the form on `path` that contains `marker`, as a browser without JavaScript sends them. */
async function hiddenFields(request: APIRequestContext, path: string, marker: string, headers: Record<string, string> = {}) {
  const html = await (await request.get(path, { headers })).text();
  if (!html.includes(marker)) throw new Error(`no form with ${marker} on ${path}`);
  return hiddenFieldsIn(html, marker);
}

/** The action id fields swapped for one this build never had (a page from before a deploy, or forged). */
function forgeActionId(hidden: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(hidden).map(([k, v]) => [k, /^\$ACTION_\d+:0$/.test(k) ? v.replace(/"id":"[0-9a-f]+"/, `"id":"${'7f'.repeat(21)}"`) : v]));
}

/** A POST whose body size is not stated (chunked), which a browser never sends. */
function postChunked(baseURL: string, path: string, headers: Record<string, string>, chunks: number): Promise<{ status: number; body: string }> {
  const url = new URL(path, baseURL);
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=x', 'transfer-encoding': 'chunked', ...headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    for (let i = 0; i < chunks; i++) req.write(`--x\r\nContent-Disposition: form-data; name="f${i}"\r\n\r\n${'ب'.repeat(30_000)}\r\n`);
    req.end('--x--\r\n');
  });
}

// ─── The comment form ──────────────────────────────────────────────────────────────────────────

type CommentErrors = Partial<Record<'comment' | 'author' | 'email' | 'url', string>>;
type CommentCase = {
  name: string;
  /** Fields over the defaults; `$tag` in a value becomes the case's marker. */
  fields?: Record<string, string>;
  headers?: Record<string, string>;
  /** How the fields are sent: the form's own hidden fields (default), forged action fields, or none at all. */
  form?: 'page' | 'forgedAction' | 'bare';
  status: number;
  message: string;
  errors?: CommentErrors;
  /** What gets stored: nothing, or exactly this (bidi controls gone, scripts kept as text). */
  stored: null | { authorName: string; body: string };
};

const FIX = 'تعذّر إرسال التعليق: يرجى تصحيح الحقول المشار إليها.';
const AWAITING = 'تعليقك بانتظار المراجعة';
const BAD_PARENT = 'التعليق الذي تحاول الرد عليه لم يعد متاحًا.';

const commentCases: CommentCase[] = [
  { name: 'a comment over 65,525 bytes', fields: { body: `${'ب'.repeat(32_763)} $tag` }, status: 200, message: FIX, errors: { comment: 'التعليق طويل جدًا: الحد الأقصى 65,525 بايت، أي نحو 32,000 حرف عربي.' }, stored: null },
  { name: 'a body of 1.5 MB, past the server limit', fields: { body: `${'ب'.repeat(750_000)} $tag` }, status: 413, message: 'الإرسال أكبر من المسموح به', stored: null },
  { name: 'a name of 300 letters', fields: { name: 'ن'.repeat(300) }, status: 200, message: FIX, errors: { author: 'الاسم طويل جدًا: 245 حرفًا على الأكثر.' }, stored: null },
  { name: 'a control character (BEL) in the comment', fields: { body: 'جرس\u0007 $tag' }, status: 200, message: FIX, errors: { comment: 'يحتوي التعليق على رموز تحكّم غير مسموح بها.' }, stored: null },
  { name: 'a NUL byte in the comment', fields: { body: 'صفر\u0000 $tag' }, status: 200, message: FIX, errors: { comment: 'يحتوي التعليق على رموز تحكّم غير مسموح بها.' }, stored: null },
  { name: 'an escape sequence in the name', fields: { name: 'اسم\u001b[31m' }, status: 200, message: FIX, errors: { author: 'يحتوي الاسم على رموز غير مسموح بها.' }, stored: null },
  { name: 'a line break in the name', fields: { name: 'اسم\r\nBcc: victim@example.com' }, status: 200, message: FIX, errors: { author: 'يحتوي الاسم على رموز غير مسموح بها.' }, stored: null },
  {
    name: 'bidi overrides and isolates in name and comment are removed, the rest kept',
    fields: { name: '\u202Eقارئ\u202C \u2066مقلوب\u2069', body: '\u202Bنص\u202C معكوس \u202Dabc\u202C $tag' },
    status: 200,
    message: AWAITING,
    stored: { authorName: 'قارئ مقلوب', body: 'نص معكوس abc $tag' },
  },
  { name: 'zero-width characters only', fields: { body: '\u200B\u200C\u200D\u2060\uFEFF' }, status: 200, message: FIX, errors: { comment: 'يرجى كتابة تعليقك' }, stored: null },
  {
    name: 'scripts and HTML in name and comment are kept as text',
    fields: { name: '<img src=x onerror=alert(1)>', body: '<script>alert(document.cookie)</script><iframe src="//evil.example"></iframe> $tag' },
    status: 200,
    message: AWAITING,
    stored: { authorName: '<img src=x onerror=alert(1)>', body: '<script>alert(document.cookie)</script><iframe src="//evil.example"></iframe> $tag' },
  },
  { name: 'an email without a dot in its domain', fields: { email: 'reader@localhost' }, status: 200, message: FIX, errors: { email: 'البريد الإلكتروني غير صالح' }, stored: null },
  { name: 'markup in the email', fields: { email: '"><script>alert(1)</script>@example.com' }, status: 200, message: FIX, errors: { email: 'البريد الإلكتروني غير صالح' }, stored: null },
  { name: 'an email of 120 characters', fields: { email: `${'a'.repeat(108)}@example.com` }, status: 200, message: FIX, errors: { email: 'البريد الإلكتروني طويل جدًا: 100 حرف على الأكثر.' }, stored: null },
  { name: 'a javascript: website', fields: { website: 'javascript:alert(1)//example.com' }, status: 200, message: FIX, errors: { url: 'عنوان الموقع غير صالح: يجب أن يبدأ بـ http:// أو https://' }, stored: null },
  { name: 'a reply to a comment of another article', fields: { parentId: '$otherParent' }, status: 200, message: BAD_PARENT, stored: null },
  { name: 'a negative parent id', fields: { parentId: '-1' }, status: 200, message: BAD_PARENT, stored: null },
  { name: 'a parent id of 20 digits', fields: { parentId: '99999999999999999999' }, status: 200, message: BAD_PARENT, stored: null },
  { name: 'a parent id in Arabic-Indic digits', fields: { parentId: '١' }, status: 200, message: BAD_PARENT, stored: null },
  { name: 'a parent id that is not a number', fields: { parentId: '1 OR 1=1' }, status: 200, message: BAD_PARENT, stored: null },
  { name: 'an article id in Arabic-Indic digits', fields: { articleId: '١' }, status: 200, message: 'التعليقات مغلقة', stored: null },
  { name: 'a negative article id', fields: { articleId: '-1' }, status: 200, message: 'التعليقات مغلقة', stored: null },
  // Robots learn nothing: the usual notice, and nothing stored.
  { name: 'no form token', fields: { token: '' }, status: 200, message: AWAITING, stored: null },
  { name: 'a forged form token', fields: { token: 'Zm9ybTox.forged-signature' }, status: 200, message: AWAITING, stored: null },
  { name: 'a post from another site (Origin)', headers: { origin: 'https://evil.example' }, status: 403, message: 'طلب مرفوض', stored: null },
  { name: 'a post from a sandboxed frame (Origin: null)', headers: { origin: 'null' }, status: 403, message: 'طلب مرفوض', stored: null },
  { name: 'a post from a look-alike host', headers: { origin: 'http://localhost.evil.example' }, status: 403, message: 'طلب مرفوض', stored: null },
  { name: 'a forged action id (or a page from before a deploy)', form: 'forgedAction', status: 409, message: 'تعذّر إرسال النموذج', stored: null },
  { name: 'the fields without any action', form: 'bare', status: 400, message: 'تعذّر إرسال النموذج', stored: null },
];

test.describe('the comment form', () => {
  let form: Record<string, string>;
  let otherParent: number;

  test.beforeAll(async ({ playwright }, testInfo) => {
    fastForms();
    const context = await playwright.request.newContext({ baseURL: testInfo.project.use.baseURL });
    form = await hiddenFields(context, sampleArticlePath().path, 'name="body"');
    await context.dispose();
    // The form's token must be older than the minimum time (1 s in tests).
    await new Promise((r) => setTimeout(r, 1100));
    const { id } = sampleArticlePath();
    otherParent = testDb().query.comments.findFirst({ where: (c, { ne }) => ne(c.articleId, id) }).sync()!.id;
  });

  commentCases.forEach((c, i) => {
    test(`comment: ${c.name}`, async ({ request }, testInfo) => {
      const tag = tagOf(testInfo, i);
      const email = `hostile-${tag}@example.com`;
      const fill = (v: string) => v.replace('$tag', tag).replace('$otherParent', String(otherParent));
      const fields = Object.fromEntries(Object.entries({ body: `تعليق عدائي $tag`, name: 'قارئ', email, ...c.fields }).map(([k, v]) => [k, fill(v)]));
      const base = c.form === 'bare' ? {} : c.form === 'forgedAction' ? forgeActionId(form) : form;
      const response = await request.post(sampleArticlePath().path, {
        multipart: { ...base, ...fields },
        headers: { 'x-forwarded-for': address(testInfo), ...c.headers },
        maxRedirects: 0,
      });
      const html = await safeBody(response, c.name);
      expect(response.status()).toBe(c.status);
      if (c.status === 200) {
        expect(liveMessage(html, 'id="respond"')).toBe(c.message);
        for (const [field, message] of Object.entries(c.errors ?? {})) expect(textOfId(html, `${field}-error`), field).toBe(message);
      } else {
        expect(decode(html.match(/<h1>([\s\S]*?)<\/h1>/)?.[1] ?? '')).toBe(c.message);
      }

      const rows = testDb()
        .select()
        .from(comments)
        .where(or(eq(comments.authorEmail, email), like(comments.body, `%${tag}%`)))
        .all();
      if (c.stored === null) {
        expect(rows).toEqual([]);
      } else {
        expect(rows).toHaveLength(1);
        expect(rows[0]).toMatchObject({ authorName: c.stored.authorName, body: fill(c.stored.body), status: 'pending' });
        // The page that answers shows it back as text, never as markup.
        const own = html.slice(html.indexOf('id="respond"'), html.indexOf('id="reply-title"'));
        expect(decode(own)).toContain(fill(c.stored.body));
        expect(own).not.toMatch(/<(script|iframe|img)\b/);
      }
    });
  });

  test('comment: a body of unstated size (chunked) is refused before it is read', async ({ baseURL }, testInfo) => {
    const { status, body } = await postChunked(baseURL!, sampleArticlePath().path, { 'x-forwarded-for': address(testInfo) }, 60);
    expect(status).toBe(411);
    expect(body).toContain('<h1>طلب غير مقبول</h1>');
  });

  test('comment: forged and malformed commenter cookies are ignored', async ({ request }) => {
    const { id } = sampleArticlePath();
    for (const cookie of ['comment_pending=MSwyLDM.forged', 'comment_pending=%ZZ%00', 'comment_author=WyJhIiwiYiIsImMiXQ.forged', `comment_author=${'A'.repeat(20_000)}.x`, 'comment_author=;;==']) {
      const response = await request.get(`/api/comments/session?article=${id}`, { headers: { cookie } });
      await safeBody(response, cookie.slice(0, 30));
      expect(await response.json(), cookie.slice(0, 30)).toMatchObject({ author: null, pending: [] });
    }
  });
});

// ─── Logging in ────────────────────────────────────────────────────────────────────────────────

type LoginCase = { name: string; email: string; password: string; headers?: Record<string, string>; status: number; message: string };

const FAILED = 'بيانات الدخول غير صحيحة';
const loginCases: LoginCase[] = [
  { name: 'an email of 100,000 characters', email: `${'a'.repeat(100_000)}@example.com`, password: 'whatever-password', status: 200, message: FAILED },
  { name: 'a password of 500,000 characters', email: 'admin@example.com', password: 'p'.repeat(500_000), status: 200, message: FAILED },
  { name: 'NUL and control characters', email: 'admin@example.com\u0000\u0007', password: 'admin-password-for-tests\u0000', status: 200, message: FAILED },
  { name: 'bidi overrides around the email', email: '\u202Eadmin@example.com\u202C', password: 'x', status: 200, message: FAILED },
  { name: 'SQL in the email and the password', email: "admin@example.com' OR '1'='1' --", password: "' OR 1=1; DROP TABLE users; --", status: 200, message: FAILED },
  { name: 'empty after trimming', email: '   ', password: '', status: 200, message: 'يرجى إدخال البريد الإلكتروني وكلمة المرور' },
  { name: 'the right password from another site', email: 'admin@example.com', password: 'admin-password-for-tests', headers: { origin: 'https://evil.example' }, status: 403, message: 'طلب مرفوض' },
];

test.describe('logging in', () => {
  let form: Record<string, string>;
  test.beforeAll(async ({ playwright }, testInfo) => {
    const context = await playwright.request.newContext({ baseURL: testInfo.project.use.baseURL });
    form = await hiddenFields(context, '/admin/login', 'name="password"');
    await context.dispose();
  });

  for (const c of loginCases) {
    test(`login: ${c.name}`, async ({ request }, testInfo) => {
      const response = await request.post('/admin/login', {
        multipart: { ...form, email: c.email, password: c.password },
        headers: { 'x-forwarded-for': address(testInfo), ...c.headers },
        maxRedirects: 0,
        timeout: 30_000,
      });
      const html = await safeBody(response, c.name);
      expect(response.status()).toBe(c.status);
      expect(c.status === 200 ? liveMessage(html, '<form') : decode(html.match(/<h1>([\s\S]*?)<\/h1>/)?.[1] ?? '')).toBe(c.message);
      // No session was handed out.
      expect(response.headers()['set-cookie'] ?? '').not.toContain(`${SESSION_COOKIE}=`);
    });
  }

  test('login: a body over 6 MB gets the Arabic answer, not a 500', async ({ request }, testInfo) => {
    const response = await request.post('/admin/login', {
      multipart: { ...form, email: 'admin@example.com', password: 'x'.repeat(7 * 1024 * 1024) },
      headers: { 'x-forwarded-for': address(testInfo) },
      maxRedirects: 0,
    });
    const html = await safeBody(response, 'over 6 MB');
    expect(response.status()).toBe(413);
    expect(html).toContain('<h1>الإرسال أكبر من المسموح به</h1>');
    expect(html).toContain('6 ميغابايت');
  });

  test('login: forged, malformed and oversized session cookies are no session', async ({ request }) => {
    const cookies = [newSessionToken(), `${newSessionToken()}x`, '%00%ff%C0%AF', '"quoted"', '../../etc/passwd', `${'A'.repeat(43)};${SESSION_COOKIE}=${'B'.repeat(43)}`, 'Z'.repeat(40_000)];
    for (const value of cookies) {
      const headers = { cookie: `${SESSION_COOKIE}=${value}` };
      const admin = await request.get('/admin/articles', { headers, maxRedirects: 0 });
      await safeBody(admin, value.slice(0, 20));
      expect(admin.status(), value.slice(0, 20)).toBe(307);
      expect(admin.headers()['location']).toMatch(/\/admin\/login$/);
      const login = await request.get('/admin/login', { headers });
      expect(await safeBody(login, value.slice(0, 20))).toContain('تسجيل الدخول إلى لوحة التحرير');
    }
  });

  test('login: cookies over the header limit get an Arabic 431, and the server keeps serving', async ({ request }) => {
    const response = await request.get('/admin', { headers: { cookie: `${SESSION_COOKIE}=${'A'.repeat(70_000)}` }, maxRedirects: 0 });
    const html = await safeBody(response, 'huge cookie');
    expect(response.status()).toBe(431);
    expect(html).toContain('<h1>الطلب أكبر من المسموح به</h1>');
    expect((await request.get('/admin/login')).status()).toBe(200);
  });
});

// ─── The editor ────────────────────────────────────────────────────────────────────────────────

type EditorCase = {
  name: string;
  fields: Record<string, string>;
  headers?: Record<string, string>;
  /** Whose cookie: the editor's (default) or a forged one. */
  session?: 'editor' | 'forged';
  status: number;
  message?: string;
  errors?: Record<string, string>;
  /** What gets stored: nothing, or these columns exactly. */
  stored: null | Record<string, string>;
};

const NOT_SAVED = 'لم يُحفظ المقال: يرجى تصحيح الحقول المشار إليها.';
const PICK_SECTION = 'اختر قسمًا';

const editorCases: EditorCase[] = [
  {
    name: 'scripts in title, deck, source, body and tags are stored as typed and published as text',
    fields: {
      title: '<script>window.__pwned=1</script>عنوان $tag',
      deck: '<img src=x onerror="window.__pwned=2">',
      source: '<b>وكالة</b>',
      body: 'فقرة <script>window.__pwned=3</script>\n\n<a href="javascript:alert(1)">رابط</a> [رابط آخر](javascript:alert(2)) <iframe src="//evil.example"></iframe>',
      tags: '<i>وسم</i>، وسم<script>',
      intent: 'publish',
    },
    status: 303,
    stored: {
      title: '<script>window.__pwned=1</script>عنوان $tag',
      deck: '<img src=x onerror="window.__pwned=2">',
      source: '<b>وكالة</b>',
      body: 'فقرة <script>window.__pwned=3</script>\n\n<a href="javascript:alert(1)">رابط</a> [رابط آخر](javascript:alert(2)) <iframe src="//evil.example"></iframe>',
      status: 'published',
    },
  },
  { name: 'a title of 301 letters', fields: { title: `${'ع'.repeat(300)} $tag` }, status: 200, message: NOT_SAVED, errors: { title: 'العنوان طويل جدًا: 300 حرف على الأكثر.' }, stored: null },
  { name: 'a NUL byte in the title', fields: { title: 'عنوان\u0000 $tag' }, status: 200, message: NOT_SAVED, errors: { title: 'يحتوي النص على رموز تحكّم غير مسموح بها.' }, stored: null },
  { name: 'a body over 200,000 letters', fields: { body: 'ن'.repeat(200_001) }, status: 200, message: NOT_SAVED, errors: { body: 'نص المقال طويل جدًا: 200,000 حرف على الأكثر.' }, stored: null },
  { name: '25 tags', fields: { tags: Array.from({ length: 25 }, (_, k) => `وسم${k}`).join('، ') }, status: 200, message: NOT_SAVED, errors: { tags: '20 وسمًا على الأكثر، وكل وسم 60 حرفًا على الأكثر.' }, stored: null },
  { name: 'a section that does not exist', fields: { sectionId: '99999' }, status: 200, message: NOT_SAVED, errors: { sectionId: PICK_SECTION }, stored: null },
  { name: 'a section id in Arabic-Indic digits', fields: { sectionId: '٣' }, status: 200, message: NOT_SAVED, errors: { sectionId: PICK_SECTION }, stored: null },
  { name: 'a section id of 20 digits', fields: { sectionId: '99999999999999999999' }, status: 200, message: NOT_SAVED, errors: { sectionId: PICK_SECTION }, stored: null },
  { name: 'a negative section id', fields: { sectionId: '-1' }, status: 200, message: NOT_SAVED, errors: { sectionId: PICK_SECTION }, stored: null },
  { name: 'a slug climbing with ../', fields: { slug: '../../admin/$tag' }, status: 303, stored: { slug: 'admin-$tag', status: 'draft' } },
  { name: 'a slug with encoded dots and slashes', fields: { slug: '%2e%2e%2f%2e%2e%5c$tag' }, status: 303, stored: { slug: '2e-2e-2f-2e-2e-5c$tag', status: 'draft' } },
  { name: 'a slug in Arabic-Indic digits with bidi marks', fields: { slug: '\u202E٢٠٢٦ خبر\u202C $tag' }, status: 303, stored: { slug: '2026-خبر-$tag', status: 'draft' } },
  { name: 'a forged session cookie', session: 'forged', fields: {}, status: 307, stored: null },
  { name: 'a post from another site', headers: { origin: 'https://evil.example' }, fields: {}, status: 403, message: 'طلب مرفوض', stored: null },
];

test.describe('the editor', () => {
  let cookie: string;
  let form: Record<string, string>;
  let sectionId: number;

  test.beforeAll(async ({ playwright }, testInfo) => {
    const { id } = await ensureStaff('editor', `hostile-${testInfo.project.name}`);
    const token = newSessionToken();
    createSession(testDb(), id, hashSessionToken(token), Date.now());
    cookie = `${SESSION_COOKIE}=${token}`;
    const context = await playwright.request.newContext({ baseURL: testInfo.project.use.baseURL });
    form = await hiddenFields(context, '/admin/articles/new', 'id="field-body"', { cookie });
    await context.dispose();
    sectionId = testDb().select().from(sections).where(eq(sections.slug, 'national')).get()!.id;
  });

  editorCases.forEach((c, i) => {
    test(`editor: ${c.name}`, async ({ request }, testInfo) => {
      const tag = tagOf(testInfo, i);
      const fill = (v: string) => v.replace('$tag', tag);
      const fields = Object.fromEntries(
        Object.entries({ title: `مقال عدائي $tag`, body: 'نص المقال.', sectionId: String(sectionId), intent: 'save', ...c.fields }).map(([k, v]) => [k, fill(v)]),
      );
      const response = await request.post('/admin/articles/new', {
        multipart: { ...form, ...fields },
        headers: { cookie: c.session === 'forged' ? `${SESSION_COOKIE}=${newSessionToken()}` : cookie, ...c.headers },
        maxRedirects: 0,
      });
      const html = await safeBody(response, c.name);
      expect(response.status()).toBe(c.status);
      if (c.status === 303) expect(response.headers()['location']).toMatch(/\/admin\/articles\/\d+\?created=1$/);
      if (c.status === 307) expect(response.headers()['location']).toMatch(/\/admin\/login$/);
      if (c.status === 200) expect(liveMessage(html, 'name="version"')).toBe(c.message);
      if (c.status === 403) expect(html).toContain(`<h1>${c.message}</h1>`);
      for (const [field, message] of Object.entries(c.errors ?? {})) expect(textOfId(html, `field-${field}-note`), field).toBe(message);

      const rows = testDb().select().from(articles).where(like(articles.title, `%${tag}%`)).all();
      if (c.stored === null) {
        expect(rows).toEqual([]);
        return;
      }
      expect(rows).toHaveLength(1);
      const row = rows[0]!;
      for (const [column, value] of Object.entries(c.stored)) expect(row[column as keyof typeof row], column).toBe(fill(value));
      expect(row.slug).not.toMatch(/[./\\%]/);
      if (row.status !== 'published') return;
      // Published, everything shows as text: no element the author typed, on the page or in its head.
      const page = await request.get(`/article/${row.id}/${encodeURIComponent(row.slug)}`);
      const article = await safeBody(page, 'article page');
      expect(page.status()).toBe(200);
      const main = article.slice(article.indexOf('<main'), article.indexOf('</main>'));
      expect(decode(main.match(/<h1[^>]*>([\s\S]*?)<\/h1>/)![1]!)).toBe(row.title);
      expect(article).not.toMatch(/<script>window\.__pwned|<img src=x|<iframe|<b>وكالة|<i>وسم|<a [^>]*href="javascript:/);
      expect(article).toContain('&lt;script&gt;window.__pwned=3&lt;/script&gt;');
    });
  });

  test('editor: Arabic-Indic, huge and path-like article ids are not found', async ({ request }) => {
    for (const id of ['%D9%A1', '99999999999999999999', '1e3', '%2e%2e%2f1', '1%00', '%D9%A1/revisions', '99999/preview']) {
      const response = await request.get(`/admin/articles/${id}`, { headers: { cookie }, maxRedirects: 0 });
      const html = await safeBody(response, id);
      expect(response.status(), id).toBe(404);
      expect(html).toContain(NOT_FOUND);
    }
  });
});

// ─── Addresses ─────────────────────────────────────────────────────────────────────────────────

type UrlCase = { name: string; path: string | (() => string); status: number; shows?: string; location?: () => string };

const urlCases: UrlCase[] = [
  { name: 'a page number in Arabic-Indic digits', path: '/section/news/page/%D9%A2', status: 404, shows: NOT_FOUND },
  { name: 'page 0', path: '/section/news/page/0', status: 404, shows: NOT_FOUND },
  { name: 'page -1', path: '/section/news/page/-1', status: 404, shows: NOT_FOUND },
  { name: 'page 1e3', path: '/section/news/page/1e3', status: 404, shows: NOT_FOUND },
  { name: 'a page number of 20 digits', path: '/section/news/page/99999999999999999999', status: 404, shows: NOT_FOUND },
  { name: 'a page number with a NUL byte', path: '/section/news/page/2%00', status: 404, shows: NOT_FOUND },
  { name: 'an article id that is not a number', path: '/article/abc/slug', status: 404, shows: NOT_FOUND },
  { name: 'an article id of 20 digits', path: '/article/99999999999999999999/x', status: 404, shows: NOT_FOUND },
  { name: 'an article id in Arabic-Indic digits', path: '/article/%D9%A1/x', status: 404, shows: NOT_FOUND },
  { name: 'a hexadecimal article id', path: '/article/0x1/x', status: 404, shows: NOT_FOUND },
  { name: 'a double-encoded dot-dot slug moves to the real address', path: () => `/article/${sampleArticlePath().id}/%252e%252e%252fadmin`, status: 308, location: () => {
      const row = sampleArticleRow(testDb());
      return `/article/${row.id}/${encodeURIComponent(row.slug)}`;
    } },
  { name: 'an encoded ../ in a section slug', path: '/section/..%2F..%2Fetc%2Fpasswd', status: 404, shows: NOT_FOUND },
  { name: 'an encoded ../ in a tag', path: '/tag/%2e%2e%2f%2e%2e%2fadmin', status: 404, shows: NOT_FOUND },
  { name: 'an encoded ../ to the database from the media folder', path: '/media/..%2F..%2Fportal.db', status: 404 },
  { name: 'invalid UTF-8 (%C3%28)', path: '/section/%C3%28', status: 400, shows: NOT_FOUND },
  { name: 'an overlong UTF-8 slash (%C0%AF)', path: '/article/1/%C0%AF..%C0%AFadmin', status: 400, shows: NOT_FOUND },
  { name: 'a NUL byte in a section slug', path: '/section/news%00', status: 404, shows: NOT_FOUND },
  { name: 'a NUL byte in an author slug', path: '/author/%00admin', status: 404, shows: NOT_FOUND },
  { name: 'a path of 20,000 characters', path: `/section/${'ب'.repeat(3_000)}${'x'.repeat(2_000)}`, status: 404, shows: NOT_FOUND },
  { name: 'an address over 64 KB', path: `/section/${'x'.repeat(70_000)}`, status: 431, shows: 'الطلب أكبر من المسموح به' },
];

test.describe('addresses', () => {
  for (const c of urlCases) {
    test(`url: ${c.name}`, async ({ request }) => {
      const path = typeof c.path === 'function' ? c.path() : c.path;
      const response = await request.get(path, { maxRedirects: 0 });
      const html = await safeBody(response, c.name);
      expect(response.status()).toBe(c.status);
      if (c.shows) expect(decode(html.match(/<h1[^>]*>([\s\S]*?)<\/h1>/)?.[1] ?? '')).toBe(c.shows);
      if (c.location) {
        // Next sends the same Location twice on a redirect from a page; every copy must be the right one.
        const locations = response.headersArray().filter((h) => h.name.toLowerCase() === 'location').map((h) => h.value);
        expect(locations.length).toBeGreaterThan(0);
        for (const location of locations) expect(location).toBe(c.location());
      }
    });
  }
});

// ─── Search ────────────────────────────────────────────────────────────────────────────────────

type SearchCase = { name: string; query: string; status: number; heading?: string; shows?: string };

const EMPTY = 'اكتب كلمة أو أكثر للبحث في عناوين الأخبار ونصوصها ووسومها.';
const q = (text: string) => `q=${encodeURIComponent(text)}`;
const searchCases: SearchCase[] = [
  { name: 'a lone double quote', query: q('"'), status: 200, heading: 'نتائج البحث عن «"»' },
  { name: 'an unbalanced quote around words', query: q('"بوتين علييف'), status: 200, heading: 'نتائج البحث عن «"بوتين علييف»' },
  { name: 'a lone star', query: q('*'), status: 200, heading: 'نتائج البحث عن «*»' },
  { name: 'NEAR( unclosed', query: q('NEAR(بوتين'), status: 200, heading: 'نتائج البحث عن «NEAR(بوتين»' },
  { name: 'OR alone', query: q('OR'), status: 200, heading: 'نتائج البحث عن «OR»' },
  { name: 'a leading minus and a column filter', query: q('-بوتين title:x'), status: 200, heading: 'نتائج البحث عن «-بوتين title:x»' },
  { name: 'SQL in the query', query: q("'; DROP TABLE articles; --"), status: 200, heading: "نتائج البحث عن «'; DROP TABLE articles; --»" },
  { name: 'a script in the query is shown as text', query: q('<script>alert(1)</script>'), status: 200, heading: 'نتائج البحث عن «<script>alert(1)</script>»' },
  { name: 'a query of 10 KB of Arabic', query: q('كلمة '.repeat(2_100)), status: 200, shows: 'طلب البحث طويل، فاستُعملت بداياته فقط.' },
  { name: 'control characters only', query: 'q=%01%07%1B%00', status: 200, shows: EMPTY },
  { name: 'invalid UTF-8 in the query', query: 'q=%C3%28%C0%AF', status: 200, heading: 'نتائج البحث عن «\uFFFD(\uFFFD\uFFFD»' },
  { name: 'a malformed escape in the query', query: 'q=%ZZبوتين', status: 200, heading: 'نتائج البحث عن «%ZZبوتين»' },
  { name: 'two queries (q=a&q=b) use the first', query: `${q('بوتين')}&${q('علييف')}`, status: 200, heading: 'نتائج البحث عن «بوتين»' },
  { name: 'q as an array (q[]=)', query: 'q[]=x', status: 200, shows: EMPTY },
  { name: 'a page number in Arabic-Indic digits', query: `${q('بوتين')}&page=%D9%A2`, status: 404, heading: NOT_FOUND },
  { name: 'page 0', query: `${q('بوتين')}&page=0`, status: 404, heading: NOT_FOUND },
  { name: 'page 1e3', query: `${q('بوتين')}&page=1e3`, status: 404, heading: NOT_FOUND },
  { name: 'a page number with a NUL byte', query: `${q('بوتين')}&page=1%00`, status: 404, heading: NOT_FOUND },
  { name: 'two page numbers use the first', query: `${q('بوتين')}&page=1&page=999`, status: 200, heading: 'نتائج البحث عن «بوتين»' },
];

test.describe('search', () => {
  for (const c of searchCases) {
    test(`search: ${c.name}`, async ({ request }) => {
      const response = await request.get(`/search?${c.query}`);
      const html = await safeBody(response, c.name);
      expect(response.status()).toBe(c.status);
      if (c.heading) expect(decode(html.match(/<h1[^>]*>([\s\S]*?)<\/h1>/)?.[1] ?? '')).toBe(c.heading);
      if (c.shows) expect(decode(html)).toContain(c.shows);
      expect(html).not.toContain('<script>alert(1)</script>');
    });
  }
});

// ─── What a person sees ────────────────────────────────────────────────────────────────────────

test.describe('in the browser', () => {
  test('page: a name with a bidi override and a script is held for review and shown as text', async ({ page }, testInfo) => {
    await page.context().setExtraHTTPHeaders({ 'x-forwarded-for': address(testInfo) });
    const tag = tagOf(testInfo, 900);
    await page.goto(sampleArticlePath().path);
    await page.getByRole('textbox', { name: 'التعليق', exact: true }).fill(`<script>window.__pwned=1</script> ${tag}`);
    await page.getByRole('textbox', { name: 'الاسم', exact: true }).fill('\u202Eقارئ<b>عريض</b>');
    await page.getByRole('textbox', { name: 'البريد الإلكتروني', exact: true }).fill(`hostile-${tag}@example.com`);
    await page.waitForTimeout(1200);
    await page.getByRole('button', { name: 'إرسال التعليق' }).click();
    await expect(page.locator('#respond').getByRole('status')).toHaveText(AWAITING);
    await expect(page.locator('#respond').getByText(`<script>window.__pwned=1</script> ${tag}`)).toBeVisible();
    await expect(page.locator('#respond').getByText('قارئ<b>عريض</b>', { exact: true })).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    const [row] = testDb().select().from(comments).where(like(comments.body, `%${tag}%`)).all();
    expect(row).toMatchObject({ authorName: 'قارئ<b>عريض</b>', body: `<script>window.__pwned=1</script> ${tag}` });
  });

  test('page: a section id forged into the editor gets «اختر قسمًا» beside the field, and what was typed stays', async ({ page, context, baseURL }, testInfo) => {
    const { id } = await ensureStaff('editor', `hostile-${testInfo.project.name}`);
    const token = newSessionToken();
    createSession(testDb(), id, hashSessionToken(token), Date.now());
    await context.addCookies([{ name: SESSION_COOKIE, value: token, url: baseURL!, httpOnly: true, sameSite: 'Lax' }]);
    const title = `قسم مزور ${tagOf(testInfo, 901)}`;
    await page.goto('/admin/articles/new');
    await page.getByRole('textbox', { name: 'العنوان', exact: true }).fill(title);
    await page.locator('#field-body').fill('نص.');
    await page.locator('#field-sectionId').evaluate((select: HTMLSelectElement) => {
      select.add(new Option('قسم محذوف', '99999'));
      select.value = '99999';
    });
    await page.getByRole('button', { name: 'حفظ', exact: true }).click();
    await expect(page.locator('#field-sectionId-note')).toHaveText(PICK_SECTION);
    await expect(page.getByRole('status').filter({ hasText: 'لم يُحفظ' })).toHaveText(NOT_SAVED);
    await expect(page.getByRole('textbox', { name: 'العنوان', exact: true })).toHaveValue(title);
    expect(testDb().select().from(articles).where(eq(articles.title, title)).all()).toEqual([]);
  });

  test('page: an address over 64 KB shows the Arabic page', async ({ page }) => {
    const response = await page.goto(`/search?q=${'%D8%A8'.repeat(12_000)}`);
    expect(response!.status()).toBe(431);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('الطلب أكبر من المسموح به');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByRole('link', { name: 'العودة إلى الصفحة الرئيسية' })).toHaveAttribute('href', '/');
  });
});
