import { feedPath, sectionFeedPath } from './paths';
import { site } from './site';

// The feeds a reader page announces in its head (metadata.alternates.types), and their titles,
// which are also the channel titles.

export function siteFeedTitle(): string {
  return site.name;
}

/** Like the section page's own title (the layout's template). */
export function sectionFeedTitle(sectionName: string): string {
  return `${sectionName} | ${site.name}`;
}

/** The site's feed, then the section's when the page is a section front. */
export function feedAlternates(section?: { slug: string; name: string }) {
  return {
    'application/rss+xml': [
      { url: feedPath(), title: siteFeedTitle() },
      ...(section ? [{ url: sectionFeedPath(section.slug), title: sectionFeedTitle(section.name) }] : []),
    ],
  };
}
