import { sql } from 'drizzle-orm';
import { type Db, writeTransaction } from '../client';
import { createArticle, countArticles } from '../queries/articles';
import { insertComment } from '../queries/comments';
import { setSetting } from '../queries/settings';
import { createImage } from '../queries/images';
import { countSections, createSection } from '../queries/sections';
import { addArticleTags, createTag } from '../queries/tags';
import { withSearchIndexPaused } from '../search-functions';
import { createUser } from '../queries/users';
import { articleViews, type UserRole } from '../schema';
import { createRng, generateArticle, int, pick } from './corpus';
import { generateImage } from './images';
import { sampleArticle } from './sample-article';
import { type SeedSection, seedSections, type Topic } from './sections';
import { excerptOf } from '@/lib/markdown';
import { hashBody } from '@/lib/signing';
import { slugify } from '@/lib/slug';
import { HOUR_MS } from '@/lib/view-counter';

const staff: { displayName: string; slug: string; email: string; role: UserRole; bio: string }[] = [
  {
    displayName: 'هيئة التحرير',
    slug: 'newsroom',
    email: 'newsroom@example.com',
    role: 'editor',
    bio: 'فريق تحرير الجريدة: متابعة يومية للأخبار الوطنية والدولية.',
  },
  {
    displayName: 'سعاد بنعلي',
    slug: 'souad-benali',
    email: 'souad@example.com',
    role: 'editor',
    bio: 'رئيسة قسم الشؤون الدولية، تغطي الدبلوماسية والعلاقات الدولية منذ خمسة عشر عامًا.',
  },
  {
    displayName: 'يوسف الإدريسي',
    slug: 'youssef-idrissi',
    email: 'youssef@example.com',
    role: 'author',
    bio: 'صحفي متخصص في الاقتصاد والطاقة.',
  },
  {
    displayName: 'ليلى العلوي',
    slug: 'leila-alaoui',
    email: 'leila@example.com',
    role: 'author',
    bio: 'تكتب عن الثقافة والمجتمع والتعليم.',
  },
  {
    displayName: 'كريم المنصوري',
    slug: 'karim-mansouri',
    email: 'karim@example.com',
    role: 'author',
    bio: 'محرر رياضي يتابع البطولة الوطنية والمنافسات القارية.',
  },
  {
    displayName: 'حمزة الفاسي',
    slug: 'hamza-fassi',
    email: 'hamza@example.com',
    role: 'author',
    bio: 'يغطي أخبار العلوم والتكنولوجيا والتحول الرقمي.',
  },
];

const authorsByTopic: Record<Topic, string[]> = {
  diplomacy: ['souad-benali', 'newsroom'],
  arab: ['souad-benali', 'newsroom'],
  national: ['newsroom', 'youssef-idrissi'],
  regions: ['newsroom', 'leila-alaoui'],
  markets: ['youssef-idrissi'],
  energy: ['youssef-idrissi'],
  football: ['karim-mansouri'],
  athletics: ['karim-mansouri'],
  culture: ['leila-alaoui'],
  health: ['leila-alaoui', 'newsroom'],
  education: ['leila-alaoui'],
  tech: ['hamza-fassi'],
};

export type SeedOptions = { articles: number; mediaDir: string; log?: (line: string) => void };
export type SeedResult = { sections: number; articles: number; tags: number; sampleArticleId: number };

export function isEmpty(db: Db): boolean {
  return countSections(db) === 0 && countArticles(db) === 0;
}

const IMAGE_POOL = 24;
const DEMO_END = sampleArticle.publishedAt;
const MINUTE = 60_000;

