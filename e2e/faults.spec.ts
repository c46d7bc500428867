import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { eq, sql } from 'drizzle-orm';
import { type Db, openDb } from '@/db/client';
import { createSession } from '@/db/queries/sessions';
import { setSetting } from '@/db/queries/settings';
import { getStaffByEmail } from '@/db/queries/staff';
import { articles, comments, loginAttempts } from '@/db/schema';
import { hashSessionToken, newSessionToken, SESSION_COOKIE } from '@/lib/session-rules';
import { fillEditor } from './admin-helpers';
import { fillComment, hiddenFields } from './comment-helpers';
import { sampleArticleRow, waitForHydration } from './helpers';
import { type OwnServer, ownServer, removeOwnServer } from './own-server';

// Faults that would disturb every other test, so on a server of their own: a database locked by
// another process beyond the wait, a full disk, a stale schema, and SIGTERM with a request in flight.

const BUSY = 'الخدمة مشغولة، حاول مجددًا.';

test.describe.configure({ mode: 'serial' });

let server: OwnServer;
let db: Db;
let articlePath: string;
let token: string;

test.beforeAll(async ({}, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'one run is enough: the faults are the server’s');
  test.setTimeout(120_000);
  server = ownServer(testInfo);
  await server.start();
  db = openDb(server.databasePath);
  setSetting(db, 'comments.minSecondsToSubmit', 1);
  const sample = sampleArticleRow(db);
  articlePath = `/article/${sample.id}/${sample.slug}`;
  token = newSessionToken();
  createSession(db, getStaffByEmail(db, 'admin@example.com')!.id, hashSessionToken(token), Date.now());
});

