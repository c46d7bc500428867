import { unstable_cache } from 'next/cache';
import { pickLead } from '@/lib/front-page';
import { withDistinctTitles } from '@/lib/related';
import { cache } from 'react';
import { cacheTags, READER_MAX_AGE_SECONDS } from './cache-tags';
import { getDb } from './client';
import {
  countByAuthor,
  countByTag,
  countInSections,
  getVisibleArticle,
  getVisibleCard,
  listInSections,
  listByAuthor,
  listBreaking,
  listByTag,
  listLatest,
  listRelatedIds,
} from './queries/articles';
import { listApprovedComments } from './queries/comments';
import { listMostReadSince } from './queries/views';
import { listSections } from './queries/sections';
import { getSettings } from './queries/settings';
import { listNewestIds } from './queries/syndication';
import { buildTree, subtreeIds } from '@/lib/section-tree';
import { site } from '@/lib/site';

// Readers for the public pages. Each wraps a query in Next's data cache under the tags it depends
// on, so a write can revalidate exactly the pages that show what changed (see cache-tags.ts).
// Results are plain JSON (times are numbers) because cached values are serialized.

export const getSections = cache(
  unstable_cache(async () => listSections(getDb()), ['sections'], { tags: [cacheTags.sections], revalidate: READER_MAX_AGE_SECONDS }),
);

export const getSectionTree = cache(async () => buildTree(await getSections()));

export const getFrontPage = cache(
  unstable_cache(
    async () => {
      const db = getDb();
      const now = Date.now();
      const sections = listSections(db);
      const { lead, latest } = pickLead(listLatest(db, now, { limit: site.latestCount + 1 }));
      const shown = new Set([lead, ...latest].filter(Boolean).map((a) => a!.id));
      const blocks = buildTree(sections).map((section) => ({
        section: { id: section.id, slug: section.slug, name: section.name, nameEn: section.nameEn },
        articles: listInSections(db, subtreeIds(sections, section.id), now, {
          limit: site.sectionBlockCount + shown.size,
        })
          .filter((a) => !shown.has(a.id))
          .slice(0, site.sectionBlockCount),
      }));
      return { lead, latest, blocks };
    },
    ['front-page'],
    { tags: [cacheTags.front, cacheTags.sections], revalidate: READER_MAX_AGE_SECONDS },
  ),
);

export const getSectionArticles = cache(async (sectionId: number, page: number) =>
  unstable_cache(
    async () => {
      const db = getDb();
      const now = Date.now();
      const ids = subtreeIds(listSections(db), sectionId);
      return {
        total: countInSections(db, ids, now),
        articles: listInSections(db, ids, now, {
          limit: site.sectionPageSize,
          offset: (page - 1) * site.sectionPageSize,
        }),
      };
    },
    ['section-articles', String(sectionId), String(page)],
    { tags: [cacheTags.section(sectionId), cacheTags.sections], revalidate: READER_MAX_AGE_SECONDS },
  )(),
);

/** One page of a tag's articles; publishing, unpublishing and tag edits revalidate tag(id). */
export const getTagArticles = cache(async (tagId: number, page: number) =>
  unstable_cache(
    async () => {
      const db = getDb();
      const now = Date.now();
      return {
        total: countByTag(db, tagId, now),
        articles: listByTag(db, tagId, now, { limit: site.sectionPageSize, offset: (page - 1) * site.sectionPageSize }),
      };
    },
    ['tag-articles', String(tagId), String(page)],
    { tags: [cacheTags.tag(tagId), cacheTags.sections], revalidate: READER_MAX_AGE_SECONDS },
  )(),
);

/** One page of an author's articles: every article write revalidates `front`, profile edits author(id). */
export const getAuthorArticles = cache(async (authorId: number, page: number) =>
  unstable_cache(
    async () => {
      const db = getDb();
      const now = Date.now();
      return {
        total: countByAuthor(db, authorId, now),
        articles: listByAuthor(db, authorId, now, { limit: site.sectionPageSize, offset: (page - 1) * site.sectionPageSize }),
      };
    },
    ['author-articles', String(authorId), String(page)],
    { tags: [cacheTags.author(authorId), cacheTags.front], revalidate: READER_MAX_AGE_SECONDS },
  )(),
);

