import { describe, expect, it } from 'vitest';
import { excerptOf, markdownPlainText, markdownToText, renderMarkdown, sanitize } from '@/lib/markdown';

describe('renderMarkdown', () => {
  it('wraps blank-line separated text in paragraphs', () => {
    const html = renderMarkdown('الفقرة الأولى.\n\nالفقرة الثانية.');
    expect(html).toBe('<p>الفقرة الأولى.</p>\n<p>الفقرة الثانية.</p>\n');
  });

  it('keeps a single newline inside a paragraph as <br />', () => {
    const html = renderMarkdown('سطر أول\nسطر ثان\n\nفقرة');
    expect(html).toBe('<p>سطر أول<br />\nسطر ثان</p>\n<p>فقرة</p>\n');
  });

  it('renders emphasis, headings, lists and quotes', () => {
    expect(renderMarkdown('**قوي** و*مائل*')).toBe('<p><strong>قوي</strong> و<em>مائل</em></p>\n');
    expect(renderMarkdown('## عنوان')).toBe('<h2>عنوان</h2>\n');
    expect(renderMarkdown('- أ\n- ب')).toBe('<ul>\n<li>أ</li>\n<li>ب</li>\n</ul>\n');
    expect(renderMarkdown('> اقتباس')).toBe('<blockquote>\n<p>اقتباس</p>\n</blockquote>\n');
  });

  it('keeps the page to one h1: body headings become h2 to h4', () => {
    expect(renderMarkdown('# عنوان كبير')).toBe('<h2>عنوان كبير</h2>\n');
    expect(renderMarkdown('###### عنوان صغير')).toBe('<h4>عنوان صغير</h4>\n');
  });

  it('keeps struck-through text', () => {
    expect(renderMarkdown('~~خبر قديم~~')).toBe('<p><s>خبر قديم</s></p>\n');
  });

  it('shows a raw <script> as escaped text', () => {
    const html = renderMarkdown('<script>alert(1)</script>');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('shows a raw <img onerror> as escaped text, with no live tag', () => {
    const html = renderMarkdown('قبل <img src=x onerror=alert(1)> بعد');
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('drops Markdown images (img is not allowed)', () => {
    const html = renderMarkdown('![صورة](https://example.com/x.png)');
    expect(html).not.toMatch(/<img/i);
  });

  it.each(['[x](javascript:alert(1))', '[x](JaVaScRiPt:alert(1))', '[x](vbscript:msgbox(1))', '[x](data:text/html,<b>x</b>)', '<javascript:alert(1)>'])(
    'never produces a dangerous href for %s',
    (source) => {
      const html = renderMarkdown(source);
      expect(html).not.toMatch(/href=/i);
      expect(html.toLowerCase()).not.toMatch(/<a[^>]*(javascript|vbscript|data):/);
    },
  );

  it('drops a protocol-relative href', () => {
    expect(renderMarkdown('[x](//evil.example)')).not.toContain('evil.example"');
  });

  it('adds rel="noopener noreferrer" to http and https links', () => {
    expect(renderMarkdown('[أذرتاج](https://azertag.az/ar)')).toBe(
      '<p><a href="https://azertag.az/ar" rel="noopener noreferrer">أذرتاج</a></p>\n',
    );
    expect(renderMarkdown('[x](http://example.com)')).toContain('rel="noopener noreferrer"');
  });

  it('keeps mailto and relative links without rel', () => {
    expect(renderMarkdown('[بريد](mailto:a@example.com)')).toBe('<p><a href="mailto:a@example.com">بريد</a></p>\n');
    expect(renderMarkdown('[قسم](/section/news)')).toBe('<p><a href="/section/news">قسم</a></p>\n');
  });

  it('does not turn bare URLs into links', () => {
    expect(renderMarkdown('https://example.com')).not.toContain('<a');
  });

  it('renders the sample body paragraph structure', () => {
    const html = renderMarkdown('فقرة أولى.\n\nسطر ثان\nسطر ثالث.\n\nفقرة أخيرة.');
    expect(html.match(/<p>/g)).toHaveLength(3);
    expect(html.match(/<br \/>/g)).toHaveLength(1);
  });
});

describe('sanitize', () => {
  it('strips event handlers and disallowed tags from HTML', () => {
    expect(sanitize('<p onclick="x()">أ</p><iframe src="x"></iframe><style>p{}</style>')).toBe('<p>أ</p>');
  });

  it('drops a javascript: href from a raw anchor', () => {
    expect(sanitize('<a href="javascript:alert(1)">x</a>')).toBe('<a>x</a>');
  });
});

describe('markdownToText', () => {
  it('strips Markdown syntax and collapses whitespace', () => {
    expect(markdownToText('## عنوان\n\n**قوي**  و*مائل*\nسطر')).toBe('عنوان قوي ومائل سطر');
  });

  it('decodes HTML entities back into characters', () => {
    expect(markdownToText('Tom & Jerry "quoted" \'single\' 1 < 2 > 0')).toBe('Tom & Jerry "quoted" \'single\' 1 < 2 > 0');
    expect(markdownToText('&amp; &copy;')).toBe('& ©');
  });

  it('keeps raw HTML as literal text rather than executing or dropping it', () => {
    expect(markdownToText('<b>x</b>')).toBe('<b>x</b>');
  });

  it('keeps link text and drops the URL', () => {
    expect(markdownToText('زوروا [الموقع](https://example.com) اليوم')).toBe('زوروا الموقع اليوم');
  });

  // Bug: the entity replacements run in sequence, &amp; first, so text that literally contains
  // "&lt;" (here inside a code span) is decoded twice and becomes "<".
  it('does not double-decode text that literally contains an entity', () => {
    expect(markdownToText('اكتب `&lt;` للرمز')).toBe('اكتب &lt; للرمز');
  });

  it('returns an empty string for empty input', () => {
    expect(markdownToText('')).toBe('');
  });
});

describe('excerptOf', () => {
  it('returns short text unchanged', () => {
    expect(excerptOf('نص قصير', 200)).toBe('نص قصير');
    const exact = 'أ'.repeat(200);
    expect(excerptOf(exact)).toBe(exact);
  });

  it('cuts at the last word boundary and adds an ellipsis', () => {
    const text = 'جرى اليوم الإثنين بمسكو لقاء على حدة بين الرئيسين';
    // first 20 chars: "جرى اليوم الإثنين بم" → cut back to "جرى اليوم الإثنين"
    expect(excerptOf(text, 20)).toBe('جرى اليوم الإثنين…');
  });

  it('never exceeds maxChars plus the ellipsis and never ends mid-word when a space is near', () => {
    const text = Array.from({ length: 100 }, (_, i) => `كلمة${i}`).join(' ');
    const excerpt = excerptOf(text, 200);
    expect(excerpt.endsWith('…')).toBe(true);
    expect(excerpt.length).toBeLessThanOrEqual(201);
    const body = excerpt.slice(0, -1);
    expect(text.startsWith(body)).toBe(true);
    expect(text[body.length]).toBe(' ');
  });

  it('hard-cuts a text with no space near the limit', () => {
    expect(excerptOf('أ'.repeat(300), 10)).toBe(`${'أ'.repeat(10)}…`);
    // the only space is too early (before 60% of the limit), so the cut is hard
    expect(excerptOf(`أب ${'ت'.repeat(50)}`, 20)).toBe(`أب ${'ت'.repeat(17)}…`);
  });
});

describe('markdownPlainText', () => {
  it('keeps the words of links, headings, lists, quotes and emphasis, without the markup', () => {
    const source = '## عنوان\n\n> اقتباس **مهم**\n\n- بند [رابط](https://example.com) و![صورة](x.png)\n1. أول\n\n`رمز` ~~قديم~~ _مائل_';
    expect(markdownPlainText(source)).toBe('عنوان اقتباس مهم بند رابط وصورة أول رمز قديم مائل');
  });
  it('leaves raw HTML as the text it is shown as', () => {
    expect(markdownPlainText('نص <b>غامق</b>')).toBe('نص <b>غامق</b>');
  });
});