/** Fills an empty database with the sample article and a deterministic corpus around it. */
export async function seedDemo(db: Db, options: SeedOptions): Promise<SeedResult> {
  const log = options.log ?? (() => {});
  const rng = createRng(20240422);

  const imagePool = await Promise.all(
    Array.from({ length: Math.min(IMAGE_POOL, options.articles + 1) }, (_, i) => generateImage(options.mediaDir, i + 1)),
  );
  log(`images: ${imagePool.length} generated in ${options.mediaDir}`);

  // The search index is built once at the end, not row by row through its triggers.
  return withSearchIndexPaused(db.$client, () => writeTransaction(db, (tx) => {
    const sectionIds = new Map<string, number>();
    const topicSections: { id: number; topic: Topic }[] = [];
    const insertSections = (list: SeedSection[], parentId: number | null) => {
      list.forEach((s, position) => {
        const row = createSection(tx, { slug: s.slug, name: s.name, nameEn: s.nameEn, description: s.description, parentId, position });
        sectionIds.set(s.name, row.id);
        if (s.topic) topicSections.push({ id: row.id, topic: s.topic });
        if (s.children) insertSections(s.children, row.id);
      });
    };
    insertSections(seedSections, null);

    const userIds = new Map(staff.map((u) => [u.slug, createUser(tx, u).id]));
    // Generated abstract pictures carry no information: empty alt text, so screen readers skip them.
    const imageIds = imagePool.map((img) => createImage(tx, { ...img, alt: '' }));

    const tagIds = new Map<string, number>();
    const tagId = (name: string) => {
      let id = tagIds.get(name);
      if (id === undefined) {
        id = createTag(tx, name, slugify(name)).id;
        tagIds.set(name, id);
      }
      return id;
    };

    const sampleSectionId = sectionIds.get(sampleArticle.sectionChain.at(-1)!)!;

    // Older articles spread over at least a month before the sample article, inserted oldest first
    // so ids grow with time as they do in a working newsroom.
    const times = createRng(7);
    const spanMinutes = Math.max(30 * 24 * 60, options.articles * 36);
    const meanGap = spanMinutes / Math.max(1, options.articles);
    const publishedTimes: number[] = [];
    let at = DEMO_END;
    for (let i = 0; i < options.articles; i++) {
      at -= Math.max(1, Math.round(meanGap * (0.3 + times() * 1.4))) * MINUTE;
      publishedTimes.push(at);
    }
    publishedTimes.reverse();

    // Generated titles repeat; slugs are unique, so a repeat gets a number (as the editor does).
    const usedSlugs = new Map<string, number>();
    const uniqueSlug = (title: string) => {
      const base = slugify(title);
      const n = (usedSlugs.get(base) ?? 0) + 1;
      usedSlugs.set(base, n);
      return n === 1 ? base : `${base}-${n}`;
    };

    const diplomacy = topicSections.find((s) => s.topic === 'diplomacy')!;
    const recentDiplomacy = Math.max(0, options.articles - 40);
    let bilateral = 0;
    publishedTimes.forEach((publishedAt, i) => {
      const target = i % 4 === 0 ? diplomacy : pick(rng, topicSections);
      // The latest diplomacy stories follow the same bilateral relationship as the sample article.
      const force =
        target === diplomacy && i >= recentDiplomacy && bilateral++ < 5
          ? bilateral % 2
            ? ({ country: 'أذربيجان', country2: 'روسيا' } as const)
            : ({ country: 'روسيا', country2: 'أذربيجان' } as const)
          : {};
      const generated = generateArticle(rng, target.topic, force);
      const edited = rng() < 0.2;
      const id = createArticle(tx, {
        slug: uniqueSlug(generated.title),
        title: generated.title,
        deck: generated.deck,
        source: generated.source,
        body: generated.body,
        excerpt: excerptOf(generated.body.split('\n\n')[0]!),
        sectionId: target.id,
        authorId: userIds.get(pick(rng, authorsByTopic[target.topic]))!,
        imageId: rng() < 0.85 ? imageIds[(i % (imageIds.length - 1)) + 1]! : null,
        status: 'published',
        publishedAt,
        updatedAt: edited ? publishedAt + int(rng, 30, 600) * MINUTE : publishedAt,
        viewCount: int(rng, 0, 1500),
      });
      addArticleTags(tx, id, generated.tags.map(tagId));
      if (i > 0 && i % 10_000 === 0) log(`articles: ${i}`);
    });

    const sampleArticleId = createArticle(tx, {
      slug: uniqueSlug(sampleArticle.title),
      title: sampleArticle.title,
      deck: sampleArticle.deck,
      source: sampleArticle.source,
      body: sampleArticle.body,
      excerpt: excerptOf(sampleArticle.body.split('\n\n')[0]!),
      sectionId: sampleSectionId,
      authorId: userIds.get('newsroom')!,
      imageId: imageIds[0]!,
      status: 'published',
      publishedAt: sampleArticle.publishedAt,
      updatedAt: sampleArticle.publishedAt,
      viewCount: 1840,
    });
    addArticleTags(tx, sampleArticleId, sampleArticle.tags.map(tagId));

    // Two that readers must never see: a draft, and one scheduled far in the future.
    for (const [status, when] of [['draft', null], ['scheduled', Date.UTC(2099, 0, 1)]] as const) {
      const generated = generateArticle(rng, 'national');
      createArticle(tx, {
        slug: uniqueSlug(generated.title),
        title: `${status === 'draft' ? 'مسودة' : 'مجدول'}: ${generated.title}`,
        deck: generated.deck,
        body: generated.body,
        excerpt: excerptOf(generated.body.split('\n\n')[0]!),
        sectionId: sampleSectionId,
        authorId: userIds.get('souad-benali')!,
        status,
        publishedAt: when,
        updatedAt: DEMO_END,
      });
    }

    seedComments(tx, sampleArticleId, Math.max(0, sampleArticleId - 400), rng);
    seedRecentViews(tx, sampleArticleId, rng);
    // The demo's articles are from 2024: keep their threads open (the default closes them after 60 days).
    setSetting(tx, 'comments.closeAfterDays', 0);

    tx.run(sql`ANALYZE`);
    log(`seeded: ${sectionIds.size} sections, ${options.articles + 1} published articles, ${tagIds.size} tags`);
    return { sections: sectionIds.size, articles: options.articles + 1, tags: tagIds.size, sampleArticleId };
  }));
}

