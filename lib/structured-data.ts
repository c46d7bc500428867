import type { ImageSource } from './images';
import { absoluteUrl, isoDate, modifiedAt, socialImage } from './seo';
import { site } from './site';

// JSON-LD (schema.org) for search engines: pure builders that take the page's data, the site's
// origin and already localized paths, and return plain objects with absolute URLs.
// components/StructuredData.tsx renders them with serializeJsonLd.

export type JsonLd = { '@context'?: 'https://schema.org'; '@type': string } & Record<string, unknown>;

const CONTEXT = 'https://schema.org' as const;

/** The newsroom as publisher: name, home page and a raster logo (public/logo.png). */
export function publisherJsonLd(origin: string): JsonLd {
  return {
    '@type': 'NewsMediaOrganization',
    '@id': `${origin}/#publisher`,
    name: site.name,
    url: `${origin}/`,
    logo: {
      '@type': 'ImageObject',
      url: absoluteUrl(site.logo.path, origin),
      width: site.logo.width,
      height: site.logo.height,
    },
  };
}

export type NewsArticleInput = {
  origin: string;
  /** The page's canonical path, localized. */
  path: string;
  title: string;
  description: string;
  image: (ImageSource & { alt?: string; caption?: string; credit?: string }) | null;
  publishedAt: number;
  updatedAt: number;
  author: { name: string; /** localized */ path: string };
  section: string;
  tags: string[];
  /** The language of the article's text (stored content is Arabic on both interfaces). */
  inLanguage: string;
};

export function newsArticleJsonLd(a: NewsArticleInput): JsonLd {
  const url = absoluteUrl(a.path, a.origin);
  const image = a.image ? socialImage(a.image, a.origin) : null;
  return {
    '@context': CONTEXT,
    '@type': 'NewsArticle',
    headline: a.title,
    description: a.description,
    ...(image
      ? {
          image: [
            {
              '@type': 'ImageObject',
              url: image.url,
              width: image.width,
              height: image.height,
              // The same words readers see under the image.
              ...(a.image?.caption ? { caption: a.image.caption } : {}),
              ...(a.image?.credit ? { creditText: a.image.credit } : {}),
            },
          ],
        }
      : {}),
    datePublished: isoDate(a.publishedAt),
    dateModified: isoDate(modifiedAt(a)),
    author: [{ '@type': 'Person', name: a.author.name, url: absoluteUrl(a.author.path, a.origin) }],
    publisher: publisherJsonLd(a.origin),
    articleSection: a.section,
    keywords: a.tags,
    inLanguage: a.inLanguage,
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
  };
}

/** The visible breadcrumb, in order (home first), each with its localized path. */
export function breadcrumbJsonLd(origin: string, items: { name: string; path: string }[]): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: item.name,
      item: absoluteUrl(item.path, origin),
    })),
  };
}

/** The site, with the search box search engines may offer: /search?q=… */
export function webSiteJsonLd(origin: string, { description, inLanguage }: { description: string; inLanguage: string }): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'WebSite',
    '@id': `${origin}/#website`,
    name: site.name,
    url: `${origin}/`,
    description,
    inLanguage,
    publisher: publisherJsonLd(origin),
    potentialAction: {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: `${origin}/search?q={search_term_string}` },
      'query-input': 'required name=search_term_string',
    },
  };
}

/**
 * JSON for a `<script type="application/ld+json">`: `<`, `>` and `&` as \u escapes (same value for
 * a JSON parser), so no text in the data (a headline with `</script>`) can end the script element;
 * U+2028 and U+2029 too, which some parsers treat as line ends.
 */
export function serializeJsonLd(data: JsonLd): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
