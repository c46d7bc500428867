import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { and, desc, eq, gte } from 'drizzle-orm';
import { insertComment } from '@/db/queries/comments';
import { articleRevisions, articleTags, comments, sections, tags, users } from '@/db/schema';
import { hashBody } from '@/lib/signing';
import { signIn } from './admin-helpers';
import { moderate } from './comment-helpers';
import { sampleArticleRow, testDb } from './helpers';

// Accessibility: axe-core on every reader page and every admin screen, in both interfaces, plus
// the structure checks a validator would make offline on reader pages. Each test visits a group of
// pages and reports everything it found at the end, so one run lists every problem.

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
// Rules axe still calls experimental run only when asked. label-content-name-mismatch is the one
// behind the example (reply links whose accessible name lacks their visible text);
// p-as-heading catches bold paragraphs standing in for headings.
const EXPERIMENTAL = ['label-content-name-mismatch', 'p-as-heading'];

const LOCALES = [
  { locale: 'ar', prefix: '', dir: 'rtl' },
  { locale: 'en', prefix: '/en', dir: 'ltr' },
] as const;

type Found = { page: string; problems: string[] };

/** The pages the spec visits, found in the test database around the sample article. */
function fixtures() {
  const db = testDb();
  const article = sampleArticleRow(db);
  const all = db.select().from(sections).all();
  let top = all.find((s) => s.id === article.sectionId)!;
  while (top.parentId) top = all.find((s) => s.id === top.parentId)!;
  const leaf = all.find((s) => s.id === article.sectionId)!;
  const tag = db
    .select({ slug: tags.slug })
    .from(articleTags)
    .innerJoin(tags, eq(tags.id, articleTags.tagId))
    .where(eq(articleTags.articleId, article.id))
    .get()!;
  const author = db.select().from(users).where(eq(users.id, article.authorId)).get()!;
  return { article, top, leaf, tag, author };
}

/**
 * The sample article shows an approved comment with an approved reply (the seed has a thread; this
 * adds one if it ever goes), and the moderation queue has one comment waiting, so both get checked.
 */
async function commentsToShow(request: import('@playwright/test').APIRequestContext, articleId: number) {
  const db = testDb();
  const reply = db
    .select()
    .from(comments)
    .where(and(eq(comments.articleId, articleId), eq(comments.status, 'approved'), gte(comments.depth, 1)))
    .get();
  const common = { articleId, authorEmail: 'a11y@example.com', ipHash: 'a11y', createdAt: Date.now() - 120_000 };
  if (!reply) {
    const first = insertComment(db, { ...common, authorName: 'قارئ الإتاحة', body: 'تعليق لفحص الإتاحة', bodyHash: hashBody('تعليق لفحص الإتاحة'), status: 'approved' });
    if (!first.ok) throw new Error('could not add a comment');
    const second = insertComment(db, {
      ...common,
      parentId: first.id,
      depth: 1,
      authorName: 'Reader',
      body: 'رد لفحص الإتاحة',
      bodyHash: hashBody('رد لفحص الإتاحة'),
      status: 'approved',
    });
    if (!second.ok) throw new Error('could not add a reply');
    await moderate(request, second.id, 'approved'); // revalidates the article
  }
  const waiting = db.select().from(comments).where(and(eq(comments.status, 'pending'), eq(comments.authorEmail, 'a11y-pending@example.com'))).get();
  if (!waiting) {
    insertComment(db, { ...common, authorEmail: 'a11y-pending@example.com', authorName: 'قارئ ينتظر', body: 'تعليق بانتظار المراجعة لفحص الإتاحة', bodyHash: hashBody('تعليق بانتظار المراجعة لفحص الإتاحة'), status: 'pending' });
  }
}

/** An older revision of the sample article, so the revisions screen also shows a comparison. */
function revisionToCompare(articleId: number): number {
  const db = testDb();
  const existing = db.select().from(articleRevisions).where(eq(articleRevisions.articleId, articleId)).orderBy(desc(articleRevisions.id)).get();
  if (existing) return existing.id;
  const article = sampleArticleRow(db);
  return db
    .insert(articleRevisions)
    .values({
      articleId,
      userId: article.authorId,
      version: 0,
      title: `${article.title} (مسودة)`,
      deck: article.deck,
      source: article.source,
      excerpt: article.excerpt,
      slug: article.slug,
      sectionId: article.sectionId,
      tags: '[]',
      body: article.body.slice(0, 400),
    })
    .returning({ id: articleRevisions.id })
    .get().id;
}

async function axe(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    // Only violations are read, so only their details are kept (much faster on long admin lists).
    .options({ resultTypes: ['violations'], rules: Object.fromEntries(EXPERIMENTAL.map((id) => [id, { enabled: true }])) })
    .withTags(TAGS)
    // axe.run in the page itself: the portal has no frames to reach, and the default (a partial run
    // per frame, finished in a second page) takes five times as long on the same pages.
    .setLegacyMode(true)
    .analyze();
  return results.violations.map((v) => {
    const nodes = v.nodes
      .slice(0, 6)
      .map((n) => `      ${n.target.join(' ')}  ${n.html.replace(/\s+/g, ' ').slice(0, 140)}`)
      .join('\n');
    const more = v.nodes.length > 6 ? `\n      … and ${v.nodes.length - 6} more` : '';
    return `  ${v.id} (${v.impact}): ${v.help}\n${nodes}${more}`;
  });
}

