import type { BrowserContext, Page, TestInfo } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { createSession } from '@/db/queries/sessions';
import { getStaffByEmail, setPasswordHash } from '@/db/queries/staff';
import { createUser } from '@/db/queries/users';
import { articles, type UserRole } from '@/db/schema';
import { hashPassword } from '@/lib/password';
import { hashSessionToken, newSessionToken, SESSION_COOKIE } from '@/lib/session-rules';
import { testDb } from './helpers';

// Staff for the end-to-end tests. The admin comes from ADMIN_EMAIL/ADMIN_PASSWORD (playwright.config.ts);
// an editor and an author are added here. Most tests log in by creating a session directly, like
// the login page does; the login journey itself goes through the form.

export const ADMIN = { email: 'admin@example.com', password: 'admin-password-for-tests' };
export const PASSWORD = 'staff-password-for-tests';

/** A staff member with this role (`who` names a separate account, e.g. one per project). */
export async function ensureStaff(role: UserRole, who: string = role): Promise<{ id: number; email: string }> {
  const email = `${who}@example.com`;
  const db = testDb();
  const existing = getStaffByEmail(db, email);
  if (existing) return { id: existing.id, email };
  const hash = await hashPassword(PASSWORD);
  try {
    const user = createUser(db, { email, displayName: role === 'editor' ? 'محررة الاختبار' : 'كاتب الاختبار', slug: `test-${who}`, role });
    setPasswordHash(db, user.id, hash);
    return { id: user.id, email };
  } catch {
    // created by a parallel worker a moment ago
    return { id: getStaffByEmail(db, email)!.id, email };
  }
}

/** A session for this staff member, set as the browser's cookie (what a successful login does). */
export async function signIn(context: BrowserContext, role: UserRole, baseURL: string): Promise<{ id: number; token: string }> {
  const { id } = role === 'admin' ? { id: getStaffByEmail(testDb(), ADMIN.email)!.id } : await ensureStaff(role);
  const token = newSessionToken();
  createSession(testDb(), id, hashSessionToken(token), Date.now());
  await context.addCookies([{ name: SESSION_COOKIE, value: token, url: baseURL, httpOnly: true, sameSite: 'Lax' }]);
  return { id, token };
}

export function uniqueTitle(testInfo: TestInfo, label: string): string {
  return `${label} ${testInfo.project.name} ${testInfo.testId.slice(0, 6)} ${Date.now() % 100000}`;
}

export function articleByTitle(title: string) {
  return testDb().select().from(articles).where(eq(articles.title, title)).get();
}

/** Fills the editor's required fields and picks a section. */
export async function fillEditor(page: Page, values: { title: string; body: string; section?: string; tags?: string }) {
  await page.getByRole('textbox', { name: 'العنوان', exact: true }).fill(values.title);
  await page.locator('#field-body').fill(values.body);
  await page.locator('#field-sectionId').selectOption({ label: values.section ?? '— أخبار وطنية' });
  if (values.tags) await page.locator('#field-tags').fill(values.tags);
}
