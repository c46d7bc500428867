import type { Page } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { type Db, openDb } from '@/db/client';
import { articles } from '@/db/schema';
import { sampleArticle } from '@/db/seed/sample-article';

/** The database the test server runs on (see playwright.config.ts), to check what got stored. */
export function testDb(): Db {
  const file = process.env.E2E_DATABASE_PATH;
  if (!file) throw new Error('E2E_DATABASE_PATH is not set: run the specs through playwright.config.ts');
  return openDb(file);
}

export function sampleArticleRow(db: Db) {
  const row = db.select().from(articles).where(eq(articles.title, sampleArticle.title)).get();
  if (!row) throw new Error('the sample article is missing from the test database');
  return row;
}

/** Body lines of the sample article as a reader sees them (blank lines separate paragraphs). */
export function sampleBodyLines(): string[] {
  return sampleArticle.body
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

export { sampleArticle };

/** The names in the breadcrumb trail, without the separators drawn between them. */
export function breadcrumb(page: Page, label = 'مسار التنقل') {
  return page.getByRole('navigation', { name: label }).locator('li > a, li > [aria-current="page"]');
}

/**
 * Waits until React has hydrated the element: a click before that is a plain form post, which
 * works but is a different path from the one a test means to check. Reader pages load Next's
 * runtime on the first interaction (lib/deferred-scripts.ts): a pointerdown on the page stands for it.
 */
export async function waitForHydration(page: Page, selector = 'form') {
  await page.locator('body').dispatchEvent('pointerdown');
  await page.waitForFunction(
    (s) => {
      const element = document.querySelector(s);
      return !!element && Object.keys(element).some((key) => key.startsWith('__reactProps'));
    },
    selector,
    { timeout: 15_000 },
  );
}
