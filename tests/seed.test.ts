import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asc, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { getVisibleArticle, listLatest, listRelated, listTagsOf } from '@/db/queries/articles';
import { listSections } from '@/db/queries/sections';
import { articles, images } from '@/db/schema';
import { isEmpty, seedDemo, type SeedResult } from '@/db/seed';
import { sampleArticle } from '@/db/seed/sample-article';
import { formatDate } from '@/lib/format';
import { ancestorChain, buildTree, type SectionTreeNode } from '@/lib/section-tree';
import { slugify } from '@/lib/slug';
import { createTestDb } from './helpers/db';

const ARTICLES = 40;
const NOW = Date.UTC(2030, 0, 1); // after the demo corpus, long before the scheduled 2099 article
// The page text the sample article was copied from lives beside the project (shared/), not in it.
const SHARED_FILE = [path.resolve(__dirname, '../../shared/seed-article.ar.txt'), '/work/shared/seed-article.ar.txt'].find(
  (f) => fs.existsSync(f),
);
const SHARED_TEXT = SHARED_FILE ? fs.readFileSync(SHARED_FILE, 'utf8') : '';

let mediaDir: string;
let first: { db: Db; cleanup: () => void; result: SeedResult; emptyBefore: boolean };
let second: { db: Db; cleanup: () => void; result: SeedResult };

beforeAll(async () => {
  mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-media-'));
  const a = createTestDb();
  const emptyBefore = isEmpty(a.db);
  first = { ...a, emptyBefore, result: await seedDemo(a.db, { articles: ARTICLES, mediaDir }) };
  // Same options and the same media dir: images already exist, so only the database work repeats.
  const b = createTestDb();
  second = { ...b, result: await seedDemo(b.db, { articles: ARTICLES, mediaDir }) };
}, 60_000);

afterAll(() => {
  first?.cleanup();
  second?.cleanup();
  if (mediaDir) fs.rmSync(mediaDir, { recursive: true, force: true });
});

/** The lines of the shared page text between the source line and "مقالات ذات صلة". */
function sharedBodyLines(): string[] {
  const lines = SHARED_TEXT.split('\n').map((l) => l.replace(/\r$/, ''));
  const start = lines.indexOf(sampleArticle.source);
  const end = lines.indexOf('مقالات ذات صلة');
  expect(start).toBeGreaterThan(0);
  expect(end).toBeGreaterThan(start);
  return lines.slice(start + 1, end).filter((l) => l.trim() !== '');
}

describe('isEmpty', () => {
  it('is true for a fresh database and false after seeding', () => {
    expect(first.emptyBefore).toBe(true);
    expect(isEmpty(first.db)).toBe(false);
  });
});

describe('the sample article', () => {
  it.skipIf(!SHARED_FILE)('matches the shared page text: title, deck and source lines', () => {
    const lines = SHARED_TEXT.split('\n');
    expect(lines).toContain(sampleArticle.title);
    expect(lines).toContain(sampleArticle.deck);
    expect(lines).toContain(sampleArticle.source);
    expect(sampleArticle.title).toBe(
      'في اجتماع إلهام علييف بفلاديمير بوتين : لقاء استحضار الجهود التي بذلها الزعيم الاذربيجاني الراحل حيدر علييف خدمة لرابطة الدول المستقلة',
    );
  });

  it.skipIf(!SHARED_FILE)('contains every body line of the shared text verbatim, in order, and nothing else', () => {
    const expected = sharedBodyLines();
    expect(expected.length).toBe(7); // 5 paragraphs, two of them with a line break
    const bodyLines = sampleArticle.body.split('\n').filter((l) => l !== '');
    expect(bodyLines).toEqual(expected);
  });

  it('is stored published on 22 April 2024 with its text, in the section chain', () => {
    const view = getVisibleArticle(first.db, first.result.sampleArticleId, NOW)!;
    expect(view).toBeDefined();
    expect(view.title).toBe(sampleArticle.title);
    expect(view.deck).toBe(sampleArticle.deck);
    expect(view.source).toBe('وكالة أذرتاج');
    expect(view.body).toBe(sampleArticle.body);
    expect(view.slug).toBe(slugify(sampleArticle.title));
    expect(view.publishedAt).toBe(Date.UTC(2024, 3, 22, 11, 0));
    expect(formatDate(view.publishedAt, 'ar')).toBe('22 أبريل 2024');
    expect(view.image).not.toBeNull();

    const row = first.db.select().from(articles).where(eq(articles.id, view.id)).get()!;
    expect(row.status).toBe('published');

    const chain = ancestorChain(listSections(first.db), view.section.id).map((s) => s.name);
    expect(chain).toEqual(['أخبار', 'أخبار دولية', 'الأفق', 'الدبلوماسية الدولية']);
  });

  it('is tagged with its six tags', () => {
    const names = listTagsOf(first.db, first.result.sampleArticleId).map((t) => t.name);
    expect(names.sort()).toEqual([...sampleArticle.tags].sort());
  });

  it('has at least 3 related articles that share a tag with it', () => {
    const db = first.db;
    const id = first.result.sampleArticleId;
    const sampleTags = new Set(listTagsOf(db, id).map((t) => t.id));
    const related = listRelated(db, { id, sectionId: getVisibleArticle(db, id, NOW)!.section.id }, NOW, 4);
    expect(related).toHaveLength(4);
    const sharing = related.filter((r) => listTagsOf(db, r.id).some((t) => sampleTags.has(t.id)));
    expect(sharing.length).toBeGreaterThanOrEqual(3);
  });

  it('never gets the seeded draft or scheduled article as related, though they share its section', () => {
    const db = first.db;
    const id = first.result.sampleArticleId;
    const hidden = db
      .select({ id: articles.id, title: articles.title })
      .from(articles)
      .all()
      .filter((r) => /^(مسودة|مجدول): /.test(r.title));
    expect(hidden).toHaveLength(2);
    const related = listRelated(db, { id, sectionId: getVisibleArticle(db, id, NOW)!.section.id }, NOW, 100).map((r) => r.id);
    expect(related.length).toBe(ARTICLES);
    for (const h of hidden) {
      expect(related).not.toContain(h.id);
      expect(getVisibleArticle(db, h.id, NOW)).toBeUndefined();
    }
  });

  it('is the newest visible article of the demo corpus', () => {
    expect(listLatest(first.db, NOW, { limit: 1 })[0]!.id).toBe(first.result.sampleArticleId);
  });
});

