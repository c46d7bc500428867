import { Feed } from 'feed';
import { articlePath } from './paths';
import { asciiUrl, stripInvalidXmlChars } from './xml';

// RSS 2.0 documents, built by the `feed` package (which escapes text and CDATA); this module only
// decides what goes in and keeps characters XML 1.0 cannot carry out of it.
//
// The writer's name goes in Dublin Core's <dc:creator>, as news feeds do: RSS's own <author> is an
// email address, and staff addresses are never published. `feed` declares the dc namespace only
// for items with full content, so it is declared here.
const DC_NAMESPACE = 'xmlns:dc="http://purl.org/dc/elements/1.1/"';

export type RssChannel = {
  title: string;
  description: string;
  /** Absolute address of the page the feed follows (the front page, a section front). */
  link: string;
  /** Absolute address of the feed itself. */
  feedUrl: string;
};

export type RssItem = {
  title: string;
  /** Absolute permalink: the item's link and guid. */
  url: string;
  publishedAt: number;
  category: string;
  author: string;
  summary: string;
};

export function buildRss(channel: RssChannel, items: RssItem[], now: number = Date.now()): string {
  const clean = stripInvalidXmlChars;
  const feed = new Feed({
    id: asciiUrl(channel.feedUrl),
    title: clean(channel.title),
    description: clean(channel.description),
    link: asciiUrl(channel.link),
    feedLinks: { rss: asciiUrl(channel.feedUrl) },
    language: 'ar',
    // The newest item's time, so the document changes only when its content does.
    updated: new Date(items.length ? Math.max(...items.map((i) => i.publishedAt)) : now),
  });
  for (const item of items) {
    feed.addItem({
      title: clean(item.title),
      link: asciiUrl(item.url),
      date: new Date(item.publishedAt),
      description: clean(item.summary) || undefined,
      category: [{ name: clean(item.category) }],
      extensions: [{ name: 'dc:creator', objects: { _text: clean(item.author) } }],
    });
  }
  const xml = feed.rss2();
  return xml.includes(DC_NAMESPACE) ? xml : xml.replace('<rss version="2.0"', `<rss version="2.0" ${DC_NAMESPACE}`);
}

/** What a feed needs of an article (db/queries/articles.ts ArticleView has it). */
export type FeedArticle = {
  id: number;
  slug: string;
  title: string;
  deck: string;
  excerpt: string;
  publishedAt: number;
  section: { id: number; name: string };
  author: { displayName: string };
};

/**
 * Feed items for these articles. The category is the section's current name from `sections` (the
 * tree is revalidated on a rename; an article's own copy may be older). The summary is what the
 * article page gives as its description: the deck, else the excerpt.
 */
export function articleRssItems(articles: FeedArticle[], origin: string, sections: { id: number; name: string }[]): RssItem[] {
  const sectionName = new Map(sections.map((s) => [s.id, s.name]));
  return articles.map((article) => ({
    title: article.title,
    url: `${origin}${articlePath(article.id, article.slug)}`,
    publishedAt: article.publishedAt,
    category: sectionName.get(article.section.id) ?? article.section.name,
    author: article.author.displayName,
    summary: article.deck || article.excerpt,
  }));
}
