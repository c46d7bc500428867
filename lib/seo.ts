import type { Metadata } from 'next';
import { alternatesFor, localized } from '@/i18n/navigation';
import { routing } from '@/i18n/routing';
import { type ImageSource, largestRendition } from './images';
import { site, siteUrl } from './site';

// Search-engine and link-preview metadata of reader pages: one builder, so every page carries the
// same complete set (title, description, canonical, Open Graph, Twitter card). Next merges metadata
// shallowly: a page's `openGraph` replaces the layout's whole, so each page gets all of its fields.
// Nothing here depends on the request, so pages built from it stay cacheable.

/** Open Graph locale of each interface language. */
export const OG_LOCALE: Record<string, string> = { ar: 'ar_MA', en: 'en_US' };

/** `path` (already localized, starting with /) under SITE_URL. */
export function absoluteUrl(path: string, origin = siteUrl()): string {
  return `${origin}${path}`;
}

/** Dates in metadata and structured data: ISO 8601 in UTC. */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString();
}

/** An article's last change as readers see it: never before its publication. */
export function modifiedAt(article: { publishedAt: number; updatedAt: number }): number {
  return Math.max(article.publishedAt, article.updatedAt);
}

/** The one-line summary of an article: its deck, else the excerpt of its first paragraph. */
export function articleDescription(article: { deck: string; excerpt: string }): string {
  return article.deck.trim() || article.excerpt.trim();
}

/** The image a link preview shows: the largest stored rendition, absolute. */
export function socialImage(image: ImageSource & { alt?: string }, origin = siteUrl()) {
  const { url, width, height } = largestRendition(image);
  return { url: absoluteUrl(url, origin), width, height, ...(image.alt ? { alt: image.alt } : {}) };
}

export type PageSeo = {
  locale: string;
  /** The page's reader path before the locale prefix (lib/paths.ts); none for the 404 page. */
  path?: string;
  /** The page's own title; the layout's template adds the site name to <title> unless `absoluteTitle`. */
  title: string;
  absoluteTitle?: boolean;
  description: string;
  image?: (ImageSource & { alt?: string }) | null;
  /** Articles: Open Graph type `article` with these properties. */
  article?: {
    publishedAt: number;
    updatedAt: number;
    section: string;
    tags: string[];
    /** The author page, before the locale prefix. */
    authorPath: string;
  };
  /** Instead of alternatesFor(locale, path), e.g. to announce a section's own feed. */
  alternates?: Metadata['alternates'];
  robots?: Metadata['robots'];
};

export function pageMetadata(page: PageSeo): Metadata {
  const origin = siteUrl();
  const url = page.path === undefined ? undefined : absoluteUrl(localized(page.locale, page.path), origin);
  const image = page.image ? socialImage(page.image, origin) : null;
  const { article } = page;
  return {
    title: page.absoluteTitle ? { absolute: page.title } : page.title,
    description: page.description,
    ...(page.path !== undefined ? { alternates: page.alternates ?? alternatesFor(page.locale, page.path) } : {}),
    openGraph: {
      siteName: site.name,
      locale: OG_LOCALE[page.locale] ?? OG_LOCALE[routing.defaultLocale],
      alternateLocale: routing.locales.filter((l) => l !== page.locale).map((l) => OG_LOCALE[l]!),
      title: page.title,
      description: page.description,
      ...(url ? { url } : {}),
      ...(image ? { images: [image] } : {}),
      ...(article
        ? {
            type: 'article' as const,
            publishedTime: isoDate(article.publishedAt),
            modifiedTime: isoDate(modifiedAt(article)),
            section: article.section,
            tags: article.tags,
            authors: [absoluteUrl(localized(page.locale, article.authorPath), origin)],
          }
        : { type: 'website' as const }),
    },
    twitter: {
      card: image ? 'summary_large_image' : 'summary',
      title: page.title,
      description: page.description,
      ...(image ? { images: [{ url: image.url, ...(image.alt ? { alt: image.alt } : {}) }] } : {}),
    },
    ...(page.robots ? { robots: page.robots } : {}),
  };
}