/**
 * WCAG 2.5.3 (label in name) for links and buttons that carry their own name: the name must contain
 * the words shown. axe's rule for it is experimental and passes any <button> (and so misses e.g. an
 * Arabic «رد» link named only in English); this checks every such control the same way.
 */
async function labelInName(page: Page): Promise<string[]> {
  const found = await page.evaluate(() => {
    const words = (text: string) => text.toLowerCase().replace(/[\p{P}\p{S}\s]+/gu, ' ').trim();
    const out: string[] = [];
    const controls = document.querySelectorAll<HTMLElement>(
      'a[aria-label], a[aria-labelledby], button[aria-label], button[aria-labelledby], [role="button"][aria-label], [role="link"][aria-label]',
    );
    for (const el of controls) {
      if (!el.checkVisibility({ visibilityProperty: true })) continue;
      const shown = words(el.innerText);
      if (!shown) continue;
      const labelledBy = el.getAttribute('aria-labelledby');
      const name = labelledBy
        ? labelledBy.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ')
        : (el.getAttribute('aria-label') ?? '');
      if (!words(name).includes(shown)) out.push(`«${el.innerText.trim()}» is named «${name}»  ${el.outerHTML.slice(0, 120)}`);
    }
    return out;
  });
  return found.map((f) => `  label-in-name: ${f}`);
}

/** Ids used twice (axe 4.13 no longer checks this; labels, aria-* references and #links rely on them). */
async function duplicateIds(page: Page): Promise<string[]> {
  const twice = await page.evaluate(() => {
    const count = new Map<string, number>();
    for (const el of document.querySelectorAll('[id]')) count.set(el.id, (count.get(el.id) ?? 0) + 1);
    return [...count].filter(([, n]) => n > 1).map(([id, n]) => `#${id} ×${n}`);
  });
  return twice.map((id) => `  duplicate-id: ${id}`);
}

/** The structure a validator checks on reader pages: headings, landmarks, names, language, image sizes. */
async function structure(page: Page, locale: string, dir: string): Promise<string[]> {
  const problems: string[] = [];
  const check = (ok: boolean, message: string) => {
    if (!ok) problems.push(`  structure: ${message}`);
  };
  const html = page.locator('html');
  check((await html.getAttribute('lang')) === locale, `<html lang> is ${await html.getAttribute('lang')}, expected ${locale}`);
  check((await html.getAttribute('dir')) === dir, `<html dir> is ${await html.getAttribute('dir')}, expected ${dir}`);
  const h1 = await page.locator('h1, [role="heading"][aria-level="1"]').count();
  check(h1 === 1, `${h1} h1 headings, expected exactly one`);
  for (const [role, name] of [
    ['main', 'main'],
    ['banner', 'header (banner)'],
    ['contentinfo', 'footer (contentinfo)'],
  ] as const) {
    const n = await page.getByRole(role).count();
    check(n === 1, `${n} ${name} landmarks, expected one`);
  }
  check((await page.getByRole('navigation').count()) >= 1, 'no navigation landmark');

  const controls = page.locator('input:not([type="hidden"]), select, textarea');
  for (let i = 0; i < (await controls.count()); i++) {
    const control = controls.nth(i);
    // The honeypot is hidden from everyone on purpose (and labelled all the same); a control not
    // rendered at this width (the header's search field on a phone) is not there for anyone.
    if (await control.evaluate((el) => !!el.closest('[aria-hidden="true"]') || el.getClientRects().length === 0)) continue;
    const name = await control.evaluate((el) => (el as HTMLElement).id || (el as HTMLInputElement).name);
    try {
      await expect(control).toHaveAccessibleName(/\S/, { timeout: 1000 });
    } catch {
      problems.push(`  structure: control #${name} has no accessible name`);
    }
  }

  const unsized = await page.locator('img').evaluateAll((imgs) =>
    imgs.filter((img) => !img.getAttribute('width') || !img.getAttribute('height')).map((img) => img.getAttribute('src') ?? ''),
  );
  check(unsized.length === 0, `images without width and height: ${unsized.join(', ')}`);

  // Layout shift as the browser measures it, from the first paint to now: none at all. Images carry
  // their size and the site loads no web font (app/globals.css), so no text is drawn twice.
  const shifts = await page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const seen: string[] = [];
        type Shift = PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: { node?: Node }[] };
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as Shift[]) {
            if (entry.hadRecentInput) continue;
            const what = (entry.sources ?? []).map((s) => (s.node instanceof Element ? s.node.outerHTML.slice(0, 80) : (s.node?.textContent ?? '').slice(0, 40)));
            seen.push(`${entry.value.toFixed(4)} at ${Math.round(entry.startTime)} ms: ${what.join(' | ')}`);
          }
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(seen), 300);
      }),
  );
  // Under a loaded CI machine a header island once moved by 0.0009 after hydration (English article
  // page): below what Lighthouse reports as CLS 0.00; anything visible (>= 0.005) fails.
  const total = shifts.reduce((sum, line) => sum + Number(line.split(' ')[0]), 0);
  check(total < 0.005, `layout shifts:\n      ${shifts.join('\n      ')}`);
  return problems;
}

