import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { articleRssItems, buildRss, type RssChannel, type RssItem } from '@/lib/rss';

const channel: RssChannel = {
  title: 'جريدة Ouma press',
  description: 'أخبار المغرب والعالم بالعربية',
  link: 'https://news.example/',
  feedUrl: 'https://news.example/feed.xml',
};

const item: RssItem = {
  title: 'أذربيجان وروسيا: نحو تعزيز تدابير الثقة',
  url: 'https://news.example/article/7/%D8%A3',
  publishedAt: Date.UTC(2024, 3, 22, 9, 5, 0),
  category: 'الدبلوماسية الدولية',
  author: 'هيئة التحرير',
  summary: 'نحو تعزيز تدابير الثقة والتعاون',
};

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });

function parse(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml).rss;
}

describe('buildRss', () => {
  it('writes an RSS 2.0 channel in Arabic with the required item fields', () => {
    const rss = parse(buildRss(channel, [item]));
    expect(rss['@version']).toBe('2.0');
    expect(rss.channel).toMatchObject({ title: channel.title, link: channel.link, description: channel.description, language: 'ar' });
    expect(rss.channel['atom:link']['@href']).toBe(channel.feedUrl);
    const entry = rss.channel.item;
    expect(entry).toMatchObject({ title: item.title, link: item.url, category: item.category, 'dc:creator': item.author, description: item.summary });
    // RSS's own <author> is an email address: the name is Dublin Core's, in its declared namespace.
    expect(entry.author).toBeUndefined();
    expect(rss['@xmlns:dc']).toBe('http://purl.org/dc/elements/1.1/');
    expect(entry.guid).toMatchObject({ '#text': item.url, '@isPermaLink': 'true' });
  });

  it('dates items in RFC 822 form, in GMT', () => {
    const rss = parse(buildRss(channel, [item]));
    expect(rss.channel.item.pubDate).toBe('Mon, 22 Apr 2024 09:05:00 GMT');
    expect(rss.channel.lastBuildDate).toBe('Mon, 22 Apr 2024 09:05:00 GMT');
    expect(rss.channel.item.pubDate).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/);
  });

  it('keeps markup characters as text and drops characters XML 1.0 cannot carry', () => {
    const nasty: RssItem = {
      ...item,
      title: 'A & B <script>alert(1)</script> ]]> "end"\u0001',
      summary: 'الملخص ]]> <b>\u000B</b>',
      author: 'علي & <شركاه>\uFFFF',
      category: 'أخبار & <دولية>',
    };
    const entry = parse(buildRss({ ...channel, title: 'T & <\u0000>' }, [nasty])).channel.item;
    expect(entry.title).toBe('A & B <script>alert(1)</script> ]]> "end"');
    expect(entry.description).toBe('الملخص ]]> <b></b>');
    expect(entry['dc:creator']).toBe('علي & <شركاه>');
    expect(entry.category).toBe('أخبار & <دولية>');
  });

  it('writes links in ASCII', () => {
    const entry = parse(buildRss(channel, [{ ...item, url: 'https://news.example/section/أخبار' }])).channel.item;
    expect(entry.link).toBe('https://news.example/section/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1');
  });

  it('writes a valid channel with no items', () => {
    const rss = parse(buildRss(channel, [], Date.UTC(2024, 0, 1)));
    expect(rss.channel.item).toBeUndefined();
    expect(rss.channel.lastBuildDate).toBe('Mon, 01 Jan 2024 00:00:00 GMT');
  });
});

describe('articleRssItems', () => {
  const article = {
    id: 42,
    slug: 'أذربيجان-وروسيا',
    title: 'العنوان',
    deck: 'سطر العنوان الفرعي',
    excerpt: 'الفقرة الأولى',
    publishedAt: 1,
    section: { id: 3, name: 'اسم قديم' },
    author: { displayName: 'الكاتبة' },
  };

  it('links the article by its permalink and names its section as it is called now', () => {
    const [entry] = articleRssItems([article], 'https://news.example', [{ id: 3, name: 'الدبلوماسية الدولية' }]);
    expect(entry).toEqual({
      title: 'العنوان',
      url: `https://news.example/article/42/${encodeURIComponent(article.slug)}`,
      publishedAt: 1,
      category: 'الدبلوماسية الدولية',
      author: 'الكاتبة',
      summary: 'سطر العنوان الفرعي',
    });
  });

  it('summarizes with the excerpt when there is no deck', () => {
    expect(articleRssItems([{ ...article, deck: '' }], 'https://news.example', [])[0]).toMatchObject({ summary: 'الفقرة الأولى', category: 'اسم قديم' });
  });
});
