// Every tag a cached reader declares, in one place. A write revalidates the tags of what it changed:
// publishing article 42 in section 7 revalidates article(42), section(7) and its ancestors, and front.

export const cacheTags = {
  /**
   * The section tree: navigation, breadcrumbs, section headers, and the section's name and link on
   * every article and card (a renamed section must not stay old on cached articles).
   */
  sections: 'sections',
  /** Site settings that change what pages show (comment threads closing). */
  settings: 'settings',
  /** Blocks of the front page: lead, latest, per-section blocks. */
  front: 'front',
  /** The «عاجل» ticker on every reader page. */
  breaking: 'breaking',
  /** «الأكثر قراءة» over 24 hours and 7 days, on the front page and beside articles. */
  mostRead: 'most-read',
  /** Article lists of one section (each section's list includes its descendants' articles). */
  section: (id: number) => `section:${id}`,
  /** One article: its page, and its card wherever another article lists it as related. */
  article: (id: number) => `article:${id}`,
  /** Lists of one tag's articles (tag pages). */
  tag: (id: number) => `tag:${id}`,
  /** An author's page header (name, bio); their article list also follows `front`. */
  author: (id: number) => `author:${id}`,
  /** The approved comments shown under one article. Their count on cards follows section(id). */
  comments: (articleId: number) => `comments:${articleId}`,
} as const;

/**
 * The longest any cached reader data lives without a write revalidating it: the safety net for what
 * changes without a write (most read, scheduled publication). app/[locale]/layout.tsx repeats it as
 * the route's `revalidate`, which must be a literal.
 */
export const READER_MAX_AGE_SECONDS = 3600;