async function visit(page: Page, path: string, expectStatus = 200) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(expectStatus);
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => document.fonts.ready);
}

function report(found: Found[]): string {
  return found
    .filter((f) => f.problems.length > 0)
    .map((f) => `${f.page}\n${f.problems.join('\n')}`)
    .join('\n\n');
}

/** Visits each page and runs every check on it; the test fails once, at the end, with all that was found. */
async function checkPages(page: Page, paths: { path: string; status?: number; reader: boolean }[], locale: string, dir: string): Promise<Found[]> {
  const found: Found[] = [];
  for (const { path, status, reader } of paths) {
    await visit(page, path, status);
    // Structure first: its layout-shift reading must not include anything axe does to the page.
    const problems = reader ? await structure(page, locale, dir) : [];
    problems.push(...(await axe(page)), ...(await labelInName(page)), ...(await duplicateIds(page)));
    // WCAG 1.4.10 (reflow): nothing makes the page wider than the screen, on a phone too.
    const width = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    if (width.scroll > width.client) problems.push(`  reflow: the page is ${width.scroll} px wide on a ${width.client} px screen`);
    if (!reader) {
      // Admin screens: the language and direction, at least.
      if ((await page.locator('html').getAttribute('lang')) !== locale) problems.push(`  structure: <html lang> is not ${locale}`);
      if ((await page.locator('html').getAttribute('dir')) !== dir) problems.push(`  structure: <html dir> is not ${dir}`);
    }
    found.push({ page: path, problems });
  }
  return found;
}

for (const { locale, prefix, dir } of LOCALES) {
  test.describe(`accessibility (${locale})`, () => {
    // Slow moments on a shared machine: each test visits several pages.
    test.describe.configure({ timeout: 180_000 });

    test(`front page, section fronts and the article with its comments (${locale})`, async ({ page, request }) => {
      const { article, top, leaf } = fixtures();
      await commentsToShow(request, article.id);
      const articleUrl = `${prefix}/article/${article.id}/${article.slug}`;
      const found = await checkPages(
        page,
        [prefix || '/', `${prefix}/section/${top.slug}`, `${prefix}/section/${leaf.slug}`, articleUrl].map((path) => ({ path, reader: true })),
        locale,
        dir,
      );
      // The article (checked last) showed a thread: a comment and a reply inside it, with their «رد» links.
      await expect(page.locator('#comments ol ol article').first()).toBeVisible();
      expect(report(found), 'accessibility problems').toBe('');
    });

    test(`search, tag, author and 404 pages (${locale})`, async ({ page }) => {
      const { tag, author } = fixtures();
      const found = await checkPages(
        page,
        [
          { path: `${prefix}/search?q=${encodeURIComponent('أذربيجان')}`, reader: true },
          { path: `${prefix}/search?q=${encodeURIComponent('كلمةلاتوجدأبدا')}`, reader: true },
          { path: `${prefix}/search`, reader: true },
          { path: `${prefix}/tag/${encodeURIComponent(tag.slug)}`, reader: true },
          { path: `${prefix}/author/${encodeURIComponent(author.slug)}`, reader: true },
          { path: `${prefix}/no-such-page-for-a11y`, status: 404, reader: true },
        ],
        locale,
        dir,
      );
      expect(report(found), 'accessibility problems').toBe('');
    });

    test(`admin login, dashboard and article screens (${locale})`, async ({ page, context, baseURL, request }) => {
      const { article } = fixtures();
      await commentsToShow(request, article.id);
      const revision = revisionToCompare(article.id);
      const found = await checkPages(page, [{ path: `${prefix}/admin/login`, reader: false }], locale, dir);
      await signIn(context, 'admin', baseURL!);
      const screens = [
        '/admin',
        '/admin/articles',
        '/admin/articles/new',
        `/admin/articles/${article.id}`,
        `/admin/articles/${article.id}/preview`,
        `/admin/articles/${article.id}/revisions?compare=${revision}`,
      ];
      found.push(...(await checkPages(page, screens.map((path) => ({ path: `${prefix}${path}`, reader: false })), locale, dir)));
      expect(report(found), 'accessibility problems').toBe('');
    });

    test(`admin comments, tags, sections, staff, profile and log screens (${locale})`, async ({ page, context, baseURL, request }) => {
      const { article } = fixtures();
      await commentsToShow(request, article.id);
      await signIn(context, 'admin', baseURL!);
      const screens = ['/admin/comments', '/admin/comments?status=approved', '/admin/tags', '/admin/sections', '/admin/staff', '/admin/profile', '/admin/log'];
      const found = await checkPages(page, screens.map((path) => ({ path: `${prefix}${path}`, reader: false })), locale, dir);
      expect(report(found), 'accessibility problems').toBe('');
    });
  });
}