/**
 * Reads over the last 7 days (hourly buckets, relative to now) for the sample article and the
 * newest others, so «الأكثر قراءة» has something to show on a fresh demo.
 */
function seedRecentViews(tx: Db, sampleArticleId: number, rng: () => number) {
  const hourNow = Math.floor(Date.now() / HOUR_MS);
  const ids = [sampleArticleId, ...Array.from({ length: 40 }, (_, i) => sampleArticleId - 1 - i).filter((id) => id > 0)];
  const rows: { hour: number; articleId: number; views: number }[] = [];
  ids.forEach((articleId, rank) => {
    const popularity = 1 + (ids.length - rank) * rng();
    for (let back = 0; back < 24 * 7; back++) {
      if (rng() < 0.35) rows.push({ hour: hourNow - back, articleId, views: Math.ceil(popularity * rng() * 6) });
    }
  });
  for (let i = 0; i < rows.length; i += 500) tx.insert(articleViews).values(rows.slice(i, i + 500)).run();
}

const commenters = [
  { name: 'محمد الأمين', email: 'amine@example.org', website: null },
  { name: 'فاطمة الزهراء', email: 'fz@example.org', website: 'https://example.org/fz' },
  { name: 'عبد الله بنعلي', email: 'abdellah@example.org', website: null },
  { name: 'Nadia B.', email: 'nadia@example.org', website: null },
  { name: 'رشيد', email: 'rachid@example.org', website: null },
];

const remarks = [
  'شكرًا على هذا المقال المفصل، المعلومات واضحة ومفيدة.',
  'أتمنى أن تنعكس هذه الاتفاقيات على حياة المواطنين بشكل ملموس.',
  'هل هناك أرقام أحدث حول هذا الموضوع؟',
  'تحليل جيد، لكن كان من المفيد ذكر رأي الخبراء المستقلين.',
  'متابعة ممتازة كالعادة.\nننتظر المزيد من التفاصيل في الأيام المقبلة.',
];

/** A few approved conversations: on the sample article (with a reply thread) and on recent articles. */
function seedComments(tx: Db, sampleArticleId: number, firstRecentId: number, rng: () => number): void {
  let at = Date.UTC(2024, 3, 22, 13, 0);
  const add = (articleId: number, who: (typeof commenters)[number], body: string, parent?: { id: number; depth: number }) => {
    at += 17 * MINUTE;
    const result = insertComment(tx, {
      articleId,
      parentId: parent?.id ?? null,
      depth: parent ? parent.depth + 1 : 0,
      authorName: who.name,
      authorEmail: who.email,
      authorUrl: who.website,
      body,
      bodyHash: hashBody(body),
      status: 'approved',
      ipHash: 'seed',
      createdAt: at,
    });
    return result.ok ? { id: result.id, depth: parent ? parent.depth + 1 : 0 } : undefined;
  };
  const first = add(sampleArticleId, commenters[0]!, 'لقاء مهم في توقيت حساس، ومشروع النقل الدولي «الشمال والجنوب» يستحق متابعة أكبر.');
  const reply = add(sampleArticleId, commenters[1]!, 'أتفق معك، خصوصًا أن حجم التبادل التجاري تجاوز 4 مليار دولار.', first);
  add(sampleArticleId, commenters[2]!, 'وماذا عن موقف البلدين من الأمن الإقليمي في القوقاز؟', reply);
  add(sampleArticleId, commenters[3]!, 'مقال واضح، شكرًا لجريدة Ouma press.');
  for (let id = firstRecentId; id < sampleArticleId; id++) {
    if (rng() > 0.3) continue;
    const count = int(rng, 1, 3);
    for (let i = 0; i < count; i++) add(id, pick(rng, commenters), pick(rng, remarks));
  }
}
