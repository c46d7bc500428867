import { randomInt } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { readAttempts } from '@/db/queries/login-attempts';
import { getSigningSecret } from '@/db/queries/settings';
import { sessions } from '@/db/schema';
import { hashSessionToken, newSessionToken, SESSION_COOKIE } from '@/lib/session-rules';
import { hashIp } from '@/lib/signing';
import { throttleKeys } from '@/lib/throttle';
import { ADMIN, ensureStaff, signIn } from './admin-helpers';
import { testDb, waitForHydration } from './helpers';

// Random, not counted: each worker process would count from zero, and two tests running side by
// side would then share an address and its failures.
const freshIp = () => `10.${randomInt(200, 250)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;

async function submitLogin(page: import('@playwright/test').Page, email: string, password: string) {
  await waitForHydration(page, 'form:has(input[name="password"])');
  // The previous answer must be on the page first: it re-creates the email field with what was sent
  // (key={state.version}), which would wipe what is typed now. The button reads «دخول» again then.
  await expect(page.getByRole('button', { name: 'دخول', exact: true })).toBeEnabled({ timeout: 20_000 });
  await page.getByRole('textbox', { name: 'البريد الإلكتروني' }).fill(email);
  await page.getByLabel('كلمة المرور').fill(password);
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/admin/login')),
    page.getByRole('button', { name: 'دخول' }).click(),
  ]);
  expect(response.status(), 'the login action answered with a server error').toBeLessThan(500);
  return response;
}

test('a wrong password and an unknown email get the same answer; the right one opens the newsroom', async ({ page, context }, testInfo) => {
  await context.setExtraHTTPHeaders({ 'x-forwarded-for': freshIp() });
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/admin\/login$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('تسجيل الدخول إلى لوحة التحرير');

  const wrong = await submitLogin(page, ADMIN.email, 'not-the-password-123');
  await expect(page.getByRole('alert').filter({ hasText: 'بيانات' })).toHaveText('بيانات الدخول غير صحيحة');
  const unknown = await submitLogin(page, 'nobody@example.com', 'not-the-password-123');
  await expect(page.getByRole('alert').filter({ hasText: 'بيانات' })).toHaveText('بيانات الدخول غير صحيحة');
  expect(unknown.status()).toBe(wrong.status());
  // What was typed stays.
  await expect(page.getByRole('textbox', { name: 'البريد الإلكتروني' })).toHaveValue('nobody@example.com');

  await submitLogin(page, ADMIN.email, ADMIN.password);
  // scrypt is slow on purpose (about 0.3 s of CPU alone); a busy machine takes longer.
  await expect(page).toHaveURL(/\/admin$/, { timeout: 15_000 });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('الرئيسية');
  const cookie = (await context.cookies()).find((c) => c.name === SESSION_COOKIE)!;
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
  // Only the token's hash is stored.
  const stored = testDb().select().from(sessions).where(eq(sessions.tokenHash, hashSessionToken(cookie.value))).get();
  expect(stored).toBeTruthy();
  expect(testDb().select().from(sessions).where(eq(sessions.tokenHash, cookie.value)).get()).toBeUndefined();

  // Logging out deletes the session on the server.
  await page.getByRole('button', { name: 'تسجيل الخروج' }).click();
  await expect(page).toHaveURL(/\/admin\/login$/);
  expect(testDb().select().from(sessions).where(eq(sessions.id, stored!.id)).get()).toBeUndefined();
  await page.goto('/admin/articles');
  await expect(page).toHaveURL(/\/admin\/login$/);
});

test('admin responses are private, never stored and not indexed', async ({ page, context, baseURL, request }) => {
  await signIn(context, 'editor', baseURL!);
  const response = await page.goto('/admin');
  expect(response!.headers()['cache-control']).toMatch(/private/);
  expect(response!.headers()['cache-control']).toMatch(/no-store/);
  expect(response!.headers()['x-robots-tag']).toContain('noindex');
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  const login = await request.get('/admin/login');
  expect(login.headers()['x-robots-tag']).toContain('noindex');
});

test('expired, idle, forged, truncated and oversized session cookies are simply logged out', async ({ request }) => {
  const { id } = await ensureStaff('editor');
  const db = testDb();
  const now = Date.now();
  const idle = newSessionToken();
  db.insert(sessions).values({ userId: id, tokenHash: hashSessionToken(idle), createdAt: now - 3_600_000, lastSeenAt: now - 9 * 3_600_000 }).run();
  const old = newSessionToken();
  db.insert(sessions).values({ userId: id, tokenHash: hashSessionToken(old), createdAt: now - 8 * 86_400_000, lastSeenAt: now - 60_000 }).run();
  const fresh = newSessionToken();
  for (const value of [idle, old, newSessionToken(), fresh.slice(0, 20), `${fresh}${'A'.repeat(6000)}`, 'not a token', '%00%ff', '../../etc/passwd']) {
    const response = await request.get('/admin', { headers: { cookie: `${SESSION_COOKIE}=${value}` }, maxRedirects: 0 });
    expect(response.status(), value.slice(0, 20)).toBe(307);
    expect(response.headers()['location']).toMatch(/\/admin\/login$/);
  }
  // The expired sessions were removed when they were presented.
  expect(db.select().from(sessions).where(eq(sessions.tokenHash, hashSessionToken(idle))).get()).toBeUndefined();
  expect(db.select().from(sessions).where(eq(sessions.tokenHash, hashSessionToken(old))).get()).toBeUndefined();
});

test('repeated failures slow down, then block that address for a while; the account still opens from elsewhere', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  // An account of its own per project: the account's failures slow every attempt on it, by design.
  const { email } = await ensureStaff('author', `throttled-${testInfo.project.name}-${testInfo.repeatEachIndex}-${testInfo.retry}`);
  const ip = freshIp();
  const attacker = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': ip } });
  const page = await attacker.newPage();
  await page.goto('/admin/login');
  // Each failure must be counted before the next: wait for the stored count, since the alert on the
  // page still shows the previous answer for a moment; an answer «busy» (database locked by another
  // test's writes) counts nothing and is tried again.
  const db = testDb();
  const pair = throttleKeys(hashIp(getSigningSecret(db), ip), email).pair;
  const storedFailures = () => readAttempts(db, { ip: '-', account: '-', pair }).get(pair)?.failures ?? 0;
  for (let i = 0; i < 5; i++) {
    for (let tries = 0; tries < 3 && storedFailures() < i + 1; tries++) {
      await submitLogin(page, email, `wrong-password-${i}-xx`);
      await expect.poll(storedFailures, { timeout: 3_000 }).toBe(i + 1).catch(() => undefined);
    }
    expect(storedFailures(), `attempt ${i + 1} was counted`).toBe(i + 1);
    await expect(page.locator('form [role="alert"]'), `attempt ${i + 1}`).toHaveText(/بيانات الدخول غير صحيحة/, { timeout: 20_000 });
  }
  db.$client.close();
  await submitLogin(page, email, 'staff-password-for-tests');
  await expect(page.getByRole('alert').filter({ hasText: 'محاولات' })).toContainText('محاولات كثيرة غير ناجحة', { timeout: 15_000 });
  await expect(page).toHaveURL(/\/admin\/login$/);
  await attacker.close();

  const colleague = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': freshIp() } });
  const other = await colleague.newPage();
  await other.goto('/admin/login');
  await submitLogin(other, email, 'staff-password-for-tests');
  // Five failures on the account slow it (up to 5 s), but never block it.
  await expect(other).toHaveURL(/\/admin$/, { timeout: 15_000 });
  await colleague.close();
});
