import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

// Article bodies are stored as Markdown. Raw HTML in the source is shown as text (html: false),
// single line breaks are kept (newsroom copy often breaks lines inside a paragraph), and the
// output passes an allowlist sanitizer so nothing executable can reach a reader.

const md = new MarkdownIt({ html: false, linkify: false, breaks: true, typographer: false });

const allowlist: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'h2', 'h3', 'h4', 'blockquote', 'ul', 'ol', 'li', 'strong', 'em', 'a', 'code',
    'pre', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'del', 's', 'sup', 'sub',
  ],
  allowedAttributes: { a: ['href', 'title', 'rel'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  // The page's one h1 is the title: body headings start at h2 and stop at h4.
  transformTags: {
    h1: 'h2',
    h5: 'h4',
    h6: 'h4',
    a: (tagName, attribs) => ({
      tagName,
      attribs: /^https?:/i.test(attribs.href ?? '')
        ? { ...attribs, rel: 'noopener noreferrer' }
        : attribs,
    }),
  },
  allowedSchemesAppliedToAttributes: ['href'],
};

export function sanitize(html: string): string {
  return sanitizeHtml(html, allowlist);
}

export function renderMarkdown(source: string): string {
  return sanitize(md.render(source));
}

const entities = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" } as const;

/** Plain text of a Markdown source, for excerpts, descriptions and reading time. */
export function markdownToText(source: string): string {
  return sanitizeHtml(md.render(source), { allowedTags: [], allowedAttributes: {} })
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, name: keyof typeof entities) => entities[name])
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A quick plain-text reading of a Markdown source, for search snippets: link and image text kept,
 * markup characters dropped. Cheaper than markdownToText (no render, no sanitizer); the result is
 * shown as text, never as HTML.
 */
export function markdownPlainText(source: string): string {
  return source
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(#{1,6}|>+|[-*+]|\d+[.)])\s+/gm, '')
    .replace(/[*_~`]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function excerptOf(text: string, maxChars = 200): string {
  if (text.length <= maxChars) return text;
  const cut = text.slice(0, maxChars);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > maxChars * 0.6 ? cut.slice(0, lastSpace) : cut).trim()}…`;
}
