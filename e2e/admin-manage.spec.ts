import { expect, test } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { createArticle } from '@/db/queries/articles';
import { addSection } from '@/db/queries/section-admin';
import { createTag, addArticleTags } from '@/db/queries/tags';
import { articleTags, auditLog, sections, tags, users } from '@/db/schema';
import { articlePath, tagPath } from '@/lib/paths';
import { slugify } from '@/lib/slug';
import { signIn } from './admin-helpers';
import { sampleArticleRow, testDb } from './helpers';

test('an admin manages the section tree: create, move, no cycles, delete only when empty', async ({ page, context, baseURL, request }, testInfo) => {
  await signIn(context, 'admin', baseURL!);
  const db = testDb();
  const stamp = `${testInfo.project.name}-${Date.now() % 100000}`;
  await page.goto('/admin/sections');
  const create = page.getByRole('region', { name: 'إضافة قسم' });
  await create.getByRole('textbox', { name: 'الاسم', exact: true }).fill(`قسم تجريبي ${stamp}`);
  await create.getByRole('textbox', { name: 'الاسم في الواجهة الإنجليزية' }).fill(`Test section ${stamp}`);
  await create.getByRole('textbox', { name: 'الرابط المختصر' }).fill(`test-${stamp}`);
  await create.getByRole('button', { name: 'إضافة قسم' }).click();
  await expect.poll(() => db.select().from(sections).where(eq(sections.slug, `test-${stamp}`)).get()).toBeTruthy();
  const created = db.select().from(sections).where(eq(sections.slug, `test-${stamp}`)).get()!;
  // It is in the navigation of the reader site straight away.
  await expect.poll(async () => (await (await request.get('/')).text()).includes(`قسم تجريبي ${stamp}`)).toBe(true);
  // The English interface names it in English.
  expect(created.nameEn).toBe(`Test section ${stamp}`);
  const english = await (await request.get('/en')).text();
  expect(english).toContain(`Test section ${stamp}`);
  expect(english).not.toContain(`قسم تجريبي ${stamp}`);

  // Moving «أخبار» under its own descendant is refused.
  await page.reload();
  const news = db.select().from(sections).where(eq(sections.slug, 'news')).get()!;
  const newsItem = page.locator('li', { has: page.locator('bdi', { hasText: /^أخبار$/ }) }).first();
  await newsItem.locator('summary').first().click();
  const form = newsItem.locator('form', { has: page.getByRole('combobox', { name: 'القسم الأب' }) }).first();
  // The list leaves out its own branch; a forged choice must still be refused by the server.
  const diplomacy = db.select().from(sections).where(eq(sections.slug, 'international-diplomacy')).get()!;
  await form.getByRole('combobox', { name: 'القسم الأب' }).evaluate((select, id) => {
    const option = document.createElement('option');
    option.value = String(id);
    option.textContent = 'forged';
    select.append(option);
  }, diplomacy.id);
  await form.getByRole('combobox', { name: 'القسم الأب' }).selectOption({ label: 'forged' });
  await form.getByRole('button', { name: 'حفظ' }).click();
  await expect(form.getByRole('status')).toHaveText('لا يمكن نقل القسم تحت أحد فروعه.');
  expect(db.select().from(sections).where(eq(sections.id, news.id)).get()!.parentId).toBeNull();

  // A section with articles cannot be deleted; an empty one can.
  page.on('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: 'حذف أخبار وطنية' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'لا يمكن حذف قسم' }).first()).toBeVisible();
  await page.getByRole('button', { name: `حذف قسم تجريبي ${stamp}` }).click();
  // The delete and its log row commit together: the read that first sees the section gone sees
  // the row too (a change without its row would be one nobody logged).
  const readBoth = () =>
    db.transaction((tx) => ({
      gone: !tx.select().from(sections).where(eq(sections.id, created.id)).get(),
      logged: tx.select().from(auditLog).where(eq(auditLog.entityType, 'section')).all().filter((e) => e.entityId === created.id).map((e) => e.action),
    }));
  let seen = readBoth();
  await expect.poll(() => (seen = readBoth()).gone).toBe(true);
  expect(seen.logged).toEqual(['section.create', 'section.delete']);
  // The refused move of «أخبار» under its own branch changed nothing, so it left no row.
  expect(db.select().from(auditLog).where(eq(auditLog.action, 'section.update')).all().filter((e) => e.entityId === news.id)).toEqual([]);
});

test('a renamed section shows its new name and link on articles and cards readers already had cached', async ({ page, context, baseURL, request }, testInfo) => {
  await signIn(context, 'admin', baseURL!);
  const db = testDb();
  const stamp = `${testInfo.project.name}-${Date.now() % 100000}`;
  const sectionId = addSection(db, { name: `قسم قديم ${stamp}`, slug: `old-${stamp}`, description: '', parentId: null });
  const title = `خبر في قسم يتغير اسمه ${stamp}`;
  const now = Date.now();
  const id = createArticle(db, {
    slug: slugify(title),
    title,
    deck: 'سطر تمهيدي',
    body: 'نص الخبر.',
    sectionId,
    authorId: sampleArticleRow(db).authorId,
    status: 'published',
    publishedAt: now - 60_000,
    updatedAt: now,
  });
  const tag = createTag(db, `وسم القسم ${stamp}`, `section-tag-${stamp}`);
  addArticleTags(db, id, [tag.id]);
  const pages = [articlePath(id, slugify(title)), tagPath(tag.slug)];
  // Readers without cookies get these pages from the caches once they are rendered.
  for (const path of pages) {
    for (let i = 0; i < 2; i++) expect(await (await request.get(path)).text()).toContain(`قسم قديم ${stamp}`);
  }

  await page.goto('/admin/sections');
  const item = page.locator('li', { has: page.locator('bdi', { hasText: `قسم قديم ${stamp}` }) }).first();
  await item.locator('summary').first().click();
  const form = item.locator('form', { has: page.getByRole('combobox', { name: 'القسم الأب' }) }).first();
  await form.getByRole('textbox', { name: 'الاسم', exact: true }).fill(`قسم جديد ${stamp}`);
  await form.getByRole('textbox', { name: 'الرابط المختصر' }).fill(`new-${stamp}`);
  await form.getByRole('button', { name: 'حفظ' }).click();
  await expect.poll(() => db.select().from(sections).where(eq(sections.id, sectionId)).get()!.name).toBe(`قسم جديد ${stamp}`);

  for (const path of pages) {
    const html = await (await request.get(path)).text();
    expect(html, path).toContain(`قسم جديد ${stamp}`);
    expect(html, path).toContain(`/section/new-${stamp}`);
    expect(html, path).not.toContain(`قسم قديم ${stamp}`);
    expect(html, path).not.toContain(`/section/old-${stamp}`);
  }
});

test('an editor renames and merges tags', async ({ page, context, baseURL }, testInfo) => {
  await signIn(context, 'editor', baseURL!);
  const db = testDb();
  const stamp = `${testInfo.project.name}${Date.now() % 100000}`;
  const source = createTag(db, `وسم مصدر ${stamp}`, `source-${stamp}`);
  const target = createTag(db, `وسم هدف ${stamp}`, `target-${stamp}`);
  addArticleTags(db, 1, [source.id]);
  addArticleTags(db, 2, [source.id, target.id]);
  await page.goto('/admin/tags');
  await page.getByRole('button', { name: `إعادة تسمية وسم مصدر ${stamp}` }).waitFor();
  const item = page.locator('li', { has: page.locator('bdi', { hasText: `وسم مصدر ${stamp}` }) });
  // The names to merge into are listed once for the whole page, not once per tag.
  const names = await page.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  expect(names.length).toBe(await page.locator('main li').count());
  expect(new Set(names).size).toBe(names.length);
  expect(names).toContain(`وسم هدف ${stamp}`);
  page.on('dialog', (dialog) => dialog.accept()); // a merge deletes the tag merged: it asks first
  const mergeInto = item.getByRole('combobox', { name: 'دمج في' });
  const mergeForm = item.locator('form').filter({ has: page.getByRole('button', { name: `دمج وسم مصدر ${stamp} في وسم آخر` }) });
  const mergeButton = mergeForm.getByRole('button');
  await mergeInto.fill(`وسم غائب ${stamp}`);
  await mergeButton.click();
  await expect(mergeForm.getByRole('status')).toHaveText(`لا يوجد وسم باسم «وسم غائب ${stamp}».`);
  await expect(mergeInto).toHaveValue(`وسم غائب ${stamp}`);
  expect(db.select().from(tags).where(eq(tags.id, source.id)).get()).toBeDefined();
  await mergeInto.fill(`  وسم هدف   ${stamp} `);
  await mergeButton.click();
  await expect.poll(() => db.select().from(tags).where(eq(tags.id, source.id)).get()).toBeUndefined();
  const onTarget = db.select().from(articleTags).where(eq(articleTags.tagId, target.id)).all().map((r) => r.articleId).sort();
  expect(onTarget).toEqual([1, 2]);

  await page.reload();
  const renamed = page.locator('li', { has: page.locator('bdi', { hasText: `وسم هدف ${stamp}` }) });
  await renamed.getByRole('textbox', { name: 'الاسم', exact: true }).fill(`وسم جديد ${stamp}`);
  await renamed.getByRole('button', { name: `إعادة تسمية وسم هدف ${stamp}` }).click();
  await expect.poll(() => db.select().from(tags).where(eq(tags.id, target.id)).get()!.name).toBe(`وسم جديد ${stamp}`);
  expect(db.select().from(tags).where(eq(tags.id, target.id)).get()!.slug).toBe(`target-${stamp}`);
});

test('an admin adds a staff member, who logs in with that role; disabling ends it', async ({ page, context, browser, baseURL }, testInfo) => {
  await signIn(context, 'admin', baseURL!);
  const db = testDb();
  const email = `new-${testInfo.project.name}-${Date.now() % 100000}@example.com`;
  await page.goto('/admin/staff');
  const form = page.getByRole('region', { name: 'إضافة عضو' });
  await form.getByRole('textbox', { name: 'الاسم الظاهر' }).fill('زميلة جديدة');
  await form.getByRole('textbox', { name: 'البريد الإلكتروني' }).fill(email);
  await form.getByRole('combobox', { name: 'الدور' }).selectOption('editor');
  await form.getByLabel(/كلمة المرور الأولى/).fill('short');
  await form.getByRole('button', { name: 'إضافة عضو' }).click();
  await expect(form.getByRole('status')).toHaveText('كلمة المرور قصيرة: 12 حرفًا على الأقل.');
  await expect(form.getByRole('textbox', { name: 'البريد الإلكتروني' })).toHaveValue(email);
  await form.getByLabel(/كلمة المرور الأولى/).fill('a-long-enough-password');
  await form.getByRole('button', { name: 'إضافة عضو' }).click();
  await expect.poll(() => db.select().from(users).where(eq(users.email, email)).get()?.role).toBe('editor');

  const newcomer = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': `10.250.${Date.now() % 250}.9` } });
  const other = await newcomer.newPage();
  await other.goto('/admin/login');
  await other.getByRole('textbox', { name: 'البريد الإلكتروني' }).fill(email);
  await other.getByLabel('كلمة المرور').fill('a-long-enough-password');
  await other.getByRole('button', { name: 'دخول' }).click();
  await expect(other).toHaveURL(/\/admin$/, { timeout: 15_000 }); // a real login: scrypt is slow on purpose
  await expect(other.getByText('زميلة جديدة (محرر)')).toBeVisible();

  page.on('dialog', (dialog) => dialog.accept());
  await page.reload();
  await page.getByRole('button', { name: 'تعطيل الحساب: زميلة جديدة' }).click();
  await expect.poll(() => db.select().from(users).where(eq(users.email, email)).get()?.disabled).toBe(true);
  await other.goto('/admin');
  await expect(other).toHaveURL(/\/admin\/login$/);
  await newcomer.close();
});

test('nobody can take away the last admin', async ({ page, context, baseURL }) => {
  const { id } = await signIn(context, 'admin', baseURL!);
  await page.goto('/admin/staff');
  // The admin's own row offers no role or disable controls.
  const me = page.locator('li', { hasText: 'أنت' });
  await expect(me.getByRole('button')).toHaveCount(0);
  expect(testDb().select().from(users).where(eq(users.id, id)).get()!.role).toBe('admin');
});