describe('the generated corpus', () => {
  it('reports and stores the requested number of published articles plus hidden ones', () => {
    expect(first.result.articles).toBe(ARTICLES + 1);
    expect(listLatest(first.db, NOW, { limit: 1000 })).toHaveLength(ARTICLES + 1);
    const all = first.db.select({ id: articles.id }).from(articles).all();
    expect(all).toHaveLength(ARTICLES + 3); // + a draft and a scheduled article, never visible
  });

  it('has at least 8 sections on at least 2 levels', () => {
    const rows = listSections(first.db);
    expect(rows.length).toBeGreaterThanOrEqual(8);
    expect(first.result.sections).toBe(rows.length);
    const depth = (nodes: SectionTreeNode[]): number => (nodes.length ? 1 + Math.max(...nodes.map((n) => depth(n.children))) : 0);
    expect(depth(buildTree(rows))).toBeGreaterThanOrEqual(2);
    expect(rows.filter((r) => r.parentId === null).length).toBeGreaterThanOrEqual(2);
  });

  it('publishes every visible article on or before the sample article', () => {
    const latest = listLatest(first.db, NOW, { limit: 1000 });
    expect(latest.every((a) => a.publishedAt <= sampleArticle.publishedAt)).toBe(true);
  });

  it('is deterministic: the same options give the same titles, slugs and dates', () => {
    const rows = (db: Db) =>
      db
        .select({ title: articles.title, slug: articles.slug, publishedAt: articles.publishedAt, status: articles.status })
        .from(articles)
        .orderBy(asc(articles.id))
        .all();
    const a = rows(first.db);
    const b = rows(second.db);
    expect(a).toHaveLength(ARTICLES + 3);
    expect(b).toEqual(a);
    expect(new Set(a.map((r) => r.title)).size).toBeGreaterThan(ARTICLES / 2); // not one repeated title
    expect(second.result).toEqual(first.result);
  });
});

describe('demo images', () => {
  it('exist on disk for every stored width, at that width', async () => {
    const rows = first.db.select().from(images).all();
    expect(rows.length).toBeGreaterThan(0);
    for (const img of rows) {
      const widths = img.widths.split(',').map(Number);
      expect(widths).toEqual([400, 800, 1200]);
      expect(img.width).toBe(Math.max(...widths));
      for (const w of widths) {
        const file = path.join(mediaDir, `${img.key}-${w}.webp`);
        expect(fs.existsSync(file), file).toBe(true);
      }
    }
    // Decode one image per width to check the real pixel size and format.
    const img = rows[0]!;
    for (const w of [400, 800, 1200]) {
      const meta = await sharp(path.join(mediaDir, `${img.key}-${w}.webp`)).metadata();
      expect(meta.format).toBe('webp');
      expect(meta.width).toBe(w);
      expect(meta.height).toBe(Math.round((w * 9) / 16));
    }
  });
});
