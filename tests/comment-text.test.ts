import { describe, expect, it } from 'vitest';
import { charLength, countLinks, hasControlCharacters, isVisiblyEmpty, normalizeText, utf8Length } from '@/lib/comment-text';

const multi = { allowLineBreaks: true };
const single = { allowLineBreaks: false };

describe('hasControlCharacters', () => {
  it('accepts ordinary Arabic and Latin text, with tabs', () => {
    expect(hasControlCharacters('مرحبا بالعالم Hello', single)).toBe(false);
    expect(hasControlCharacters('عمود\tعمود', single)).toBe(false);
  });

  it('refuses NUL, other C0 controls, DEL and C1 controls', () => {
    for (const ch of ['\u0000', '\u0001', '\u0008', '\u000B', '\u000C', '\u000E', '\u001B', '\u001F', '\u007F', '\u0080', '\u0085', '\u009F']) {
      expect(hasControlCharacters(`قبل${ch}بعد`, multi), `U+${ch.codePointAt(0)!.toString(16)}`).toBe(true);
    }
  });

  it('does not treat the characters just outside the control ranges as controls', () => {
    expect(hasControlCharacters(' ~\u00A0\u00A1', single)).toBe(false);
  });

  it('allows line breaks only when told to', () => {
    for (const br of ['\n', '\r', '\r\n', '\u2028', '\u2029']) {
      expect(hasControlCharacters(`سطر${br}سطر`, multi)).toBe(false);
      expect(hasControlCharacters(`سطر${br}سطر`, single)).toBe(true);
    }
  });

  it('still refuses a control character when line breaks are allowed', () => {
    expect(hasControlCharacters('سطر\nسطر\u0000', multi)).toBe(true);
  });
});

describe('normalizeText', () => {
  it('composes to NFC, so decomposed and composed forms compare equal', () => {
    const decomposed = 'Cafe\u0301';
    const composed = 'Caf\u00E9';
    expect(decomposed).not.toBe(composed);
    expect(normalizeText(decomposed)).toBe(composed);
    expect(normalizeText(decomposed)).toBe(normalizeText(composed));
    // Arabic: alef + combining hamza above composes to أ (U+0623).
    expect(normalizeText('\u0627\u0654حمد')).toBe('\u0623حمد');
  });

  it('returns NFC text even when a bidi control sat between a letter and its mark', () => {
    expect(normalizeText('Cafe\u202E\u0301')).toBe('Caf\u00E9');
    expect(normalizeText('\u0627\u2066\u0654حمد')).toBe('\u0623حمد');
  });

  it('strips bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069)', () => {
    const controls = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];
    expect(normalizeText(`أ${controls.join('')}ب`)).toBe('أب');
    expect(normalizeText('\u202Egnp.exe\u202C')).toBe('gnp.exe');
  });

  it('keeps the characters just outside those ranges (LRM/RLM, U+2029 → LF, U+2065, U+2070)', () => {
    expect(normalizeText('أ\u200Eب\u200Fج')).toBe('أ\u200Eب\u200Fج');
    expect(normalizeText('a\u2029b\u2028c')).toBe('a\nb\nc');
    expect(normalizeText('a\u2065b\u2070')).toBe('a\u2065b\u2070');
    expect(normalizeText('a\u2029\u202F')).toBe('a');
  });

  it('turns CRLF and lone CR into LF', () => {
    expect(normalizeText('سطر1\r\nسطر2\rسطر3\nسطر4')).toBe('سطر1\nسطر2\nسطر3\nسطر4');
  });

  it('trims outer whitespace but keeps inner spacing', () => {
    expect(normalizeText('  \n\t نص  داخلي \r\n ')).toBe('نص  داخلي');
  });
});

describe('isVisiblyEmpty', () => {
  it('treats whitespace, zero-width characters, word joiner, BOM and tatweel as empty', () => {
    expect(isVisiblyEmpty('')).toBe(true);
    expect(isVisiblyEmpty(' \t\n\r\u00A0\u3000')).toBe(true);
    expect(isVisiblyEmpty('\u200B\u200C\u200D\u200E\u200F')).toBe(true);
    expect(isVisiblyEmpty('\u2060\uFEFF')).toBe(true);
    expect(isVisiblyEmpty('\u0640\u0640\u0640')).toBe(true);
    expect(isVisiblyEmpty(' \u200B\u0640 \uFEFF\n')).toBe(true);
  });

  it('a single visible character is not empty', () => {
    expect(isVisiblyEmpty('ب')).toBe(false);
    expect(isVisiblyEmpty('\u0640ب\u0640')).toBe(false);
    expect(isVisiblyEmpty('\u200Bx')).toBe(false);
    expect(isVisiblyEmpty('0')).toBe(false);
    expect(isVisiblyEmpty('😀')).toBe(false);
  });
});

describe('utf8Length and charLength', () => {
  it('counts UTF-8 bytes', () => {
    expect(utf8Length('')).toBe(0);
    expect(utf8Length('abc')).toBe(3);
    expect(utf8Length('عربي')).toBe(8);
    expect(utf8Length('€')).toBe(3);
    expect(utf8Length('😀')).toBe(4);
  });

  it('counts code points: an emoji or an Arabic letter is one character', () => {
    expect(charLength('')).toBe(0);
    expect(charLength('abc')).toBe(3);
    expect(charLength('عربي')).toBe(4);
    expect('😀'.length).toBe(2);
    expect(charLength('😀')).toBe(1);
    expect(charLength('أ😀b')).toBe(3);
  });
});

describe('countLinks', () => {
  it('counts http(s) URLs and bare www. addresses, case-insensitively', () => {
    expect(countLinks('لا روابط هنا')).toBe(0);
    expect(countLinks('انظر https://example.com')).toBe(1);
    expect(countLinks('HTTP://A.COM و www.b.org')).toBe(2);
    expect(countLinks('http://a.com https://b.com www.c.com')).toBe(3);
  });

  it('does not count a scheme-less domain or other schemes', () => {
    expect(countLinks('example.com ftp://x.com mailto:a@b.com')).toBe(0);
  });

  it('counts a single http://www. URL once', () => {
    expect(countLinks('راجع http://www.example.com للمزيد')).toBe(1);
  });
});
