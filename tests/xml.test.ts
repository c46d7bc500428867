import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { asciiUrl, escapeXml, stripInvalidXmlChars, w3cDate } from '@/lib/xml';

describe('stripInvalidXmlChars', () => {
  it('keeps Arabic, emoji, tab and line breaks', () => {
    const text = 'الدبلوماسية\tالدولية\n😀\r\n';
    expect(stripInvalidXmlChars(text)).toBe(text);
  });

  it.each([
    ['NUL', '\u0000'],
    ['a C0 control', '\u0001'],
    ['vertical tab', '\u000B'],
    ['form feed', '\u000C'],
    ['a lone high surrogate', '\uD800'],
    ['a lone low surrogate', '\uDC00'],
    ['U+FFFE', '\uFFFE'],
    ['U+FFFF', '\uFFFF'],
  ])('removes %s', (_, char) => {
    expect(stripInvalidXmlChars(`أ${char}ب`)).toBe('أب');
  });
});

describe('escapeXml', () => {
  it('escapes markup characters and quotes', () => {
    expect(escapeXml(`<a href="x">Tom & 'Jerry'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;');
  });

  it('gives text a parser accepts inside elements and attributes', () => {
    const nasty = `]]> & <![CDATA[ "' \u0001 \uD800 عنوان`;
    expect(XMLValidator.validate(`<r a="${escapeXml(nasty)}">${escapeXml(nasty)}</r>`)).toBe(true);
  });
});

describe('w3cDate', () => {
  it('writes UTC to the second', () => {
    expect(w3cDate(Date.UTC(2024, 2, 5, 10, 7, 9, 450))).toBe('2024-03-05T10:07:09Z');
  });
});

describe('asciiUrl', () => {
  it('percent-encodes an Arabic path and leaves an encoded one alone', () => {
    expect(asciiUrl('https://example.com/section/أخبار')).toBe('https://example.com/section/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1');
    expect(asciiUrl('https://example.com/article/1/%D8%A3')).toBe('https://example.com/article/1/%D8%A3');
  });
});
