/** Site-wide settings: the one place that names the site and its defaults. */
export const site = {
  name: 'جريدة Ouma press',
  /** The publisher's logo in structured data: public/logo.png, public/icon.svg drawn at 512 px. */
  logo: { path: '/logo.png', width: 512, height: 512 },
  /** Newsroom time zone used for every date shown to readers. */
  timeZone: 'Africa/Casablanca',
  sectionPageSize: 20,
  latestCount: 8,
  mostReadCount: 5,
  relatedCount: 4,
  sectionBlockCount: 4,
  /** Newest articles in each RSS feed. */
  feedSize: 30,
} as const;

/** Absolute origin for canonical links, feeds and sitemaps; no trailing slash. */
export function siteUrl(): string {
  const raw = process.env.SITE_URL || `http://localhost:${process.env.PORT || 3000}`;
  return raw.replace(/\/+$/, '');
}