/** The «عاجل» ticker: articles marked breaking until a time still to come (see the scheduler in server.ts). */
export const getBreaking = cache(
  unstable_cache(async () => listBreaking(getDb(), Date.now(), 3), ['breaking'], { tags: [cacheTags.breaking], revalidate: READER_MAX_AGE_SECONDS }),
);

/** «الأكثر قراءة» over 24 hours and 7 days; server.ts revalidates it when counted views change it. */
export const getMostRead = cache(
  unstable_cache(
    async () => {
      const db = getDb();
      const now = Date.now();
      return { day: listMostReadSince(db, now, 24, site.mostReadCount), week: listMostReadSince(db, now, 24 * 7, site.mostReadCount) };
    },
    ['most-read'],
    { tags: [cacheTags.mostRead, cacheTags.sections], revalidate: READER_MAX_AGE_SECONDS },
  ),
);

export const getArticle = cache(async (id: number) =>
  unstable_cache(async () => getVisibleArticle(getDb(), id, Date.now()) ?? null, ['article', String(id)], {
    tags: [cacheTags.article(id), cacheTags.sections],
    revalidate: READER_MAX_AGE_SECONDS,
  })(),
);

const getCard = cache(async (id: number) =>
  unstable_cache(async () => getVisibleCard(getDb(), id, Date.now()) ?? null, ['card', String(id)], {
    tags: [cacheTags.article(id), cacheTags.sections],
    revalidate: READER_MAX_AGE_SECONDS,
  })(),
);

/**
 * Related articles: the ranked ids are kept under the article's own tag, and each card under the
 * tag of the article it shows, so the page follows edits and unpublishing of what it links to.
 */
export const getRelated = cache(async (articleId: number, sectionId: number, title: string) => {
  // Twice as many as shown: those repeating a headline are left out (lib/related.ts).
  const ids = await unstable_cache(
    async () => listRelatedIds(getDb(), { id: articleId, sectionId }, Date.now(), site.relatedCount * 2),
    ['related-ids', String(articleId), String(sectionId)],
    { tags: [cacheTags.article(articleId)], revalidate: READER_MAX_AGE_SECONDS },
  )();
  const cards = await Promise.all(ids.map(getCard));
  return withDistinctTitles(cards.filter((c) => c !== null), title, site.relatedCount);
});

export const getComments = cache(async (articleId: number) =>
  unstable_cache(async () => listApprovedComments(getDb(), articleId), ['comments', String(articleId)], {
    tags: [cacheTags.comments(articleId)],
    revalidate: READER_MAX_AGE_SECONDS,
  })(),
);

export const getReaderSettings = cache(
  unstable_cache(async () => getSettings(getDb()), ['settings'], { tags: [cacheTags.settings], revalidate: READER_MAX_AGE_SECONDS }),
);

/**
 * A feed's articles: the site's newest (sectionId null) or a section's and its descendants'. The list
 * is kept under the same tags as the front page or the section front; each article comes from
 * getArticle, under its own tag, so edits and byline changes show too.
 */
export const getFeedArticles = cache(async (sectionId: number | null) => {
  const ids = await unstable_cache(
    async () => {
      const db = getDb();
      const sectionIds = sectionId === null ? undefined : subtreeIds(listSections(db), sectionId);
      return listNewestIds(db, Date.now(), site.feedSize, sectionIds);
    },
    ['feed-ids', sectionId === null ? 'site' : String(sectionId)],
    {
      tags: sectionId === null ? [cacheTags.front] : [cacheTags.section(sectionId), cacheTags.sections],
      revalidate: READER_MAX_AGE_SECONDS,
    },
  )();
  const articles = await Promise.all(ids.map(getArticle));
  return articles.filter((a) => a !== null);
});