test.afterEach(async ({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('server output', { body: server.output().slice(-20_000) });
});

test.afterAll(async () => {
  db?.$client.close();
  await server?.kill('SIGTERM');
  if (server) removeOwnServer(server);
});

async function sendComment(page: Page, body: string, email: string) {
  await page.goto(`${server.url}${articlePath}`);
  await waitForHydration(page, 'form:has(textarea[name="body"])');
  await fillComment(page, { body, name: 'قارئة صبورة', email });
  // Typing asks for a fresh form token; under the lock that answer can come late, and a token
  // younger than the minimum time is treated as a robot's (answered "held", nothing stored).
  await page.waitForTimeout(3500);
  await page.getByRole('button', { name: 'إرسال التعليق' }).click();
}

const commentsOf = (email: string) => db.select().from(comments).where(eq(comments.authorEmail, email)).all();

test('a database locked beyond the wait: writers get «الخدمة مشغولة» with their text kept, readers are served', async ({ page, context, request }) => {
  test.setTimeout(120_000);
  await context.setExtraHTTPHeaders({ 'x-forwarded-for': '10.98.0.1' });
  await context.addCookies([{ name: SESSION_COOKIE, value: token, url: server.url, httpOnly: true, sameSite: 'Lax' }]);
  const locker = openDb(server.databasePath, 0);
  locker.$client.exec('BEGIN EXCLUSIVE');
  try {
    // Readers: pages already cached and pages rendered now.
    for (const path of ['/', articlePath, '/search?q=أذربيجان', '/en']) {
      const response = await request.get(`${server.url}${path}`);
      expect(response.status(), path).toBe(200);
    }

    await sendComment(page, 'تعليق كُتب والقاعدة مقفلة', 'locked@example.com');
    await expect(page.locator('#respond')).toContainText(BUSY, { timeout: 15_000 });
    await expect(page.getByRole('textbox', { name: 'التعليق', exact: true })).toHaveValue('تعليق كُتب والقاعدة مقفلة');

    await page.goto(`${server.url}/admin/articles/new`);
    await waitForHydration(page, 'form:has(textarea[name="body"])');
    await fillEditor(page, { title: 'مقال كُتب والقاعدة مقفلة', body: 'نص المقال.' });
    await page.getByRole('button', { name: 'نشر', exact: true }).click();
    await expect(page.getByText(BUSY)).toBeVisible({ timeout: 15_000 });
    await expect(page.getByRole('textbox', { name: 'العنوان', exact: true })).toHaveValue('مقال كُتب والقاعدة مقفلة');
  } finally {
    locker.$client.exec('ROLLBACK');
    locker.$client.close();
  }
  expect(commentsOf('locked@example.com')).toHaveLength(0);
  expect(db.select().from(articles).where(eq(articles.title, 'مقال كُتب والقاعدة مقفلة')).all()).toHaveLength(0);

  // Once the lock is gone the same form goes through.
  await page.goto(`${server.url}${articlePath}`);
  await sendComment(page, 'تعليق بعد فك القفل', 'locked@example.com');
  await expect(page.getByRole('status').filter({ hasText: 'تعليقك بانتظار المراجعة' })).toBeVisible({ timeout: 15_000 });
  expect(commentsOf('locked@example.com')).toHaveLength(1);
  // One line per refusal in the log, with its request id.
  expect(server.output()).toMatch(/"event":"storage-unavailable","rid":"[\w-]+","code":"SQLITE_BUSY/);

  // The editor, too, goes through now; the staff action is one log line with its request id.
  await page.goto(`${server.url}/admin/articles/new`);
  await waitForHydration(page, 'form:has(textarea[name="body"])');
  await fillEditor(page, { title: 'مقال بعد فك القفل', body: 'نص المقال.' });
  await page.getByRole('button', { name: 'نشر', exact: true }).click();
  await expect(page).toHaveURL(/created=1/, { timeout: 15_000 });
  expect(server.output()).toMatch(/"event":"staff-action","rid":"[\w-]+","userId":\d+,"action":"article.create","entity":"article:\d+"/);
});

test('a full disk: the comment is refused with «الخدمة مشغولة», nothing half-written, readers served', async ({ page, context, request }) => {
  test.setTimeout(90_000);
  await context.setExtraHTTPHeaders({ 'x-forwarded-for': '10.98.0.2' });
  const full = await request.post(`${server.url}/api/test-hooks/disk-full`, { data: { full: true } });
  expect(full.ok()).toBe(true);
  try {
    const long = 'تعليق طويل يحتاج إلى صفحات جديدة في الملف. '.repeat(120);
    await sendComment(page, long, 'full@example.com');
    await expect(page.locator('#respond')).toContainText(BUSY, { timeout: 15_000 });
    await expect(page.getByRole('textbox', { name: 'التعليق', exact: true })).toHaveValue(long);
    expect((await request.get(`${server.url}/`)).status()).toBe(200);
    expect((await request.get(`${server.url}${articlePath}`)).status()).toBe(200);
  } finally {
    await request.post(`${server.url}/api/test-hooks/disk-full`, { data: { full: false } });
  }
  expect(commentsOf('full@example.com')).toHaveLength(0);
  expect(server.output()).toContain('SQLITE_FULL');
  expect(db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
});

test('health: 200 with the database and its migrations current, 503 when a migration is missing; no secrets', async ({ request }) => {
  const ok = await request.get(`${server.url}/api/health`);
  expect(ok.status()).toBe(200);
  expect(ok.headers()['cache-control']).toContain('no-store');
  const body = await ok.json();
  expect(body).toMatchObject({ status: 'ok', database: 'ok', migrations: { current: true } });
  const text = JSON.stringify(body);
  for (const secret of [server.databasePath, 'admin@example.com', 'admin-password', 'portal.db']) expect(text).not.toContain(secret);

  const newest = db.get<{ hash: string; created_at: number }>(sql`select hash, created_at from __drizzle_migrations order by created_at desc limit 1`);
  db.run(sql`delete from __drizzle_migrations where created_at = ${newest.created_at}`);
  try {
    const behind = await request.get(`${server.url}/api/health`);
    expect(behind.status()).toBe(503);
    expect(await behind.json()).toMatchObject({ status: 'unavailable', migrations: { current: false } });
  } finally {
    db.run(sql`insert into __drizzle_migrations (hash, created_at) values (${newest.hash}, ${newest.created_at})`);
  }
  expect((await request.get(`${server.url}/api/health`)).status()).toBe(200);
});

test('no email, password or session token ever reaches the log', async () => {
  const printed = server.output();
  expect(printed).not.toMatch(/[\w.-]+@example\.com/);
  expect(printed).not.toContain(token);
  expect(printed).not.toContain('admin-password-for-tests');
  // Staff actions are logged (the admin's session was used above).
  for (const line of printed.split('\n').filter((l) => l.startsWith('{'))) expect(() => JSON.parse(line)).not.toThrow();
});

test('SIGTERM: the request in flight is answered, then the database is closed cleanly', async ({ request }) => {
  // A login to an account with many recent failures is slowed on purpose (5 s): a request that is
  // surely still in flight when the signal comes.
  const email = 'slowed@example.com';
  db.insert(loginAttempts).values({ key: `account:${email}`, failures: 12, windowStart: Date.now(), blockedUntil: null }).run();
  db.$client.close();
  const loginPage = `${server.url}/admin/login`;
  const headers = { 'x-forwarded-for': '10.98.0.3' };
  const fields = hiddenFields(await (await request.get(loginPage, { headers })).text(), 'name="password"');
  const inFlight = request
    .post(loginPage, { multipart: { ...fields, email, password: 'wrong-password-123' }, headers, maxRedirects: 0 })
    .then(async (r) => ({ status: r.status(), text: await r.text() }));
  await new Promise((r) => setTimeout(r, 1_000));
  const exit = server.kill('SIGTERM');
  const response = await inFlight;
  expect(response.status).toBe(200);
  expect(response.text).toContain('بيانات الدخول غير صحيحة');
  expect(await exit).toBe(0);
  // The last connection closed cleanly: SQLite checkpointed and removed the write-ahead log.
  expect(fs.existsSync(`${server.databasePath}-wal`)).toBe(false);
  db = openDb(server.databasePath);
  expect(db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
});
